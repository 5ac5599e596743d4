import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type HrisInboxStatus = 'received' | 'processed' | 'failed' | 'ignored';

/** A verified HR-system webhook delivery, stored once per delivery id before anything else happens. */
@Entity('hris_inbox_events')
@Unique('uq_hris_inbox_delivery', ['tenantId', 'kind', 'deliveryId'])
@Index(['tenantId', 'createdAt'])
export class HrisInboxEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  deliveryId!: string;

  @Column({ type: 'text' })
  event!: string;

  /** upsert | deleted | ignored */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  externalId!: string | null;

  /** Raw body as verified; purged with the tenant's retention like the ATS inbox. */
  @Column({ type: 'text', nullable: true })
  rawBody!: string | null;

  @Column({ type: 'text' })
  status!: HrisInboxStatus;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
