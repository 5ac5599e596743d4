import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AtsApplication, AtsConnection, AtsConnectorRegistry } from '@comeback/ats';
import { evaluateEligibility, EligibilityEvaluation, FastTrackPlan, planFastTrack } from '@comeback/domain';
import { APP_CONFIG, AppConfig, AuditService } from '@comeback/platform';
import { AlumniRepository, MatchingService } from '@comeback/registry';
import { Repository } from 'typeorm';
import { ApplicationOutcome, TrackedApplicationEntity } from '../applications/tracked-application.entity';
import { EligibilityPolicyService } from '../policies/eligibility-policy.service';
import { ReviewQueueService } from '../review/review-queue.service';
import { applyStageMapping, JobStagesService } from '../stages/job-stages.service';
import { applicantIdentityOf, displayName } from './applicant-identity';
import { composeRecruiterNote } from './recruiter-note';
import { WritebackSteps } from './writeback-steps';

/** Tag names as sent; each adapter spells them as its ATS stores them (Workable: lower case, no spaces). */
export const ALUMNI_TAG = 'Alumni';
export const FAST_TRACK_TAG = 'Alumni_fast-track';

const SYSTEM_ACTOR = (tenantId: string) => ({ tenantId, role: 'integration' as const, name: 'pipeline' });

/** What started this run: a decided application is only re-decided after a review confirmation. */
export type PipelineTrigger = 'application_created' | 'stage_changed' | 'review_confirmed' | 'backfill';

const DECIDED: ReadonlySet<ApplicationOutcome> = new Set(['flagged', 'fast_tracked', 'ineligible', 'needs_hr_review']);

export interface PipelineResult {
  outcome: ApplicationOutcome;
  employeeNumber: string | null;
  moved: boolean;
}

/**
 * One application through the product: match → eligibility → fast-track plan → write-back (tag, note,
 * move). The decision is stored before any side effect, and every side effect is claimed first, so a
 * replayed event or a retried job finishes what is missing and repeats nothing.
 */
@Injectable()
export class ApplicationPipelineService {
  private readonly logger = new Logger(ApplicationPipelineService.name);

