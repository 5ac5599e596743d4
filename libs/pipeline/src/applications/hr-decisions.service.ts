import { Inject, Injectable } from '@nestjs/common';
import { type AtsApplication, type AtsConnection, AtsConnectorRegistry, asAtsKind } from '@comeback/ats';
import { planFastTrack, recruiterSummary, type FastTrackPlan } from '@comeback/domain';
import {
  APP_CONFIG,
  type AppConfig,
  AppException,
  type AuditActor,
  AuditService,
  ErrorCode,
  NotFoundException,
  TenantService,
  ValidationFailedException,
} from '@comeback/platform';
import { AtsConnectionService } from '../connections/ats-connection.service';
import { ReviewQueueService } from '../review/review-queue.service';
import { JobStagesService } from '../stages/job-stages.service';
import { WritebackLedger } from '../writeback/writeback-ledger';
import { noteLanguageOf } from './ats-note-texts';
import { hrApprovedNote, hrDeclinedNote, type NoteLanguage, notReturneeNote } from './hr-decision-notes';
import { JobPolicyResolver } from './job-policy.resolver';
import type { ApplicationOutcome, TrackedApplicationEntity } from './tracked-application.entity';
import { TrackedApplicationsRepository } from './tracked-applications.repository';
import { ALUMNI_TAG, FAST_TRACK_TAG, WriteBackApplicationService } from './write-back-application.service';
import type { PipelineResult } from './decide-application.service';

/** Outcomes of an application matched to a former employee: the ones "not a returnee" can undo. */
const MATCHED: readonly ApplicationOutcome[] = [
  'flagged',
  'fast_tracked',
  'ineligible',
  'needs_hr_review',
  'hr_declined',
];

export interface HrReviewRow {
  ats: string;
  applicationId: string;
  candidateName: string | null;
  jobName: string | null;
  currentStageName: string | null;
  employeeNumber: string | null;
  policyVersion: number | null;
  /** The rules that asked for HR's look (HR only: they may name a departure detail). */
  reasons: { rule: string; detail: string }[];
  updatedAt: Date;
}

function reasonsOf(ruleResults: unknown): { rule: string; detail: string }[] {
  if (!Array.isArray(ruleResults)) return [];
  return ruleResults
    .filter(
      (r): r is { rule: string; detail?: string; effect?: string } =>
        typeof r === 'object' && r !== null && typeof (r as { rule?: unknown }).rule === 'string',
    )
    .filter((r) => r.effect === 'needs_hr_review')
    .map((r) => ({ rule: r.rule, detail: typeof r.detail === 'string' ? r.detail : '' }));
}

/**
 * HR's decisions on one application, closing the loops the pipeline cannot close alone: "HR review needed"
 * (approve → the fast track continues and moves the application; decline → a recruiter-safe note) and
 * "not a returnee" (undo a wrong automatic match). Every ATS side effect goes through the write-back ledger.
 */
