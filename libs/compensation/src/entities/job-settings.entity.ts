import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where an assignment came from: the ATS's hiring team (kept in step by sync) or HR by hand (sync leaves it). */
export type JobAssignmentSource = 'ats' | 'manual';

/** Which users (token subjects) are assigned to a job: hiring managers see that job's offers and briefings. */
@Entity('job_assignments')
@Index(['tenantId', 'userSubject'])
export class JobAssignmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  ats!: string;

  @PrimaryColumn({ type: 'text' })
  jobId!: string;

  @PrimaryColumn({ type: 'text' })
  userSubject!: string;

  @Column({ type: 'text', default: 'manual' })
  source!: JobAssignmentSource;
}

/** A person HR removed from a job by hand: the ATS's hiring team does not bring them back on the next sync. */
@Entity('job_assignment_removals')
export class JobAssignmentRemovalEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  ats!: string;

  @PrimaryColumn({ type: 'text' })
  jobId!: string;

  @PrimaryColumn({ type: 'text' })
  userSubject!: string;

  @Column({ type: 'text' })
  removedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  removedAt!: Date;
}

/** When a job's hiring team was last read from the ATS (one sync per job per interval, across processes). */
@Entity('job_hiring_team_syncs')
export class JobHiringTeamSyncEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  ats!: string;

  @PrimaryColumn({ type: 'text' })
  jobId!: string;

  @Column({ type: 'timestamptz' })
  syncedAt!: Date;
}

/** The pay target (family, level, location) of an ATS job, set by HR: what an offer for it is compared with. */
@Entity('job_pay_targets')
export class JobPayTargetEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  ats!: string;

  @PrimaryColumn({ type: 'text' })
  jobId!: string;

  @Column({ type: 'text' })
  jobFamily!: string;

  @Column({ type: 'text' })
  jobLevel!: string;

  @Column({ type: 'text' })
  location!: string;

  @Column({ type: 'text' })
  updatedBy!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
