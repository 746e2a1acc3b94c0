import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailTransport, MemoryMailTransport } from './index.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

describe('SMTP mail transport', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers the message with sender, recipient, subject and body to a real SMTP server', async () => {
    const transport = createSmtpMailTransport({ url: `smtp://127.0.0.1:${port}`, from: 'Kringbouw <noreply@kringbouw.test>' });
    await transport.send({ to: 'beleid@leiden.demo', subject: 'Nieuw wachtwoord instellen', text: 'Link: https://kringbouw.test/wachtwoord-herstellen?token=abc' });
    transport.close();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'noreply@kringbouw.test', to: ['beleid@leiden.demo'] });
    expect(received[0]?.data).toContain('Subject: Nieuw wachtwoord instellen');
    expect(received[0]?.data).toContain('wachtwoord-herstellen?token=abc');
  });

  it('fails loudly when the server cannot be reached', async () => {
    const transport = createSmtpMailTransport({ url: 'smtp://127.0.0.1:1', from: 'noreply@kringbouw.test' });
    await expect(transport.send({ to: 'a@b.nl', subject: 'x', text: 'y' })).rejects.toThrow();
    transport.close();
  });
});

describe('memory mail transport', () => {
  it('keeps messages and finds the last one per recipient', async () => {
    const mail = new MemoryMailTransport();
    await mail.send({ to: 'a@b.nl', subject: '1', text: 'een' });
    await mail.send({ to: 'a@b.nl', subject: '2', text: 'twee' });
    expect(mail.lastTo('a@b.nl')?.subject).toBe('2');
    expect(mail.lastTo('c@d.nl')).toBeUndefined();
  });
});
