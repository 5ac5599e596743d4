import { Injectable } from '@nestjs/common';
import { AtsConnectorRegistry, type AtsJob, type AtsKind } from '@comeback/ats';
import { JobSettingsService } from '@comeback/compensation';
import {
  evaluateEligibility,
  jobFamilyOf,
  jobTitleSkills,
  levelsWithinReach,
  rankRediscoveryCandidates,
  todayIn,
  type EligibilityEvaluation,
  type EligibilityPolicy,
  type FitReason,
  type RankedCandidate,
} from '@comeback/domain';
import { AtsConnectionService, JobPolicyResolver } from '@comeback/pipeline';
import { AuditService, canSeeSensitive, NotFoundException, type Principal } from '@comeback/platform';
import { AlumniService, ExitInterviewService, type RediscoveryPoolRow } from '@comeback/registry';
import { InvitationsRepository } from '../invitations/invitations.repository';
import type { InvitationEntity } from '../invitations/invitation.entity';

/** How long a tenant's open-jobs list is reused before the ATS is asked again. */
const OPEN_JOBS_TTL_MS = 30_000;

export type InvitationStatus = 'none' | 'sent' | 'opened' | 'applied';

/** One ranked former employee as a viewer may see them. */
export interface RediscoveryEntry {
  employeeNumber: string;
  name: string;
  department: string | null;
  jobTitle: string | null;
  jobLevel: string | null;
  monthsAway: number;
  score: number;
  reasons: { code: string; en: string; ja: string }[];
  invitation: { status: InvitationStatus; sentAt: string | null };
  /** hr_admin: the eligibility outcome behind the listing (tier, policy version, rule results). */
  eligibility?: { tier: string | null; policyVersion: number; rules: EligibilityEvaluation['rules'] };
  /** hr_admin: the raw rehire recommendation. */
  rehireRecommendation?: string;
  /** The job's hiring manager: the coarse trend only (security.md "rehire recommendation … coarse trend"). */
  rehireRecommended?: boolean | null;
}

export interface RediscoveryList {
  job: AtsJob & { ats: AtsKind };
  policyVersion: number;
  /** Opted-in people the prefilter read, and how many of them were eligible (before fit). */
  considered: number;
  eligible: number;
  entries: RediscoveryEntry[];
}

/** What ranking produced, before it is shaped for a viewer (the benchmark stops here). */
export interface RankedPool {
  ranked: RankedCandidate[];
  rows: Map<string, RediscoveryPoolRow>;
  evaluations: Map<string, EligibilityEvaluation>;
  considered: number;
  eligible: number;
}

function invitationStatus(inv: InvitationEntity | undefined): InvitationStatus {
  if (!inv) return 'none';
  if (inv.appliedAt) return 'applied';
  if (inv.openedAt) return 'opened';
  return 'sent';
}

/**
 * Rediscovery: for an open job, the former employees who consented to be contacted, are eligible under the active
 * policy and fit the job, ranked with reasons. SQL narrows to opted-in people in the job's department, levels
 * within reach or skills (a partial index); eligibility and fit are scored in memory (pure domain functions).
 */
@Injectable()
export class RediscoveryService {
  private readonly openJobsCache = new Map<string, { at: number; jobs: AtsJob[] }>();

