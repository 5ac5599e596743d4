import type { EvidenceFacts } from '@comeback/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type ReviewStatus = 'open' | 'confirmed' | 'rejected';

export interface ReviewCandidate {
  employeeNumber: string;
  score: number;
  /** As the matcher gave it (items stored before reasons were recorded carry only the English detail). */
  evidence: (EvidenceFacts & { outcome: string; weight: number })[];
}

/** An uncertain match waiting for a person. Confirm → the pipeline continues; reject → remembered. */
@Entity('review_items')
@Unique('uq_review_items_application', ['tenantId', 'ats', 'applicationId'])
@Index(['tenantId', 'status', 'createdAt'])
export class ReviewItemEntity {
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

  @Column({ type: 'text', nullable: true })
  candidateName!: string | null;

  @Column({ type: 'text' })
  status!: ReviewStatus;

  @Column({ type: 'jsonb' })
  candidates!: ReviewCandidate[];

  /** The applicant as the ATS gave it (names, contacts) to show beside the registry record. */
  @Column({ type: 'jsonb' })
  applicant!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  decidedEmployeeNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** "This applicant is not that former employee": never proposed again. */
@Entity('match_rejections')
@Unique('uq_match_rejections', ['tenantId', 'ats', 'candidateId', 'employeeNumber'])
export class MatchRejectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  ats!: string;

  @Column({ type: 'text' })
  candidateId!: string;

  @Column({ type: 'text' })
  employeeNumber!: string;

  @Column({ type: 'text' })
  rejectedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
