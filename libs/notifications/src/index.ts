export * from './notifications.module';
export * from './notifications.service';
export * from './notifications.worker';
export * from './notifications.dto';
export * from './notification.types';
export { NotificationsRepository } from './notifications.repository';
export { NotificationMailer } from './channels/notification-mailer';
export type { OutgoingMail } from './channels/notification-mailer';
export { CHAT_WEBHOOK_HOSTS, chatWebhookProblem } from './channels/chat-webhook';
