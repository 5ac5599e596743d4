import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One re-onboarding task of a rehired returnee, for the job's hiring manager; never carries sensitive data. */
@Entity('reonboarding_tasks')
@Unique('uq_reonboarding_tasks_key', ['tenantId', 'ats', 'applicationId', 'taskKey'])
@Index('IDX_reonboarding_tasks_assignee', ['tenantId', 'assigneeSubject', 'dueOn'])
export class ReonboardingTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'uuid' })
  outcomeId!: string;

  @Column({ type: 'text' })
  ats!: string;

  @Column({ type: 'text' })
  applicationId!: string;

  @Column({ type: 'text' })
  jobId!: string;

  @Column({ type: 'text' })
  taskKey!: string;

  /** before_day_1, day_1, day_30, day_60, day_90. */
  @Column({ type: 'text' })
  phase!: string;

  @Column({ type: 'text' })
  titleEn!: string;

  @Column({ type: 'text' })
  titleJa!: string;

  @Column({ type: 'date' })
  dueOn!: string;

  /** The hiring manager (principal subject) it is assigned to; null while the job has none (HR sees it). */
  @Column({ type: 'text', nullable: true })
  assigneeSubject!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  doneBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
