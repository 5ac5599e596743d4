import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type FairnessPolicyStatus = 'draft' | 'active' | 'retired';

/** Versioned fairness policy documents; exactly one active per tenant (partial unique index). */
@Entity('fairness_policies')
@Unique('uq_fairness_policies_version', ['tenantId', 'version'])
@Index('uq_fairness_policies_active', ['tenantId'], { unique: true, where: "status = 'active'" })
export class FairnessPolicyVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  status!: FairnessPolicyStatus;

  @Column({ type: 'jsonb' })
  document!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'text', nullable: true })
  activatedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;
}
