import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A webhook registration an ATS holds for one tenant's connection (created through the ATS's API). Stored so
 * that any process can renew or delete it, and so that a restart does not forget what exists.
 */
@Entity('webhook_subscriptions')
@Unique('uq_webhook_subscriptions_tenant_kind_external', ['tenantId', 'kind', 'externalId'])
@Index('ix_webhook_subscriptions_valid_until', ['validUntil'])
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  kind!: string;

  /** The ATS's id for the registration. */
  @Column({ type: 'text' })
  externalId!: string;

  /** Our receiver URL as registered (the URL given to subscribe, before the adapter adds its own touches). */
  @Column({ type: 'text' })
  receiverUrl!: string;

  /** The target the ATS posts to. */
  @Column({ type: 'text' })
  target!: string;

  @Column({ type: 'timestamptz', nullable: true })
  validUntil!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