  constructor(
    @InjectRepository(TrackedApplicationEntity) private readonly tracked: Repository<TrackedApplicationEntity>,
    private readonly matching: MatchingService,
    private readonly alumni: AlumniRepository,
    private readonly policies: EligibilityPolicyService,
    private readonly stages: JobStagesService,
    private readonly review: ReviewQueueService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly steps: WritebackSteps,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(conn: AtsConnection, app: AtsApplication, opts: { trigger: PipelineTrigger; confirmedEmployeeNumber?: string }): Promise<PipelineResult> {
    const tenantId = conn.tenantId;
    const existing = await this.tracked.findOneBy({ tenantId, ats: conn.kind, applicationId: app.applicationId });

    if (existing && !opts.confirmedEmployeeNumber) {
      // Our own move (or a recruiter's) coming back as a stage change: remember it, decide nothing again.
      if (opts.trigger === 'stage_changed' || !DECIDED.has(existing.outcome)) {
        await this.rememberStage(existing, app);
        return { outcome: existing.outcome, employeeNumber: existing.employeeNumber, moved: false };
      }
      // A replay or retry of a decided application: finish whatever write-back is missing, as decided.
      return this.writeBack(conn, app, existing);
    }

    // 1. Who is it?
    let employeeNumber: string | null = opts.confirmedEmployeeNumber ?? null;
    let matchScore: number | null = existing?.matchScore ?? null;
    if (!employeeNumber) {
      const decision = await this.matching.match(tenantId, applicantIdentityOf(app), {
        excludeEmployeeNumbers: () => this.review.rejectedEmployeeNumbers(tenantId, conn.kind, app.candidateId),
      });
      if (decision.decision === 'none') return this.finishWithoutAlumnus(existing, conn, app, 'not_alumni', decision.score);
      if (decision.decision === 'review') {
        await this.review.open(conn.kind, tenantId, app, decision.candidates);
        return this.finishWithoutAlumnus(existing, conn, app, 'in_review', decision.score);
      }
      employeeNumber = decision.employeeNumber;
      matchScore = decision.score;
    }
    const alumnus = employeeNumber ? await this.alumni.findByEmployeeNumber(tenantId, employeeNumber) : null;
    if (!alumnus) return this.finishWithoutAlumnus(existing, conn, app, 'not_alumni', matchScore ?? 0);

    // 2. May they skip screening, and where to? (Some webhooks name the stage without its id: read it once.)
    if (!app.currentStageId) app = await this.connectors.get(conn.kind).getApplication(conn, app.applicationId, app.candidateId);
    const active = await this.policies.active(tenantId);
    const mapping = await this.stages.getMapping(tenantId, conn.kind, app.jobId);
    const policy = applyStageMapping(active.policy, app.jobId, mapping);
    const evaluation = evaluateEligibility(alumnus, policy, { asOf: todayInJapan(), jobId: app.jobId });
    const plan = await this.plan(conn, app, policy, evaluation);
    const outcome: ApplicationOutcome =
      evaluation.outcome === 'eligible' ? (plan.action === 'move' ? 'fast_tracked' : 'flagged') : evaluation.outcome;

    // The decision is stored before any side effect, with the exact note text, so a replay repeats nothing.
    const record = await this.save(existing, conn, app, {
      outcome,
      employeeNumber,
      matchScore,
      eligibility: evaluation.outcome,
      tier: evaluation.tier,
      policyVersion: active.version,
      recruiterSummary: evaluation.recruiterSummary,
      ruleResults: evaluation.rules,
      fastTrack: { action: plan.action, reason: plan.reason, targetStage: plan.targetStage, skipped: [...plan.skipped] },
      noteBody: composeRecruiterNote({
        evaluation,
        plan,
        policyVersion: active.version,
        briefingUrl: `${this.config.publicBaseUrl}/console/briefings/${conn.kind}/${encodeURIComponent(app.applicationId)}`,
      }),
    });
    return this.writeBack(conn, app, record);
  }

  /** 3. Flag, note, move — each claimed first, so each happens at most once. */
  private async writeBack(conn: AtsConnection, app: AtsApplication, record: TrackedApplicationEntity): Promise<PipelineResult> {
    const tenantId = conn.tenantId;
    const connector = this.connectors.get(conn.kind);
    const key = { tenantId, ats: conn.kind, applicationId: app.applicationId };
    const plan = record.fastTrack;
    const willMove = plan?.action === 'move' && !!plan.targetStage;
    const tags = [ALUMNI_TAG, ...(willMove ? [FAST_TRACK_TAG] : [])];
    await this.steps.once({ ...key, step: 'tag' }, { idempotent: true }, async () => ({ added: await connector.addTags(conn, app, tags) }));
    if (record.noteBody) {
      const claim = await this.steps.once({ ...key, step: 'note' }, { idempotent: false }, async () => {
        await connector.addNote(conn, app, { body: record.noteBody!, audience: 'team' });
      });
      if (claim === 'uncertain') this.logger.warn({ tenantId, applicationId: app.applicationId }, 'note left alone after an interrupted attempt');
    }

    let moved = false;
    let moveAttempted = false;
    let landedOn = plan?.targetStage ?? null;
    if (willMove && plan?.targetStage) {
      await this.steps.once({ ...key, step: 'move' }, { idempotent: true }, async () => {
        moveAttempted = true;
        let result = await connector.moveToStage(conn, app, plan.targetStage!.id);
        if (result === 'stale') {
          // Someone moved it meanwhile: re-read and re-plan once (never backwards, no-op if further).
          const fresh = await connector.getApplication(conn, app.applicationId, app.candidateId);
          const active = await this.policies.active(tenantId);
          const policy = applyStageMapping(active.policy, app.jobId, await this.stages.getMapping(tenantId, conn.kind, app.jobId));
          const again = await this.plan(conn, fresh, policy, { outcome: 'eligible', tier: record.tier }, true);
          landedOn = again.targetStage ?? null;
          result = again.action === 'move' && again.targetStage ? await connector.moveToStage(conn, fresh, again.targetStage.id) : 'stale';
        }
        moved = result === 'moved';
        return { result, to: landedOn?.id ?? null };
      });
      if (moveAttempted) {
        await this.tracked.update(
          record.id,
          moved && landedOn
            ? { currentStageId: landedOn.id, currentStageName: landedOn.name }
            : { outcome: 'flagged', fastTrack: { action: 'none', reason: 'already_further', skipped: [] } },
        );
      }
    }
    const outcome: ApplicationOutcome = moveAttempted && !moved ? 'flagged' : record.outcome;
    await this.audit.record(SYSTEM_ACTOR(tenantId), {
      action: 'pipeline.application',
      targetType: 'application',
      targetId: `${conn.kind}:${app.applicationId}`,
      details: { outcome, employeeNumber: record.employeeNumber, tier: record.tier, policyVersion: record.policyVersion, moved },
    });
    return { outcome, employeeNumber: record.employeeNumber, moved };
  }

  private async plan(
    conn: AtsConnection,
    app: AtsApplication,
    policy: Parameters<typeof planFastTrack>[0]['policy'],
    evaluation: Pick<EligibilityEvaluation, 'outcome' | 'tier'>,
    refresh = false,
  ): Promise<FastTrackPlan> {
    if (evaluation.outcome !== 'eligible' || !app.currentStageId) return { action: 'none', skipped: [], reason: evaluation.outcome === 'eligible' ? 'unknown_current_stage' : 'not_eligible' };
    let stages = await this.stages.stages(conn, app.jobId, { refresh });
    if (!refresh && !stages.some((s) => s.id === app.currentStageId)) stages = await this.stages.stages(conn, app.jobId, { refresh: true });
    return planFastTrack({ stages, currentStageId: app.currentStageId, tier: evaluation.tier, policy, jobId: app.jobId });
  }

  private async finishWithoutAlumnus(
    existing: TrackedApplicationEntity | null,
    conn: AtsConnection,
    app: AtsApplication,
    outcome: ApplicationOutcome,
    score: number,
  ): Promise<PipelineResult> {
    await this.save(existing, conn, app, { outcome, matchScore: score });
    return { outcome, employeeNumber: null, moved: false };
  }

  private async rememberStage(record: TrackedApplicationEntity, app: AtsApplication): Promise<void> {
    if (record.currentStageId !== app.currentStageId) await this.tracked.update(record.id, { currentStageId: app.currentStageId, currentStageName: app.currentStageName });
  }

  private async save(
    existing: TrackedApplicationEntity | null,
    conn: AtsConnection,
    app: AtsApplication,
    fields: Partial<TrackedApplicationEntity> & { outcome: ApplicationOutcome },
  ): Promise<TrackedApplicationEntity> {
    const base = {
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
    };
    const row = (existing ? { ...base, id: existing.id } : base) as Parameters<Repository<TrackedApplicationEntity>['upsert']>[0];
    const written = await this.tracked.upsert(row, ['tenantId', 'ats', 'applicationId']);
    // The upsert returns the row's id (inserted or not) and writes only the columns given, so the stored
    // row is `existing` overlaid with what we wrote: no need to read it back.
    const id = (written.identifiers[0] as { id?: string } | undefined)?.id ?? existing?.id;
    if (!id) return this.tracked.findOneByOrFail({ tenantId: conn.tenantId, ats: conn.kind, applicationId: app.applicationId });
    return Object.assign(this.tracked.create(), existing ?? {}, base, { id });
  }
}

/** Eligibility dates are calendar dates in the company's time zone (JST for our first customers). */
export function todayInJapan(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
