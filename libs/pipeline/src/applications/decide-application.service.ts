import { Inject, Injectable } from '@nestjs/common';
import { AtsApplication, AtsConnection, AtsConnectorRegistry } from '@comeback/ats';
import {
  candidateOdds,
  type CandidateOdds,
  EligibilityEvaluation,
  EligibilityPolicy,
  evaluateEligibility,
  FastTrackPlan,
  planFastTrack,
  todayIn,
} from '@comeback/domain';
import { APP_CONFIG, AppConfig, TenantService } from '@comeback/platform';
import { AlumniService, MatchingService } from '@comeback/registry';
import { ReviewQueueService } from '../review/review-queue.service';
import { JobScopeService } from '../stages/job-scope.service';
import { JobStagesService } from '../stages/job-stages.service';
import { ApplicantMarkerResolvers } from './applicant-marker';
import { applicantIdentityOf, displayName } from './applicant-identity';
import { JobPolicyResolver } from './job-policy.resolver';
import { noteLanguageOf } from './ats-note-texts';
import { composeRecruiterNote } from './recruiter-note';
import { ApplicationOutcome, TrackedApplicationEntity } from './tracked-application.entity';
import { TrackedApplicationsRepository } from './tracked-applications.repository';

/** What started this run: a decided application is only re-decided after a review confirmation. */
export type PipelineTrigger = 'application_created' | 'stage_changed' | 'review_confirmed' | 'backfill';

export interface PipelineResult {
  outcome: ApplicationOutcome;
  employeeNumber: string | null;
  moved: boolean;
}

/** Either nothing is left to do in the ATS, or the stored decision is written back to this application. */
export type Decision =
  | { next: 'done'; result: PipelineResult }
  | { next: 'write_back'; record: TrackedApplicationEntity; app: AtsApplication };

const DECIDED: ReadonlySet<ApplicationOutcome> = new Set([
  'flagged',
  'fast_tracked',
  'ineligible',
  'needs_hr_review',
]);

/**
 * Use case "decide": match → eligibility → fast-track plan, persisted as the decision (with the exact note
 * text) before any side effect, so a replay writes back what was decided and never decides again.
 */