  constructor(
    private readonly connections: AtsConnectionService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly alumni: AlumniService,
    private readonly exitInterviews: ExitInterviewService,
    private readonly jobPolicies: JobPolicyResolver,
    private readonly jobSettings: JobSettingsService,
    private readonly invitations: InvitationsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The ATS's open jobs; a hiring manager sees only the jobs they are assigned to. */
  async openJobs(principal: Principal, ats: AtsKind): Promise<AtsJob[]> {
    const jobs = await this.allOpenJobs(principal.tenantId, ats);
    if (principal.role !== 'hiring_manager') return jobs;
    const mine = new Set(
      (await this.jobSettings.jobsOf(principal.tenantId, principal.subject))
        .filter((j) => j.ats === ats)
        .map((j) => j.jobId),
    );
    return jobs.filter((j) => mine.has(j.jobId));
  }

  /** One open job the viewer may work on; 404 for a closed job or, for a hiring manager, one not theirs. */
  async job(principal: Principal, ats: AtsKind, jobId: string): Promise<AtsJob> {
    const job = (await this.allOpenJobs(principal.tenantId, ats)).find((j) => j.jobId === jobId);
    if (!job) throw new NotFoundException('Open job');
    if (
      principal.role === 'hiring_manager' &&
      !(await this.jobSettings.isAssigned(principal.tenantId, ats, jobId, principal.subject))
    )
      throw new NotFoundException('Open job');
    return job;
  }

  private async allOpenJobs(tenantId: string, ats: AtsKind): Promise<AtsJob[]> {
    const key = `${tenantId}:${ats}`;
    const cached = this.openJobsCache.get(key);
    if (cached && Date.now() - cached.at < OPEN_JOBS_TTL_MS) return cached.jobs;
    const conn = await this.connections.get(tenantId, ats);
    const jobs = await this.connectors.get(ats).listOpenJobs(conn);
    this.openJobsCache.set(key, { at: Date.now(), jobs });
    return jobs;
  }

  /** The ranked list for a job, shaped for the viewer's rights; the read is audited. */
  async candidates(
    principal: Principal,
    ats: AtsKind,
    jobId: string,
    opts: { limit?: number } = {},
  ): Promise<RediscoveryList> {
    const job = await this.job(principal, ats, jobId);
    const { version, policy } = await this.jobPolicies.forJob(principal.tenantId, ats, jobId);
    const pool = await this.rank(principal.tenantId, job, policy, { limit: opts.limit ?? 50 });
    const invited = await this.invitations.invitedForJob(principal.tenantId, ats, jobId);
    const sensitive = canSeeSensitive(principal);
    const entries = pool.ranked.map((r): RediscoveryEntry => {
      const row = pool.rows.get(r.employeeNumber)!;
      const inv = invited.get(r.employeeNumber);
      const entry: RediscoveryEntry = {
        employeeNumber: r.employeeNumber,
        name: `${row.familyName} ${row.givenName}`.trim(),
        department: row.department,
        jobTitle: row.jobTitle,
        jobLevel: row.jobLevel,
        monthsAway: r.monthsAway,
        score: r.score,
        reasons: r.reasons.map((x: FitReason) => ({ code: x.code, en: x.en, ja: x.ja })),
        invitation: { status: invitationStatus(inv), sentAt: inv ? inv.sentAt.toISOString() : null },
      };
      if (sensitive) {
        const ev = pool.evaluations.get(r.employeeNumber)!;
        entry.eligibility = { tier: ev.tier, policyVersion: version, rules: ev.rules };
        entry.rehireRecommendation = row.rehireRecommendation;
      } else if (principal.role === 'hiring_manager') {
        entry.rehireRecommended =
          row.rehireRecommendation === 'yes' || row.rehireRecommendation === 'conditional'
            ? true
            : row.rehireRecommendation === 'no'
              ? false
              : null;
      }
      return entry;
    });
    await this.audit.record(principal, {
      action: 'rediscovery.list',
      targetType: 'job',
      targetId: `${ats}:${jobId}`,
      details: { returned: entries.length, sensitive },
    });
    return {
      job: { ...job, ats },
      policyVersion: version,
      considered: pool.considered,
      eligible: pool.eligible,
      entries,
    };
  }

  /**
   * The core: prefilter in SQL (opted-in, department / levels within reach / title skills), then eligibility
   * (only `eligible` stays) and fit, scored in memory.
   */
  async rank(
    tenantId: string,
    job: AtsJob,
    policy: EligibilityPolicy,
    opts: { limit: number; asOf?: string },
  ): Promise<RankedPool> {
    const asOf = opts.asOf ?? todayIn();
    const skills = jobTitleSkills(job.title);
    // The job's department and every department of the same job family (so a same-family person in another
    // department is read); levels narrow only a job with neither (then levels within reach are the filter).
    const family = jobFamilyOf(job.title) ?? jobFamilyOf(job.department);
    const departments = new Set(job.department ? [job.department] : []);
    if (family)
      for (const d of await this.alumni.optedInDepartments(tenantId))
        if (jobFamilyOf(d) === family) departments.add(d);
    const rows = await this.alumni.rediscoveryPool(tenantId, {
      departments: [...departments],
      levels: departments.size === 0 ? levelsWithinReach(job.level) : [],
      skills,
    });
    const byNumber = new Map<string, RediscoveryPoolRow>();
    const evaluations = new Map<string, EligibilityEvaluation>();
    const scope = {
      asOf,
      jobId: job.jobId,
      ...(job.department ? { department: job.department } : {}),
      ...(job.level ? { jobLevel: job.level } : {}),
    };
    for (const row of rows) {
      const ev = evaluateEligibility(row, policy, scope);
      if (ev.outcome !== 'eligible') continue;
      byNumber.set(row.employeeNumber, row);
      evaluations.set(row.employeeNumber, ev);
    }
    // What the exit interview recorded they might come back for counts beside the registry's skills.
    const interests = await this.exitInterviews.returnInterests(tenantId, [...byNumber.keys()]);
    const ranked = rankRediscoveryCandidates(
      {
        jobId: job.jobId,
        title: job.title,
        department: job.department,
        level: job.level,
      },
      [...byNumber.values()].map((row) => {
        const fromExit = interests.get(row.employeeNumber);
        return fromExit?.length ? { ...row, exitInterviewSkills: fromExit } : row;
      }),
      { asOf, jobSkills: skills, limit: opts.limit },
    );
    return { ranked, rows: byNumber, evaluations, considered: rows.length, eligible: byNumber.size };
  }

  /** Whether this person may be invited to the job now: opted in and eligible under the active policy. */
  async eligibleFor(
    tenantId: string,
    ats: AtsKind,
    job: AtsJob,
    employeeNumber: string,
  ): Promise<'ok' | 'not_found' | 'not_opted_in' | 'not_eligible'> {
    const a = await this.alumni.findByEmployeeNumber(tenantId, employeeNumber);
    if (!a) return 'not_found';
    if (!a.networkOptIn) return 'not_opted_in';
    const { policy } = await this.jobPolicies.forJob(tenantId, ats, job.jobId);
    const ev = evaluateEligibility(a, policy, {
      asOf: todayIn(),
      jobId: job.jobId,
      ...(job.department ? { department: job.department } : {}),
      ...(job.level ? { jobLevel: job.level } : {}),
    });
    return ev.outcome === 'eligible' ? 'ok' : 'not_eligible';
  }
}
