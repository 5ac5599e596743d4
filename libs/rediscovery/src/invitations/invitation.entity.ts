import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type InvitationLanguage = 'ja' | 'en';

/** A personal invitation of one former employee to one open job, and how far it got (the funnel). */
@Entity('rediscovery_invitations')
// Nobody is invited twice for the same job: the database says so, whatever races the API loses.
@Unique('uq_rediscovery_invitations_person_job', ['tenantId', 'ats', 'jobId', 'employeeNumber'])
@Index('ix_rediscovery_invitations_tenant_sent', ['tenantId', 'sentAt'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  ats!: string;

  @Column({ type: 'text' })
  jobId!: string;

  @Column({ type: 'text' })
  jobTitle!: string;

  @Column({ type: 'text' })
  employeeNumber!: string;

  @Column({ type: 'text' })
  recipientEmail!: string;

  @Column({ type: 'text' })
  language!: InvitationLanguage;

  @Column({ type: 'text' })
  message!: string;

  /** What the ATS keeps from the link (a tracking/source parameter): ties the application to this invitation. */
  @Index('uq_rediscovery_invitations_marker', { unique: true })
  @Column({ type: 'text' })
  marker!: string;

  /** The ATS's application form for the job (without the marker). */
  @Column({ type: 'text' })
  applyUrl!: string;

  /** Who sent it (subject) and in which role (hr_admin or the job's hiring manager). */
  @Column({ type: 'text' })
  invitedBy!: string;

  @Column({ type: 'text' })
  invitedByRole!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** First time the link was followed (the funnel's "opened"). */
  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  openCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;

  /** The ATS application that came through this invitation. */
  @Column({ type: 'text', nullable: true })
  applicationId!: string | null;
}
