import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ImportStatus = 'running' | 'completed' | 'rejected' | 'failed';
export type ImportMode = 'all-or-nothing' | 'valid-rows';

export interface StoredImportProblem {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

@Entity('import_runs')
@Index(['tenantId', 'createdAt'])
export class ImportRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  status!: ImportStatus;

  @Column({ type: 'text' })
  mode!: ImportMode;

  @Column({ type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ type: 'text', nullable: true })
  encoding!: string | null;

  @Column({ type: 'integer', default: 0 })
  rowsRead!: number;

  @Column({ type: 'integer', default: 0 })
  rowsImported!: number;

  @Column({ type: 'integer', default: 0 })
  rowsRejected!: number;

  /** First problems only (capped); `problemCount` has the total. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  problems!: StoredImportProblem[];

  @Column({ type: 'integer', default: 0 })
  problemCount!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings!: StoredImportProblem[];

  @Column({ type: 'text' })
  startedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
