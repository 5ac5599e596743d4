import { Injectable } from '@nestjs/common';
import { AuditService, canSeeSensitive, NotFoundException, Principal } from '@comeback/platform';
import { ApplicationOutcome, TrackedApplicationEntity } from './tracked-application.entity';
import {
  ApplicationCandidateName,
  ReturneeApplicationRow,
  TrackedApplicationsRepository,
} from './tracked-applications.repository';

export type { ApplicationCandidateName, ReturneeApplicationRow } from './tracked-applications.repository';

export interface TrackedApplicationView {
  ats: string;
  applicationId: string;
  candidateId: string;
  candidateName: string | null;
  jobId: string;
  jobName: string | null;
  currentStageName: string | null;
  outcome: ApplicationOutcome;
  employeeNumber: string | null;
  tier: string | null;
  policyVersion: number | null;
  recruiterSummary: string | null;
  fastTrack: TrackedApplicationEntity['fastTrack'];
  updatedAt: string;
  /** hr_admin only: the rule results behind the decision (may name the departure reason). */
  ruleResults?: unknown;
}

/** What another feature may know of a tracked application: where it is and whom it was matched to. */
export interface TrackedApplicationRef {
  ats: string;
  applicationId: string;
  jobId: string;
  /** The matched former employee, when the pipeline matched one. */
  employeeNumber: string | null;
}

const FLAGGED: ApplicationOutcome[] = [
  'flagged',
  'fast_tracked',
  'ineligible',
  'needs_hr_review',
  'in_review',
];

@Injectable()
export class TrackedApplicationsService {
  constructor(
    private readonly repo: TrackedApplicationsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Applications we flagged or that await review, newest first. */
  async listFlagged(principal: Principal, limit: number): Promise<TrackedApplicationView[]> {
    const rows = await this.repo.listByOutcome(principal.tenantId, FLAGGED, limit);
    return rows.map((r) => toView(r, false));
  }

  /** For features on top of the pipeline (offers): no principal, no sensitive field. */
  async findRef(tenantId: string, ats: string, applicationId: string): Promise<TrackedApplicationRef | null> {
    const row = await this.repo.find({ tenantId, ats, applicationId });
    return row
      ? {
          ats: row.ats,
          applicationId: row.applicationId,
          jobId: row.jobId,
          employeeNumber: row.employeeNumber,
        }
      : null;
  }

  /** The pipeline's decision for an application (null when we do not track it). */
  async findOutcome(
    tenantId: string,
    ats: string,
    applicationId: string,
  ): Promise<ApplicationOutcome | null> {
    return (await this.repo.find({ tenantId, ats, applicationId }))?.outcome ?? null;
  }

  /** The tracked application with its HR-only parts (rule results, note, work history): callers decide what a viewer sees. */
  record(tenantId: string, ats: string, applicationId: string): Promise<TrackedApplicationEntity | null> {
    return this.repo.find({ tenantId, ats, applicationId });
  }

  /** Matched returnees' applications, newest first; limited to `jobs` when given (a hiring manager's jobs). */
  returneeApplications(
    tenantId: string,
    jobs: { ats: string; jobId: string }[] | null,
    limit: number,
  ): Promise<ReturneeApplicationRow[]> {
    return this.repo.returneeApplications(tenantId, jobs, limit);
  }

  /** Candidate names of the given applications; applications we do not track are left out. */
  candidateNames(
    tenantId: string,
    refs: readonly { ats: string; applicationId: string }[],
  ): Promise<ApplicationCandidateName[]> {
    return this.repo.candidateNames(tenantId, refs);
  }

  async get(principal: Principal, ats: string, applicationId: string): Promise<TrackedApplicationView> {
    const row = await this.repo.find({ tenantId: principal.tenantId, ats, applicationId });
    if (!row) throw new NotFoundException('Application');
    const sensitive = canSeeSensitive(principal);
    if (sensitive)
      await this.audit.record(principal, {
        action: 'application.read_rules',
        targetType: 'application',
        targetId: `${ats}:${applicationId}`,
      });
    return toView(row, sensitive);
  }
}

function toView(r: TrackedApplicationEntity, withRules: boolean): TrackedApplicationView {
  return {
    ats: r.ats,
    applicationId: r.applicationId,
    candidateId: r.candidateId,
    candidateName: r.candidateName,
    jobId: r.jobId,
    jobName: r.jobName,
    currentStageName: r.currentStageName,
    outcome: r.outcome,
    employeeNumber: r.employeeNumber,
    tier: r.tier,
    policyVersion: r.policyVersion,
    recruiterSummary: r.recruiterSummary,
    fastTrack: r.fastTrack,
    updatedAt: r.updatedAt.toISOString(),
    ...(withRules ? { ruleResults: r.ruleResults } : {}),
  };
}
