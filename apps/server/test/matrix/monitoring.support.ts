import { randomBytes } from 'node:crypto';

/** A declaration as multipart: text fields, then the report PDF as part "report". */
export function declarationMultipart(fields: Record<string, string>, report?: { name: string; content: Buffer }) {
  const boundary = `----kringbouw${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (report) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="report"; filename="${report.name}"\r\nContent-Type: application/pdf\r\n\r\n`), report.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