@Injectable()
export class DecideApplicationService {
  constructor(
    private readonly tracked: TrackedApplicationsRepository,
    private readonly matching: MatchingService,
    private readonly alumni: AlumniService,
    private readonly jobPolicies: JobPolicyResolver,
    private readonly stages: JobStagesService,
    private readonly jobScopes: JobScopeService,
    private readonly review: ReviewQueueService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly tenants: TenantService,
    private readonly markers: ApplicantMarkerResolvers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async decide(
    conn: AtsConnection,
    app: AtsApplication,
    opts: { trigger: PipelineTrigger; confirmedEmployeeNumber?: string },
  ): Promise<Decision> {
    const tenantId = conn.tenantId;
    const existing = await this.tracked.find({ tenantId, ats: conn.kind, applicationId: app.applicationId });

    if (existing && !opts.confirmedEmployeeNumber) {
      // Our own move (or a recruiter's) coming back as a stage change: remember it, decide nothing again.
      if (opts.trigger === 'stage_changed' || !DECIDED.has(existing.outcome)) {
        if (existing.currentStageId !== app.currentStageId)
          await this.tracked.update(existing.id, {
            currentStageId: app.currentStageId,
            currentStageName: app.currentStageName,
          });
        return {
          next: 'done',
          result: { outcome: existing.outcome, employeeNumber: existing.employeeNumber, moved: false },
        };
      }
      // A replay or retry of a decided application: finish whatever write-back is missing, as decided.
      return { next: 'write_back', record: existing, app };
    }

    // 1. Who is it?
    let employeeNumber: string | null = opts.confirmedEmployeeNumber ?? null;
    let matchScore: number | null = existing?.matchScore ?? null;
    let matchCandidates: CandidateOdds[] | null = existing?.matchCandidates ?? null;
    if (!employeeNumber) {
      // An invitation's marker makes the match certain: no matching, no review, straight to the policy.
      const marked = await this.markers.resolve(conn, app);
      if (marked) {
        employeeNumber = marked.employeeNumber;
        // Not the matcher's decision: no score (the accuracy report leaves it out).
        matchScore = null;
        matchCandidates = null;
      }
    }
    if (!employeeNumber) {
      const identity = applicantIdentityOf(app);
      const decision = await this.matching.match(tenantId, identity, {
        excludeEmployeeNumbers: () =>
          this.review.rejectedEmployeeNumbers(tenantId, conn.kind, app.candidateId),
      });
      // No candidate at all is no score (0 would read as even odds of a returnee in the accuracy report).
      const found = decision.candidates.length > 0;
      const scored = {
        matchScore: found ? decision.score : null,
        matchCandidates: found ? decision.candidates.map(candidateOdds) : null,
      };
      if (decision.decision === 'none') return this.withoutAlumnus(existing, conn, app, 'not_alumni', scored);
      if (decision.decision === 'review') {
        await this.review.open(conn.kind, tenantId, app, identity, decision.candidates);
        return this.withoutAlumnus(existing, conn, app, 'in_review', scored);
      }
      employeeNumber = decision.employeeNumber;
      ({ matchScore, matchCandidates } = scored);
    }
    const alumnus = employeeNumber ? await this.alumni.findByEmployeeNumber(tenantId, employeeNumber) : null;
    if (!alumnus)
      return this.withoutAlumnus(existing, conn, app, 'not_alumni', { matchScore, matchCandidates });

    // 2. May they skip screening, and where to? (Some webhooks name the stage without its id: read it once.)
    if (!app.currentStageId)
      app = await this.connectors.get(conn.kind).getApplication(conn, app.applicationId, app.candidateId);
    const { version, policy } = await this.jobPolicies.forJob(tenantId, conn.kind, app.jobId);
    // Department and level too, so overrides scoped to them ("stricter for managers") apply.
    const scope = await this.jobScopes.scope(conn, app.jobId, policy);
    const evaluation = evaluateEligibility(alumnus, policy, { asOf: todayIn(), ...scope });
    const plan = await this.plan(conn, app, policy, evaluation);
    const outcome: ApplicationOutcome =
      evaluation.outcome === 'eligible'
        ? plan.action === 'move'
          ? 'fast_tracked'
          : 'flagged'
        : evaluation.outcome;

    // The decision is stored before any side effect, with the exact note text, so a replay repeats nothing.
    const record = await this.save(existing, conn, app, {
      outcome,
      employeeNumber,
      matchScore,
      matchCandidates,
      eligibility: evaluation.outcome,
      tier: evaluation.tier,
      policyVersion: version,
      recruiterSummary: evaluation.recruiterSummary,
      ruleResults: evaluation.rules,
      fastTrack: {
        action: plan.action,
        reason: plan.reason,
        targetStage: plan.targetStage,
        skipped: [...plan.skipped],
      },
      noteBody: composeRecruiterNote({
        // The tenant's note language (console settings), Japanese unless HR chose English.
        language: noteLanguageOf((await this.tenants.get(tenantId)).settings.language),
        evaluation,
        plan,
        policyVersion: version,
        briefingUrl: `${this.config.publicBaseUrl}/console/briefings/${conn.kind}/${encodeURIComponent(app.applicationId)}`,
      }),
    });
    return { next: 'write_back', record, app };
  }

  /** The plan from where the application is now; the job's stages from the cache, refreshed once if unknown. */
  private async plan(
    conn: AtsConnection,
    app: AtsApplication,
    policy: EligibilityPolicy,
    evaluation: Pick<EligibilityEvaluation, 'outcome' | 'tier'>,
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

  private async withoutAlumnus(
    existing: TrackedApplicationEntity | null,
    conn: AtsConnection,
    app: AtsApplication,
    outcome: ApplicationOutcome,
    scored: Pick<TrackedApplicationEntity, 'matchScore' | 'matchCandidates'>,
  ): Promise<Decision> {
    await this.save(existing, conn, app, { outcome, ...scored });
    return { next: 'done', result: { outcome, employeeNumber: null, moved: false } };
  }

  private save(
    existing: TrackedApplicationEntity | null,
    conn: AtsConnection,
    app: AtsApplication,
    fields: Partial<TrackedApplicationEntity> & { outcome: ApplicationOutcome },
  ): Promise<TrackedApplicationEntity> {
    return this.tracked.save(existing, {
      tenantId: conn.tenantId,
      ats: conn.kind,
      applicationId: app.applicationId,
      candidateId: app.candidateId,
      jobId: app.jobId,
      jobName: app.jobName,
      candidateName: displayName(app),
      currentStageId: app.currentStageId,
      currentStageName: app.currentStageName,
      workHistory: app.workHistory,
      ...fields,
    });
  }
}
