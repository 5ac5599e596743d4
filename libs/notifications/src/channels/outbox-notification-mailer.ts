import { Injectable } from '@nestjs/common';
import { NotificationsRepository } from '../notifications.repository';
import { NotificationMailer, OutgoingMail } from './notification-mailer';

/** Without SMTP (embedded mode, demos) mail is kept in the database, never sent. */
@Injectable()
export class OutboxNotificationMailer extends NotificationMailer {
  constructor(private readonly repo: NotificationsRepository) {
    super();
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.repo.keepMail(mail);
  }
}