@Injectable()
export class HrDecisionsService {
  constructor(
    private readonly tracked: TrackedApplicationsRepository,
    private readonly connections: AtsConnectionService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly jobPolicies: JobPolicyResolver,
    private readonly stages: JobStagesService,
    private readonly writeBack: WriteBackApplicationService,
    private readonly ledger: WritebackLedger,
    private readonly review: ReviewQueueService,
    private readonly tenants: TenantService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async pending(tenantId: string, limit: number): Promise<HrReviewRow[]> {
    const rows = await this.tracked.listByOutcome(tenantId, ['needs_hr_review'], limit);
    return rows.map((r) => ({
      ats: r.ats,
      applicationId: r.applicationId,
      candidateName: r.candidateName,
      jobName: r.jobName,
      currentStageName: r.currentStageName,
      employeeNumber: r.employeeNumber,
      policyVersion: r.policyVersion,
      reasons: reasonsOf(r.ruleResults),
      updatedAt: r.updatedAt,
    }));
  }

  countPending(tenantId: string): Promise<number> {
    return this.tracked.countByOutcome(tenantId, ['needs_hr_review']);
  }

  /** The tiers HR may approve with (the active policy's), default first. */
  async tiers(tenantId: string, ats: string, jobId: string): Promise<string[]> {
    const { policy } = await this.jobPolicies.forJob(tenantId, ats, jobId);
    const names = Object.keys(policy.tiers);
    return [policy.defaultTier, ...names.filter((n) => n !== policy.defaultTier)];
  }

  /** HR approves the fast track: planned from where the application stands now, then tag, note and move. */
  async approve(
    actor: AuditActor,
    ats: string,
    applicationId: string,
    input: { tier?: string; comment?: string },
  ): Promise<PipelineResult> {
    const record = await this.awaiting(actor.tenantId, ats, applicationId);
    const { conn, app } = await this.application(actor.tenantId, record);
    const { policy } = await this.jobPolicies.forJob(actor.tenantId, conn.kind, app.jobId);
    const tier = input.tier ?? policy.defaultTier;
    if (!(tier in policy.tiers))
      throw new ValidationFailedException(`The active policy has no tier "${tier}"`, { field: 'tier' });
    const plan = await this.plan(conn, app, tier, policy);
    const lang = await this.language(actor.tenantId);
    const fields = {
      outcome: (plan.action === 'move' ? 'fast_tracked' : 'flagged') as ApplicationOutcome,
      eligibility: 'eligible',
      tier,
      recruiterSummary: recruiterSummary('eligible', tier).en,
      noteBody: hrApprovedNote(lang, { plan, tier, briefingUrl: this.briefingUrl(conn.kind, applicationId) }),
      fastTrack: {
        action: plan.action,
        reason: plan.reason,
        targetStage: plan.targetStage,
        skipped: [...plan.skipped],
      },
      currentStageId: app.currentStageId,
      currentStageName: app.currentStageName,
    };
    await this.claim(record, ['needs_hr_review'], fields);
    await this.audit.record(actor, {
      action: 'application.hr_approved',
      targetType: 'application',
      targetId: `${ats}:${applicationId}`,
      details: { tier, comment: input.comment ?? null, targetStage: plan.targetStage?.name ?? null },
    });
    try {
      return await this.writeBack.writeBack(conn, app, { ...record, ...fields }, { round: 'hr_approval' });
    } catch (err) {
      await this.release(record);
      throw err;
    }
  }

  /** HR declines: the application stays where it is, with a recruiter-safe note; HR's reason stays in the audit. */
  async decline(
    actor: AuditActor,
    ats: string,
    applicationId: string,
    input: { comment?: string },
  ): Promise<PipelineResult> {
    const record = await this.awaiting(actor.tenantId, ats, applicationId);
    const { conn, app } = await this.application(actor.tenantId, record);
    const body = hrDeclinedNote(await this.language(actor.tenantId));
    await this.claim(record, ['needs_hr_review'], {
      outcome: 'hr_declined',
      recruiterSummary: recruiterSummary('ineligible', null).en,
      noteBody: body,
    });
    await this.audit.record(actor, {
      action: 'application.hr_declined',
      targetType: 'application',
      targetId: `${ats}:${applicationId}`,
      details: { comment: input.comment ?? null },
    });
    try {
      await this.note(conn, app, 'hr_decision', body);
    } catch (err) {
      await this.release(record);
      throw err;
    }
    return { outcome: 'hr_declined', employeeNumber: record.employeeNumber, moved: false };
  }

  /**
   * "Not a returnee": our tags come off the ATS record, a note says so, and the pair is remembered like a
   * rejected review pair. The stage is not moved back (people may have acted on it since). Safe to repeat:
   * each ATS step is in the ledger, so a retry after a failure finishes only what is missing.
   */
  async notReturnee(
    actor: AuditActor,
    ats: string,
    applicationId: string,
    input: { comment?: string },
  ): Promise<{ outcome: ApplicationOutcome; tagsRemoved: string[] }> {
    const record = await this.tracked.find({ tenantId: actor.tenantId, ats, applicationId });
    if (!record) throw new NotFoundException('Application');
    if (!record.employeeNumber || !MATCHED.includes(record.outcome))
      throw new AppException(
        ErrorCode.Conflict,
        'This application is not matched to a former employee, so there is no match to undo',
      );
    const employeeNumber = record.employeeNumber;
    const { conn, app } = await this.application(actor.tenantId, record);
    await this.review.rememberWrongMatch(actor, ats, record.candidateId, employeeNumber);
    const key = { tenantId: actor.tenantId, ats, applicationId };
    let tagsRemoved: string[] = [];
    await this.ledger.once({ ...key, step: 'untag' }, { idempotent: true }, async () => {
      tagsRemoved = await this.connectors.get(conn.kind).removeTags(conn, app, [ALUMNI_TAG, FAST_TRACK_TAG]);
      return { removed: tagsRemoved };
    });
    await this.note(conn, app, 'not_returnee', notReturneeNote(await this.language(actor.tenantId)));
    await this.tracked.transition(record.id, MATCHED, {
      outcome: 'match_undone',
      employeeNumber: null,
      eligibility: null,
      tier: null,
      recruiterSummary: null,
      fastTrack: null,
    });
    await this.audit.record(actor, {
      action: 'application.not_returnee',
      targetType: 'application',
      targetId: `${ats}:${applicationId}`,
      details: { employeeNumber, comment: input.comment ?? null, tagsRemoved },
    });
    return { outcome: 'match_undone', tagsRemoved };
  }

  private async awaiting(tenantId: string, ats: string, applicationId: string) {
    const record = await this.tracked.find({ tenantId, ats, applicationId });
    if (!record) throw new NotFoundException('Application');
    if (record.outcome !== 'needs_hr_review')
      throw new AppException(ErrorCode.Conflict, 'This application is not waiting for an HR review', {
        outcome: record.outcome,
      });
    return record;
  }

  /** Takes the decision (once: a second person deciding meanwhile gets a conflict). */
  private async claim(
    record: TrackedApplicationEntity,
    from: readonly ApplicationOutcome[],
    fields: Parameters<TrackedApplicationsRepository['transition']>[2],
  ): Promise<void> {
    if (!(await this.tracked.transition(record.id, from, fields)))
      throw new AppException(ErrorCode.Conflict, 'Someone decided this application meanwhile');
  }

  /** The ATS refused or did not answer: the application waits for HR again (the ledger keeps what was done). */
  private async release(record: TrackedApplicationEntity): Promise<void> {
    await this.tracked.transition(record.id, ['fast_tracked', 'flagged', 'hr_declined'], {
      outcome: 'needs_hr_review',
      eligibility: record.eligibility,
      tier: record.tier,
      recruiterSummary: record.recruiterSummary,
      noteBody: record.noteBody,
      fastTrack: record.fastTrack,
    });
  }

  private async application(
    tenantId: string,
    record: TrackedApplicationEntity,
  ): Promise<{ conn: AtsConnection; app: AtsApplication }> {
    const conn = await this.connections.get(tenantId, asAtsKind(record.ats));
    const app = await this.connectors
      .get(conn.kind)
      .getApplication(conn, record.applicationId, record.candidateId);
    return { conn, app };
  }

  private async plan(
    conn: AtsConnection,
    app: AtsApplication,
    tier: string,
    policy: Awaited<ReturnType<JobPolicyResolver['forJob']>>['policy'],
  ): Promise<FastTrackPlan> {
    if (!app.currentStageId) return { action: 'none', skipped: [], reason: 'unknown_current_stage' };
    let stages = await this.stages.stages(conn, app.jobId);
    if (!stages.some((s) => s.id === app.currentStageId))
      stages = await this.stages.stages(conn, app.jobId, { refresh: true });
    return planFastTrack({ stages, currentStageId: app.currentStageId, tier, policy, jobId: app.jobId });
  }

  private async note(conn: AtsConnection, app: AtsApplication, subject: string, body: string): Promise<void> {
    const key = { tenantId: conn.tenantId, ats: conn.kind, applicationId: app.applicationId };
    await this.ledger.once({ ...key, step: 'note', subject }, { idempotent: false }, async () => {
      await this.connectors.get(conn.kind).addNote(conn, app, { body, audience: 'team' });
    });
  }

  private async language(tenantId: string): Promise<NoteLanguage> {
    return noteLanguageOf((await this.tenants.get(tenantId)).settings.language);
  }

  private briefingUrl(ats: string, applicationId: string): string {
    return `${this.config.publicBaseUrl}/console/briefings/${ats}/${encodeURIComponent(applicationId)}`;
  }
}
