import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type PolicyStatus = 'draft' | 'active' | 'retired';

/** Versioned eligibility policy documents; exactly one active per tenant (partial unique index). */
@Entity('eligibility_policies')
@Unique('uq_eligibility_policies_version', ['tenantId', 'version'])
@Index('uq_eligibility_policies_active', ['tenantId'], { unique: true, where: "status = 'active'" })
export class EligibilityPolicyVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  status!: PolicyStatus;

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
