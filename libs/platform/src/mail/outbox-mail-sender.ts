import { Injectable } from '@nestjs/common';
import type { MailOutboxEntity } from './mail-outbox.entity';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailSender, type MailMessage } from './mail-sender.port';

/** No SMTP server configured: mail is kept in the database, never sent. */
@Injectable()
export class OutboxMailSender extends MailSender {
  constructor(private readonly outbox: MailOutboxRepository) {
    super();
  }

  async send(message: MailMessage): Promise<void> {
    await this.outbox.insert(message);
  }
}

/**
 * Kept mail holds one-time links (invitations, password resets): it is deleted after a day, past the 1-hour reset
 * link and long enough for the embedded demo's mailbox page; invitation links older than that are re-sent by HR.
 */
export const MAIL_OUTBOX_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Reads the outbox (the embedded mode's local mailbox page) and purges it. */
@Injectable()
export class MailOutbox {
  constructor(private readonly outbox: MailOutboxRepository) {}

  /** Deletes mail kept longer than `MAIL_OUTBOX_RETENTION_MS`. */
  purgeExpired(now = new Date()): Promise<number> {
    return this.outbox.purgeBefore(new Date(now.getTime() - MAIL_OUTBOX_RETENTION_MS));
  }

  latest(limit = 50): Promise<MailOutboxEntity[]> {
    return this.outbox.latest(limit);
  }
}
