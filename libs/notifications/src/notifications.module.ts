import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, InvalidConfigError } from '@comeback/platform';
import { mailFrom, NotificationMailer, SmtpNotificationMailer } from './channels/notification-mailer';
import { OutboxNotificationMailer } from './channels/outbox-notification-mailer';
import {
  NotificationEntity,
  NotificationMailOutboxEntity,
  NotificationPreferenceEntity,
  NotificationSettingsEntity,
} from './entities/notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { NotificationsWorker } from './notifications.worker';

/**
 * Notifications: what waits (read from the features' tables), per-person preferences, the tenant's chat webhook,
 * e-mail through `NotificationMailer` (SMTP when `SMTP_URL` is set, else kept in an outbox table).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      NotificationSettingsEntity,
      NotificationPreferenceEntity,
      NotificationEntity,
      NotificationMailOutboxEntity,
    ]),
  ],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationsWorker,
    OutboxNotificationMailer,
    {
      provide: NotificationMailer,
      inject: [APP_CONFIG, OutboxNotificationMailer],
      // SMTP_URL and MAIL_FROM are read here until the shared mail sender brings them into AppConfig; checked
      // at start-up all the same.
      useFactory: (config: AppConfig, outbox: OutboxNotificationMailer): NotificationMailer => {
        const smtpUrl = process.env.SMTP_URL;
        if (!smtpUrl) return outbox;
        if (!/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
          throw new InvalidConfigError(['SMTP_URL must be an smtp:// or smtps:// URL']);
        return new SmtpNotificationMailer(smtpUrl, mailFrom(process.env, config.publicBaseUrl));
      },
    },
  ],
  exports: [NotificationsService, NotificationsWorker, NotificationsRepository],
})
export class NotificationsModule {}
