import type { AtsEvent } from '@comeback/ats';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type InboxStatus = 'received' | 'processed' | 'ignored' | 'stored' | 'failed';

/**
 * Every verified webhook delivery, stored before it is queued. The unique key on the ATS's event id
 * makes a re-delivery a no-op; the normalised event is kept so a job can always be re-run from the inbox,
 * and the raw body beside it for inspection.
 */
@Entity('inbox_events')
@Unique('uq_inbox_events_delivery', ['tenantId', 'ats', 'eventId'])
@Index(['tenantId', 'status', 'receivedAt'])
export class InboxEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  ats!: string;

  @Column({ type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  rawBody!: string;

  /** The event as the receiver verified and normalised it: what the worker processes (never a re-parse). */
  @Column({ type: 'jsonb', nullable: true })
  event!: AtsEvent | null;

  @Column({ type: 'text' })
  status!: InboxStatus;

  /** The application the delivery is about: its deliveries are processed one at a time, in `seq` order. */
  @Column({ type: 'text', nullable: true })
  applicationId!: string | null;

  /** Receipt number (a sequence): the order in which an application's deliveries are processed. */
  @Column({ type: 'bigint', nullable: true, insert: false, update: false })
  seq!: string | null;

  /** Waits for an earlier delivery of the same application; that one hands it on when it finishes. */
  @Column({ type: 'boolean', default: false })
  held!: boolean;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
