import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** PostgreSQL returns bigint as a string; yen amounts fit a JavaScript number. */
const bigintNumber = {
  to: (v: number | null): number | null => v,
  from: (v: string | null): number | null => (v === null ? null : Number(v)),
};

/**
 * One hire the ATS reported, returnee or not (the returnees' share of mid-career hires needs both). HR-only:
 * `offerAmount` and the ratios are pay data; the report shows them only as medians over 5 or more people.
 */
@Entity('hire_outcomes')
@Unique('uq_hire_outcomes_application', ['tenantId', 'ats', 'applicationId'])
@Index('IDX_hire_outcomes_tenant_hired', ['tenantId', 'hiredAt'])
export class HireOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  ats!: string;

  @Column({ type: 'text' })
  applicationId!: string;

  @Column({ type: 'text' })
  jobId!: string;

  /** The matched former employee; null for everyone else. */
  @Column({ type: 'text', nullable: true })
  employeeNumber!: string | null;

  @Column({ type: 'boolean' })
  returnee!: boolean;

  @Column({ type: 'boolean' })
  fastTracked!: boolean;

  @Column({ type: 'timestamptz' })
  hiredAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  offerAt!: Date | null;

  @Column({ type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'real', nullable: true })
  daysToOffer!: number | null;

  @Column({ type: 'integer', default: 0 })
  stagesSkipped!: number;

  @Column({ type: 'real', default: 0 })
  daysSaved!: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  offerAmount!: number | null;

  /** Offer ÷ band midpoint. */
  @Column({ type: 'real', nullable: true })
  compaRatio!: number | null;

  /** Offer ÷ the market median (P50) of the job's family, level and location. */
  @Column({ type: 'real', nullable: true })
  marketRatio!: number | null;

  /** The incumbent cohort's median ÷ band midpoint (the same band): the incumbents' median compa-ratio. */
  @Column({ type: 'real', nullable: true })
  incumbentCompaRatio!: number | null;

  /** Set when the hire was undone in the ATS; the report leaves such hires out. */
  @Column({ type: 'timestamptz', nullable: true })
  unhiredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
