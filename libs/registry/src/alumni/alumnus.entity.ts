import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

/** One former employee of one tenant. Sensitive columns: birthDate, departureReason, lastBaseSalary, performanceRatings. */
@Entity('alumni')
@Unique('uq_alumni_tenant_employee_number', ['tenantId', 'employeeNumber'])
// Candidate search by birth date replaces four name+birth-date key rows per person (see isBirthDateKey).
@Index('ix_alumni_tenant_birth_date', ['tenantId', 'birthDate'])
export class AlumnusEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  employeeNumber!: string;

  @Column({ type: 'text' })
  familyName!: string;

  @Column({ type: 'text' })
  givenName!: string;

  @Column({ type: 'text', nullable: true })
  familyNameKana!: string | null;

  @Column({ type: 'text', nullable: true })
  givenNameKana!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  previousFamilyNames!: string[];

  @Column({ type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  emails!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  phones!: string[];

  @Column({ type: 'date' })
  hireDate!: string;

  @Column({ type: 'date' })
  leaveDate!: string;

  @Column({ type: 'text' })
  departureReason!: string;

  @Column({ type: 'text', default: 'unknown' })
  rehireRecommendation!: string;

  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @Column({ type: 'text', nullable: true })
  jobTitle!: string | null;

  @Column({ type: 'text', nullable: true })
  jobLevel!: string | null;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  lastBaseSalary!: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  performanceRatings!: { year: number; rating: string }[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills!: string[];

  @Column({ type: 'boolean', default: false })
  networkOptIn!: boolean;

  /** Set when the HR system shows the person employed again (resignation date cleared): kept, never deleted. */
  @Column({ type: 'date', nullable: true })
  rejoinedAt!: string | null;

  /** Name keys counted into `alumni_name_frequencies` (how common a name is weighs a name agreement). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  frequencyKeys!: string[];

  /** Hashes of this person's rows in `alumni_match_keys`, so a re-import or erasure deletes exactly those. */
  @Column({ type: 'bigint', array: true, default: () => "'{}'" })
  matchKeyHashes!: string[];

  /** Lower-cased "family given kana" for console search. */
  @Index('ix_alumni_search_text', { synchronize: false })
  @Column({ type: 'text', default: '' })
  searchText!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
