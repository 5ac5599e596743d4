import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { bigintNumber } from './market-data.entity';

/** One import of incumbent pay, as of its effective date. Checks use the latest snapshot on or before their date. */
@Entity('incumbent_snapshots')
@Index(['tenantId', 'effectiveDate'])
export class IncumbentSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'date' })
  effectiveDate!: string;

  @Column({ type: 'integer', default: 0 })
  rowCount!: number;

  @Column({ type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * One incumbent in a snapshot. Sensitive (pay, rating, gender): hr_admin only, read in aggregate otherwise.
 * `experienceYears` is years since hire at the snapshot date, fixed per snapshot, so the cohort query compares
 * plain numbers.
 */
@Entity('incumbents')
@Unique('uq_incumbents_snapshot_key', ['snapshotId', 'employeeKey'])
// Covering index (INCLUDE, written in the migration): the cohort query reads only the index.
@Index('ix_incumbents_cohort', { synchronize: false })
export class IncumbentEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'uuid' })
  snapshotId!: string;

  /** Pseudonymous key from HR; never a name or an employee number we could join on. */
  @Column({ type: 'text' })
  employeeKey!: string;

  @Column({ type: 'text' })
  jobFamily!: string;

  @Column({ type: 'text' })
  jobLevel!: string;

  @Column({ type: 'text' })
  location!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  baseSalary!: number;

  @Column({ type: 'date' })
  hireDate!: string;

  @Column({ type: 'double precision' })
  experienceYears!: number;

  @Column({ type: 'text', nullable: true })
  performanceRating!: string | null;

  @Column({ type: 'text', nullable: true })
  gender!: string | null;
}
