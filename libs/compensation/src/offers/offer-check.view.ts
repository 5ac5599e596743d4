import {
  fairnessResultForViewer,
  type FairnessDetailView,
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
  approval: { approved: boolean; approvedBy?: string; reason?: string; approvedAt?: string } | null;
  fairness: FairnessResultView;
  /** hr_admin only: the factors behind a proposal (they show the prior salary). */
  proposal?: OfferProposal;
  /** hr_admin only. */
  createdBy?: string;
  snapshotId?: string | null;
}

/**
 * What a role sees of a recorded check. The fairness part comes from the domain's allow-list view; on top of it,
 * recruiters never see the returnee's own pay (pay is hr_admin only), which the domain's detail view carries.
 */
export function offerCheckView(
  row: OfferCheckEntity,
  approval: OfferApprovalEntity | null,
  role: Role,
): OfferCheckView {
  const hr = role === 'hr_admin';
  const needsApproval = row.result !== 'pass';
  return {
    id: row.id,
    ats: row.ats,
    applicationId: row.applicationId,
    jobId: row.jobId,
    kind: row.kind,
    offerId: row.offerId,
    offerVersion: row.offerVersion,
    amount: row.amount,
    result: row.result,
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
              approved: true,
              approvedBy: approval.approvedBy,
              reason: approval.reason,
              approvedAt: approval.createdAt.toISOString(),
            }
          : { approved: true },
    fairness: fairnessFor(row, role),
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
      return fairnessResultForViewer(row.detail, 'hiring_manager');
    case 'recruiter':
    case 'integration':
      return withoutPersonalPay(fairnessResultForViewer(row.detail, role));
  }
}

function withoutPersonalPay(view: FairnessDetailView): FairnessDetailView {
  return {
    ...view,
    reasons: view.reasons.map((r) =>
      r.basis === 'prior_salary'
        ? { code: r.code, basis: r.basis, severity: r.severity, message: r.message }
        : r,
    ),
    returnee: { priorSalary: null, priorSalaryAdjustedForWageGrowth: null, wageGrowthSinceLeaving: null },
  };
}
