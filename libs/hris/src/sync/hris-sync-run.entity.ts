import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type HrisRunTrigger = 'webhook' | 'reconcile';
export type HrisRunStatus = 'running' | 'completed' | 'failed';

/** A problem of one employee record, like the CSV import's `{row, column, code, message}`, plus whose it is. */
export interface HrisRunProblem {
  row: number;
  column: string | null;
  code: string;
  message: string;
  /** The HR system's id of the employee (never a name or an e-mail). */
  externalId: string;
}

/** One sync run's outcome: a webhook delivery processed, or a nightly (or HR-requested) reconciliation. */
@Entity('hris_sync_runs')
@Index(['tenantId', 'createdAt'])
export class HrisSyncRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  trigger!: HrisRunTrigger;

  @Column({ type: 'text' })
  status!: HrisRunStatus;

  @Column({ type: 'integer', default: 0 })
  pages!: number;

  @Column({ type: 'integer', default: 0 })
  recordsRead!: number;

  @Column({ type: 'integer', default: 0 })
  inserted!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  @Column({ type: 'integer', default: 0 })
  rejected!: number;

  @Column({ type: 'integer', default: 0 })
  suppressed!: number;

  /** Employees without a resignation date: not former employees, not written. */
  @Column({ type: 'integer', default: 0 })
  notLeavers!: number;

  /** Employees the HR system deleted: marked, their registry records kept. */
  @Column({ type: 'integer', default: 0 })
  markedDeleted!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  problems!: HrisRunProblem[];

  @Column({ type: 'integer', default: 0 })
  problemCount!: number;

  /** Why a run failed (our words, never the vendor's body). */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
