import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** One tenant's link to its HR system. The token and the webhook secret are sealed like ATS credentials. */
@Entity('hris_connections')
@Unique('uq_hris_connections_tenant_kind', ['tenantId', 'kind'])
export class HrisConnectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  apiBaseUrl!: string;

  @Column({ type: 'text' })
  accessTokenSealed!: string;

  @Column({ type: 'text' })
  webhookTokenSealed!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
