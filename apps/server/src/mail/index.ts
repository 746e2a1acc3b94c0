import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where outgoing mail goes. Swap the implementation at start-up; the services only know this interface. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** Development default: the message (with its link) goes to the log instead of a mailbox. */
export function createLogMailTransport(logger: Pick<FastifyBaseLogger, 'info'>): MailTransport {
  return {
    async send(message) {
      logger.info({ mail: message }, `mail to ${message.to}: ${message.subject}`);
    },
  };
}

/** Keeps messages in memory; tests read links from it. */
export class MemoryMailTransport implements MailTransport {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
  lastTo(email: string): MailMessage | undefined {
    return this.sent.filter((m) => m.to === email).at(-1);
  }
}

/**
 * Real mail through an SMTP server via nodemailer. `url` is a nodemailer connection URL, e.g.
 * `smtp://user:password@mail.example.nl:587` (STARTTLS when offered) or `smtps://…:465`.
 */
export function createSmtpMailTransport(options: { url: string; from: string }): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(options.url);
  return {
    async send(message) {
      await transporter.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transporter.close(),
  };
}
