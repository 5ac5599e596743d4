import { Column, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** Every side effect we perform in an ATS. An offer note is one per offer check (its `subject`). */
export type WritebackStepKind = 'tag' | 'untag' | 'note' | 'move' | 'offer_note';
/**
 * 'uncertain': a later run found the step still 'started' (its process died mid-call) and the effect cannot be
 * repeated safely (a note); a person confirms it against the ATS (operations page).
 */
export type WritebackStepStatus = 'started' | 'uncertain' | 'done' | 'failed' | 'skipped';

/**
 * The write-back ledger: one row per side effect in the ATS, claimed before it is performed, so a retried
 * or replayed job never repeats it. A note cannot be edited or deleted, so a note step left 'started' by a
 * crashed process is never attempted again.
 */
@Entity('writeback_steps')
@Unique('uq_writeback_steps', ['tenantId', 'ats', 'applicationId', 'step', 'subject'])
export class WritebackStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  ats!: string;

  @Column({ type: 'text' })
  applicationId!: string;

  @Column({ type: 'text' })
  step!: WritebackStepKind;

  /** What the step is about when an application can have several of its kind ('' for tag, note, move). */
  @Column({ type: 'text', default: '' })
  subject!: string;

  @Column({ type: 'text' })
  status!: WritebackStepStatus;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail!: Record<string, unknown>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
