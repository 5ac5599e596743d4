import {
  fairnessResultForViewer,
  type FairnessResultView,
  type OfferProposal,
} from '@comeback/domain/compensation';
import type { Role } from '@comeback/platform';
import type {
  OfferApprovalEntity,
  OfferCheckEntity,
  OfferCheckKind,
  OfferCheckTarget,
} from '../entities/offer-check.entity';

export interface OfferCheckView {
  id: string;
  ats: string;
  applicationId: string;
  jobId: string;
  kind: OfferCheckKind;
  offerId: string | null;
  offerVersion: string | null;
  amount: number;
  result: 'pass' | 'warn' | 'fail';
  target: OfferCheckTarget;
  policyVersion: number;
  createdAt: string;
  approvalRequired: boolean;
  /** HR's decision on a warn/fail check: `declined` when HR refused the offer at this amount. */
  approval: {
    approved: boolean;
    declined?: boolean;
    approvedBy?: string;
    reason?: string;
    approvedAt?: string;
  } | null;
  fairness: FairnessResultView;
  /** hr_admin only: the factors behind a proposal (they show the prior salary). */
  proposal?: OfferProposal;
  /** hr_admin only. */
  createdBy?: string;
  snapshotId?: string | null;
}

/**
 * What a role sees of a recorded check. The fairness part comes from the domain's allow-list view. For anyone but
 * hr_admin the outcome, and with it whether an approval is pending, is the one that view computes: from
 * comparisons that rest neither on the returnee's prior pay nor on a group below the privacy minimum. Otherwise
 * `result` or `approvalRequired` flipping between two amounts would say where the hidden salary lies.
 */
export function offerCheckView(
  row: OfferCheckEntity,
  approval: OfferApprovalEntity | null,
  role: Role,
): OfferCheckView {
  const hr = role === 'hr_admin';
  const fairness = fairnessFor(row, role);
  const result = hr ? row.result : fairness.result;
  const needsApproval = result !== 'pass';
  return {
    id: row.id,
    ats: row.ats,
    applicationId: row.applicationId,
    jobId: row.jobId,
    kind: row.kind,
    offerId: row.offerId,
    offerVersion: row.offerVersion,
    amount: row.amount,
    result,
    target: row.target,
    policyVersion: row.policyVersion,
    createdAt: row.createdAt.toISOString(),
    approvalRequired: needsApproval && approval === null,
    approval: !needsApproval
      ? null
      : approval === null
        ? { approved: false }
        : hr
          ? {
              approved: approval.decision !== 'declined',
              ...(approval.decision === 'declined' ? { declined: true } : {}),
              approvedBy: approval.approvedBy,
              reason: approval.reason,
              approvedAt: approval.createdAt.toISOString(),
            }
          : approval.decision === 'declined'
            ? { approved: false, declined: true }
            : { approved: true },
    fairness,
    ...(hr
      ? { proposal: row.proposal ?? undefined, createdBy: row.createdBy, snapshotId: row.snapshotId }
      : {}),
  };
}

function fairnessFor(row: OfferCheckEntity, role: Role): FairnessResultView {
  switch (role) {
    case 'hr_admin':
      return fairnessResultForViewer(row.detail, 'hr_admin');
    case 'hiring_manager':
    case 'recruiter':
    case 'integration':
      // API callers other than HR get the figure-free summary (the detail view is for the HR note in the ATS).
      return fairnessResultForViewer(row.detail, role === 'integration' ? 'recruiter' : role);
  }
}
