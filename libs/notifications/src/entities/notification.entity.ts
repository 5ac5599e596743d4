import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { ChatKind, DeliveryMode, Language, NotificationEvent } from '../notification.types';

/** A tenant's notification settings: how long a review may wait, and the optional Slack/Teams webhook. */
@Entity('notification_settings')
export class NotificationSettingsEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  /** A review item waiting longer than this is "overdue". */
  @Column({ type: 'int', default: 48 })
  reviewWaitHours!: number;

  @Column({ type: 'text', nullable: true })
  chatKind!: ChatKind | null;

  /** The incoming-webhook URL, sealed (the URL is the credential). */
  @Column({ type: 'text', nullable: true })
  chatWebhookSealed!: string | null;

  @Column({ type: 'text', array: true, default: () => 'ARRAY[]::text[]' })
  chatEvents!: NotificationEvent[];

  /** Language of the chat messages (a channel has many readers). */
  @Column({ type: 'text', default: 'ja' })
  chatLanguage!: Language;

  @Column({ type: 'text' })
  updatedBy!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** One person's choices: which events, immediately or in a daily digest, where and in which language. */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  /** The person (token subject today; a people account later). */
  @PrimaryColumn({ type: 'text' })
  subject!: string;

  /** Role when the preference was saved: events a role may not see are never sent to it. */
  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  language!: Language;

  @Column({ type: 'text', array: true })
  events!: NotificationEvent[];

  @Column({ type: 'text' })
  mode!: DeliveryMode;

  @Column({ type: 'timestamptz', nullable: true })
  lastDigestAt!: Date | null;
}

/**
 * One item told (or to be told) to one recipient (a person or the tenant's chat): unique per recipient, event
 * and item, so the same item never notifies twice. `sentAt` null = waiting (for delivery or for the digest).
 */
@Entity('notifications')
@Unique('uq_notifications_item', ['tenantId', 'recipient', 'event', 'itemKey'])
@Index(['tenantId', 'sentAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  /** `person:<subject>` or `chat`. */
  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  event!: NotificationEvent;

  @Column({ type: 'text' })
  itemKey!: string;

  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'text' })
  mode!: DeliveryMode;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Mail kept instead of sent where no SMTP server is configured (embedded mode, demos). */
@Entity('notification_mail_outbox')
export class NotificationMailOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  to!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
