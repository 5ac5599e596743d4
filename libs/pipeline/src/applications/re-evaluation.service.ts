import { Inject, Injectable } from '@nestjs/common';
import { AtsApplication, AtsConnection, AtsConnectorRegistry, asAtsKind } from '@comeback/ats';
import {
  EligibilityEvaluation,
  EligibilityPolicy,
  evaluateEligibility,
  FastTrackPlan,
  planFastTrack,
  todayIn,
} from '@comeback/domain';
import { APP_CONFIG, AppConfig, AuditActor, AuditService, TenantService } from '@comeback/platform';
import { AlumniService } from '@comeback/registry';
import { AtsConnectionService } from '../connections/ats-connection.service';
import { EligibilityPolicyService } from '../policies/eligibility-policy.service';
import { JobScopeService } from '../stages/job-scope.service';
import { JobStagesService } from '../stages/job-stages.service';
import { noteLanguageOf } from './ats-note-texts';
import { JobPolicyResolver } from './job-policy.resolver';
import { composeRecruiterNote } from './recruiter-note';
import { ApplicationOutcome, TrackedApplicationEntity } from './tracked-application.entity';
import { TrackedApplicationsRepository } from './tracked-applications.repository';
import { WriteBackApplicationService } from './write-back-application.service';

/** Decided by the pipeline and still open to a new decision (a person's decision is never overridden). */
const RE_EVALUABLE: ApplicationOutcome[] = ['flagged', 'fast_tracked', 'ineligible', 'needs_hr_review'];
/** A tenant's returnee applications in play are hundreds at most; a bound keeps one run finite. */
const MAX_APPLICATIONS = 2_000;

export interface ReEvaluationRow {
  ats: string;
  applicationId: string;
  candidateName: string | null;
  jobName: string | null;
  employeeNumber: string;
  before: ApplicationOutcome;
  after: ApplicationOutcome;
  /** Applying would move the application forward in the ATS (never backwards). */
  wouldMove: boolean;
  targetStage: string | null;
}

export interface ReEvaluationReport {
  policyVersion: number;
  /** Open applications looked at. */
  checked: number;
  /** Closed in the ATS (hired, rejected), unreadable, or no longer in the registry: left alone. */
  skipped: number;
  changed: ReEvaluationRow[];
}

export interface ReEvaluationResult extends ReEvaluationReport {
  applied: number;
}

interface Candidate {
  row: ReEvaluationRow;
  record: TrackedApplicationEntity;
  conn: AtsConnection;
  app: AtsApplication;
  evaluation: EligibilityEvaluation;
  plan: FastTrackPlan;
  version: number;
}

/**
 * Loop 3: after a policy or registry change, what the active policy and the current registry would decide now
 * for the tenant's open returnee applications. The dry run changes nothing anywhere; applying re-decides the
 * changed ones and writes them back through the one ledger, as a round of its own per decision: a note already
 * posted for the same decision is never posted again, and the move stays the application's one move step, from
 * where it stands now (forward only).
 */
