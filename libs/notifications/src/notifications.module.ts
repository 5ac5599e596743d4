import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@comeback/platform';
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
      useFactory: (config: AppConfig, outbox: OutboxNotificationMailer): NotificationMailer =>
        process.env.SMTP_URL
          ? new SmtpNotificationMailer(process.env.SMTP_URL, mailFrom(process.env, config.publicBaseUrl))
          : outbox,
    },
  ],
  exports: [NotificationsService, NotificationsWorker, NotificationsRepository],
})
export class NotificationsModule {}
