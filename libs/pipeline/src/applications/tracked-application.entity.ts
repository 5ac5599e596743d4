import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { CandidateOdds } from '@comeback/domain';

export type ApplicationOutcome =
  | 'not_alumni'
  | 'in_review'
  | 'review_rejected'
  | 'flagged'
  | 'fast_tracked'
  | 'ineligible'
  | 'needs_hr_review'
  /** HR looked at a needs_hr_review application and declined the fast track. */
  | 'hr_declined'
  /** HR said the automatic match was wrong: not a returnee (our tags removed, the pair remembered). */
  | 'match_undone';

/** What the product decided and did for one ATS application (the recruiter's view of our work). */
@Entity('tracked_applications')
@Unique('uq_tracked_applications', ['tenantId', 'ats', 'applicationId'])
@Index(['tenantId', 'outcome', 'updatedAt'])
export class TrackedApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  ats!: string;

  @Column({ type: 'text' })
  applicationId!: string;

  @Column({ type: 'text' })
  candidateId!: string;

  @Column({ type: 'text' })
  jobId!: string;

  @Column({ type: 'text', nullable: true })
  jobName!: string | null;

  @Column({ type: 'text', nullable: true })
  candidateName!: string | null;

  @Column({ type: 'text', nullable: true })
  currentStageId!: string | null;

  @Column({ type: 'text', nullable: true })
  currentStageName!: string | null;

  @Column({ type: 'text' })
  outcome!: ApplicationOutcome;

  @Column({ type: 'text', nullable: true })
  employeeNumber!: string | null;

  @Column({ type: 'real', nullable: true })
  matchScore!: number | null;

  /**
   * The candidates the matcher showed, best first: score and whether their contacts all changed (what the
   * accuracy report reads; no one's identity). Null where not kept (decisions stored before) or no candidate.
   */
  @Column({ type: 'jsonb', nullable: true })
  matchCandidates!: CandidateOdds[] | null;

  @Column({ type: 'text', nullable: true })
  eligibility!: string | null;

  @Column({ type: 'text', nullable: true })
  tier!: string | null;

  @Column({ type: 'integer', nullable: true })
  policyVersion!: number | null;

  /** Recruiter-safe sentence; never a departure reason, rating or pay. */
  @Column({ type: 'text', nullable: true })
  recruiterSummary!: string | null;

  /** The note as composed when the decision was taken; replays post this text, never a new one. */
  @Column({ type: 'text', nullable: true })
  noteBody!: string | null;

  /** HR-only rule results. */
  @Column({ type: 'jsonb', nullable: true })
  ruleResults!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  fastTrack!: {
    action: string;
    reason: string;
    targetStage?: { id: string; name: string };
    skipped: { id: string; name: string }[];
  } | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  workHistory!: unknown[];

  /** When the application's first event reached us (rows from before this column: when it was added). */
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When the ATS reported the hire; cleared when the hire is undone. */
  @Column({ type: 'timestamptz', nullable: true })
  hiredAt!: Date | null;

  /** When the ATS reported the rejection. */
  @Column({ type: 'timestamptz', nullable: true })
  rejectedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