@Injectable()
export class ReEvaluationService {
  constructor(
    private readonly tracked: TrackedApplicationsRepository,
    private readonly connections: AtsConnectionService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly alumni: AlumniService,
    private readonly jobPolicies: JobPolicyResolver,
    private readonly policies: EligibilityPolicyService,
    private readonly jobScopes: JobScopeService,
    private readonly stages: JobStagesService,
    private readonly writeBack: WriteBackApplicationService,
    private readonly tenants: TenantService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dryRun(actor: AuditActor): Promise<ReEvaluationReport> {
    const { report } = await this.compute(actor.tenantId);
    await this.audit.record(actor, {
      action: 'application.re_evaluation.dry_run',
      details: {
        policyVersion: report.policyVersion,
        checked: report.checked,
        changed: report.changed.length,
      },
    });
    return report;
  }

  async apply(actor: AuditActor): Promise<ReEvaluationResult> {
    const { report, candidates } = await this.compute(actor.tenantId);
    const language = noteLanguageOf((await this.tenants.get(actor.tenantId)).settings.language);
    let applied = 0;
    for (const c of candidates) {
      await this.applyOne(c, language);
      applied += 1;
    }
    await this.audit.record(actor, {
      action: 'application.re_evaluation.apply',
      details: {
        policyVersion: report.policyVersion,
        checked: report.checked,
        applied,
        changes: report.changed.map((r) => ({
          application: `${r.ats}:${r.applicationId}`,
          before: r.before,
          after: r.after,
        })),
      },
    });
    return { ...report, applied };
  }

  private async compute(tenantId: string): Promise<{ report: ReEvaluationReport; candidates: Candidate[] }> {
    const records = await this.tracked.listByOutcome(tenantId, RE_EVALUABLE, MAX_APPLICATIONS);
    const conns = new Map<string, Promise<AtsConnection | null>>();
    const connOf = (ats: string) => {
      let c = conns.get(ats);
      if (!c) conns.set(ats, (c = this.connections.find(tenantId, asAtsKind(ats))));
      return c;
    };
    const candidates: Candidate[] = [];
    let skipped = 0;
    let policyVersion = 0;
    for (const record of records) {
      const conn = record.employeeNumber ? await connOf(record.ats) : null;
      const alumnus =
        conn && record.employeeNumber
          ? await this.alumni.findByEmployeeNumber(tenantId, record.employeeNumber)
          : null;
      // Read, never written: where the application stands now and whether it is still open.
      const app =
        conn && alumnus
          ? await this.connectors
              .get(conn.kind)
              .getApplication(conn, record.applicationId, record.candidateId)
              .catch(() => null)
          : null;
      if (!conn || !alumnus || !app || app.status !== 'active') {
        skipped += 1;
        continue;
      }
      const { version, policy } = await this.jobPolicies.forJob(tenantId, record.ats, record.jobId);
      policyVersion = version;
      const scope = await this.jobScopes.scope(conn, record.jobId, policy);
      const evaluation = evaluateEligibility(alumnus, policy, { asOf: todayIn(), ...scope });
      const plan = await this.plan(conn, app, policy, evaluation);
      let after: ApplicationOutcome =
        evaluation.outcome === 'eligible'
          ? plan.action === 'move'
            ? 'fast_tracked'
            : 'flagged'
          : evaluation.outcome;
      // Already moved on the fast track and still eligible: that is where it should be.
      if (record.outcome === 'fast_tracked' && after === 'flagged') after = 'fast_tracked';
      if (after === record.outcome) continue;
      candidates.push({
        record,
        conn,
        app,
        evaluation,
        plan,
        version,
        row: {
          ats: record.ats,
          applicationId: record.applicationId,
          candidateName: record.candidateName,
          jobName: record.jobName,
          employeeNumber: record.employeeNumber as string,
          before: record.outcome,
          after,
          wouldMove: plan.action === 'move',
          targetStage: plan.action === 'move' ? (plan.targetStage?.name ?? null) : null,
        },
      });
    }
    if (policyVersion === 0) policyVersion = (await this.policies.active(tenantId)).version;
    return {
      report: { policyVersion, checked: records.length, skipped, changed: candidates.map((c) => c.row) },
      candidates,
    };
  }

  /** From where the application stands now: the planner never plans a move backwards or past a protected stage. */
  private async plan(
    conn: AtsConnection,
    app: AtsApplication,
    policy: EligibilityPolicy,
    evaluation: EligibilityEvaluation,
  ): Promise<FastTrackPlan> {
    if (evaluation.outcome !== 'eligible' || !app.currentStageId)
      return {
        action: 'none',
        skipped: [],
        reason: evaluation.outcome === 'eligible' ? 'unknown_current_stage' : 'not_eligible',
      };
    let stages = await this.stages.stages(conn, app.jobId);
    if (!stages.some((s) => s.id === app.currentStageId))
      stages = await this.stages.stages(conn, app.jobId, { refresh: true });
    return planFastTrack({
      stages,
      currentStageId: app.currentStageId,
      tier: evaluation.tier,
      policy,
      jobId: app.jobId,
    });
  }

  private async applyOne(c: Candidate, language: 'ja' | 'en'): Promise<void> {
    const { record, conn, app, evaluation, plan, version, row } = c;
    const saved = await this.tracked.save(record, {
      tenantId: record.tenantId,
      ats: record.ats,
      applicationId: record.applicationId,
      candidateId: record.candidateId,
      jobId: record.jobId,
      outcome: row.after,
      eligibility: evaluation.outcome,
      tier: evaluation.tier,
      policyVersion: version,
      recruiterSummary: evaluation.recruiterSummary,
      ruleResults: evaluation.rules,
      currentStageId: app.currentStageId,
      currentStageName: app.currentStageName,
      fastTrack: {
        action: plan.action,
        reason: plan.reason,
        targetStage: plan.targetStage,
        skipped: [...plan.skipped],
      },
      noteBody: composeRecruiterNote({
        language,
        evaluation,
        plan,
        policyVersion: version,
        briefingUrl: `${this.config.publicBaseUrl}/console/briefings/${conn.kind}/${encodeURIComponent(app.applicationId)}`,
      }),
    });
    // One round per decision: applying the same decision again finds its tag and note steps done.
    await this.writeBack.writeBack(conn, app, saved, {
      round: `re-evaluation:v${version}:${row.after}:${evaluation.tier ?? '-'}`,
    });
  }
}
