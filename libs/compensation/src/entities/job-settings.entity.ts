import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

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
