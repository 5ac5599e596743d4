/** One e-mail to one person. Bodies carry links to the console, never sensitive data (see security.md). */
export interface MailMessage {
  /** The tenant the mail is about (null for mail about no tenant); kept with the outbox copy. */
  tenantId: string | null;
  to: string;
  subject: string;
  /** Plain text: always present (every client reads it). */
  text: string;
  /** Optional HTML alternative. */
  html?: string;
  /** What the mail is for (`invitation`, `password_reset`, `notification`, …): for the outbox page and tests. */
  kind: string;
}

/**
 * Sends e-mail. Two drivers: SMTP (`SMTP_URL` set) and the database outbox (unset: kept, never sent; shown at
 * /console/dev/mailbox in embedded mode). Inject `MailSender`; `send` resolves once the server accepted the
 * message or the outbox row is written, and throws `MailNotSentError` when the SMTP server refused it.
 */
export abstract class MailSender {
  abstract send(message: MailMessage): Promise<void>;
}

export class MailNotSentError extends Error {
  constructor(reason: string) {
    super(`The mail server did not accept the message: ${reason}`);
    this.name = 'MailNotSentError';
  }
}
