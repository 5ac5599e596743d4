import type {
  FairnessCheckResult,
  FairnessOutcome,
  OfferProposal,
  PayBand,
  ReturneeForCheck,
} from '@comeback/domain/compensation';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { bigintNumber } from './market-data.entity';

/** proposal: our proposed amount; what_if: an amount someone tried; ats_offer: the real offer from the ATS. */
export type OfferCheckKind = 'proposal' | 'what_if' | 'ats_offer';

export interface OfferCheckTarget {
  jobFamily: string;
  jobLevel: string;
  location: string;
}

/** Everything the check was run on, so a policy change can be replayed over it (dry run). */
export interface OfferCheckInputs {
  employeeNumber: string;
  returnee: ReturneeForCheck;
  band: PayBand | null;
  asOf: string;
  yearsOfExperienceAway: number | null;
}

/** One fairness check of one amount for one application. Sensitive: `detail`, `inputs`, `proposal` are HR-only. */
@Entity('offer_checks')
@Index(['tenantId', 'ats', 'applicationId', 'createdAt'])
@Index('uq_offer_checks_ats_offer', ['tenantId', 'ats', 'offerId', 'offerVersion'], {
  unique: true,
  where: 'offer_id IS NOT NULL',
})
export class OfferCheckEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  ats!: string;

  @Column({ type: 'text' })
  applicationId!: string;

  @Column({ type: 'text' })
  jobId!: string;

  @Column({ type: 'text' })
  kind!: OfferCheckKind;

  @Column({ type: 'text', nullable: true })
  offerId!: string | null;

  @Column({ type: 'text', nullable: true })
  offerVersion!: string | null;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amount!: number;

  @Column({ type: 'text' })
  result!: FairnessOutcome;

  /** Reason codes with their severity (the figure-free part; the full reasons are in `detail`). */
  @Column({ type: 'jsonb' })
  reasons!: { code: string; basis: string; severity: string; message: string }[];

  @Column({ type: 'jsonb' })
  detail!: FairnessCheckResult;

  @Column({ type: 'jsonb' })
  target!: OfferCheckTarget;

  @Column({ type: 'jsonb' })
  inputs!: OfferCheckInputs;

  @Column({ type: 'jsonb', nullable: true })
  proposal!: OfferProposal | null;

  @Column({ type: 'uuid', nullable: true })
  snapshotId!: string | null;

  @Column({ type: 'integer' })
  policyVersion!: number;

  @Column({ type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** HR's approval of a warn/fail check: who, why, when. At most one per check. */
@Entity('offer_approvals')
@Unique('uq_offer_approvals_check', ['offerCheckId'])
export class OfferApprovalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'uuid' })
  offerCheckId!: string;

  @Column({ type: 'text' })
  approvedBy!: string;

  @Column({ type: 'text' })
  approvedBySubject!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** HR accepted the warn/fail result, or declined the offer (either way with who and why). */
  @Column({ type: 'text', default: 'approved' })
  decision!: OfferDecision;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export type OfferDecision = 'approved' | 'declined';
