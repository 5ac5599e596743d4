import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PipelineModule } from '@comeback/pipeline';
import {
  NotificationEntity,
  NotificationPreferenceEntity,
  NotificationSettingsEntity,
} from './entities/notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { NotificationsWorker } from './notifications.worker';

/**
 * Notifications: what waits (read from the features' tables), per-person preferences, the tenant's chat webhook,
 * e-mail through the platform's `MailSender` (SMTP when `SMTP_URL` is set, else the mail outbox).
 */
@Module({
  imports: [
    PipelineModule,
    TypeOrmModule.forFeature([NotificationSettingsEntity, NotificationPreferenceEntity, NotificationEntity]),
  ],
  providers: [NotificationsRepository, NotificationsService, NotificationsWorker],
  exports: [NotificationsService, NotificationsWorker, NotificationsRepository],
})
export class NotificationsModule {}

/** The service without the worker (no job handler, no timer): for CLI commands such as `secrets:rotate`. */
@Module({
  imports: [
    // NotificationsService asks the pipeline's OperationsService for failed jobs.
    PipelineModule,
    TypeOrmModule.forFeature([NotificationSettingsEntity, NotificationPreferenceEntity, NotificationEntity]),
  ],
  providers: [NotificationsRepository, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsServicesModule {}
