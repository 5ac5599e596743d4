import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

const bigintNumber = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** Market pay percentiles for a job family, level and location, as of a date (yen per year). */
@Entity('market_benchmarks')
@Unique('uq_market_benchmarks', ['tenantId', 'jobFamily', 'jobLevel', 'location', 'effectiveDate'])
export class MarketBenchmarkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  jobFamily!: string;

  @Column({ type: 'text' })
  jobLevel!: string;

  @Column({ type: 'text' })
  location!: string;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  p10!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  p25!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  p50!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  p75!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  p90!: number;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'date' })
  effectiveDate!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** The tenant's own pay band for a job family, level and location, as of a date. */
@Entity('pay_bands')
@Unique('uq_pay_bands', ['tenantId', 'jobFamily', 'jobLevel', 'location', 'effectiveDate'])
export class PayBandEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  jobFamily!: string;

  @Column({ type: 'text' })
  jobLevel!: string;

  @Column({ type: 'text' })
  location!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  min!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  mid!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  max!: number;

  @Column({ type: 'date' })
  effectiveDate!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export { bigintNumber };
