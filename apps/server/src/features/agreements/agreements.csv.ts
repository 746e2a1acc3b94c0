/** The audit trail as CSV: one row per changed field, values as JSON, semicolon-separated with a BOM (Excel nl-NL). */
import type { AuditEntry } from '@kringbouw/contracts';
import { csvByteOrderMark, csvRow } from '@kringbouw/domain/csv';

function json(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
}

export function auditCsv(items: readonly AuditEntry[]): string {
  const header = ['volgnummer', 'tijdstip', 'wie', 'actie', 'onderdeel', 'id', 'versie', 'veld', 'voor', 'na'];
  const lines = [csvRow(header)];
  for (const e of items) {
    const base = [String(e.seq), e.at, e.actor?.name ?? '', e.action, e.entity, e.entityId ?? '', e.versionNumber === null ? '' : String(e.versionNumber)];
    const changes = e.changes.length === 0 ? [{ field: '', before: null, after: null }] : e.changes;
    for (const c of changes) lines.push(csvRow([...base, c.field, json(c.before), json(c.after)]));
  }
  return `${csvByteOrderMark}${lines.join('\r\n')}\r\n`;
}
