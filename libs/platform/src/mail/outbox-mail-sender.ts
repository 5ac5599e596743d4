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

/** Reads the outbox (the embedded mode's local mailbox page). */
@Injectable()
export class MailOutbox {
  constructor(private readonly outbox: MailOutboxRepository) {}

  latest(limit = 50): Promise<MailOutboxEntity[]> {
    return this.outbox.latest(limit);
  }
}
