import { Injectable, Logger } from '@nestjs/common';
import { AtsApplication, AtsConnection, AtsConnectorRegistry } from '@comeback/ats';
import { replanAfterStaleMove, StageSummary } from '@comeback/domain';
import { AuditService } from '@comeback/platform';
import { JobStagesService } from '../stages/job-stages.service';
import { WritebackLedger } from '../writeback/writeback-ledger';
import type { PipelineResult } from './decide-application.service';
import { JobPolicyResolver } from './job-policy.resolver';
import { ApplicationOutcome, TrackedApplicationEntity } from './tracked-application.entity';
import { TrackedApplicationsRepository } from './tracked-applications.repository';

/**
 * Tag names as sent; each adapter spells them as its ATS stores them (Workable: lower case, no spaces). One tag
 * per application: a recognised returnee gets `Alumni`, a fast-tracked one `Alumni_fast-track` instead (the name
 * says both). Greenhouse applies one tag per `POST /v3/applied_candidate_tags` (a single `candidate_tag_id`), so a
 * second tag would cost every fast-tracked application a fourth write.
 */
export const ALUMNI_TAG = 'Alumni';
export const FAST_TRACK_TAG = 'Alumni_fast-track';

const SYSTEM_ACTOR = (tenantId: string) => ({ tenantId, role: 'integration' as const, name: 'pipeline' });

/**
 * Use case "write back": the stored decision into the ATS — tag, note, move — each a claimed step in the
 * write-back ledger, so a replayed event or a retried job finishes what is missing and repeats nothing.
 */
@Injectable()
export class WriteBackApplicationService {
  private readonly logger = new Logger(WriteBackApplicationService.name);

  constructor(
    private readonly tracked: TrackedApplicationsRepository,
    private readonly connectors: AtsConnectorRegistry,
    private readonly ledger: WritebackLedger,
    private readonly jobPolicies: JobPolicyResolver,
    private readonly stages: JobStagesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * `round` tells apart a later write-back of the same application (HR's approval after "HR review needed"):
   * its tag and note are steps of their own; the move stays the one move step, so a replay never moves twice.
   */
  async writeBack(
    conn: AtsConnection,
    app: AtsApplication,
    record: TrackedApplicationEntity,
    opts: { round?: string } = {},
  ): Promise<PipelineResult> {
    const tenantId = conn.tenantId;
    const subject = opts.round ?? '';
    const connector = this.connectors.get(conn.kind);
    const key = { tenantId, ats: conn.kind, applicationId: app.applicationId };
    const plan = record.fastTrack;
    const willMove = plan?.action === 'move' && !!plan.targetStage;
    const tags = [willMove ? FAST_TRACK_TAG : ALUMNI_TAG];
    await this.ledger.once({ ...key, step: 'tag', subject }, { idempotent: true }, async () => ({
      added: await connector.addTags(conn, app, tags),
    }));
    if (record.noteBody) {
      const noteBody = record.noteBody;
      const claim = await this.ledger.once(
        { ...key, step: 'note', subject },
        { idempotent: false },
        async () => {
          await connector.addNote(conn, app, { body: noteBody, audience: 'team' });
        },
      );
      if (claim === 'uncertain')
        this.logger.warn(
          { tenantId, applicationId: app.applicationId },
          'note left alone after an interrupted attempt',
        );
    }

    let moved = false;
    let moveAttempted = false;
    const target = willMove ? plan.targetStage : undefined;
    if (target) {
      let landedOn: StageSummary | null = target;
      await this.ledger.once({ ...key, step: 'move' }, { idempotent: true }, async () => {
        moveAttempted = true;
        let result = await connector.moveToStage(conn, app, target.id);
        if (result === 'stale') {
          // Someone moved it meanwhile: re-read and re-plan once (never backwards, no-op if further).
          const fresh = await connector.getApplication(conn, app.applicationId, app.candidateId);
          const { policy } = await this.jobPolicies.forJob(tenantId, conn.kind, app.jobId);
          const stages = fresh.currentStageId
            ? await this.stages.stages(conn, app.jobId, { refresh: true })
            : [];
          const again = replanAfterStaleMove({
            stages,
            currentStageId: fresh.currentStageId,
            tier: record.tier,
            policy,
            jobId: app.jobId,
          });
          landedOn = again.action === 'retry' ? again.targetStage : null;
          result =
            again.action === 'retry'
              ? await connector.moveToStage(conn, fresh, again.targetStage.id)
              : 'stale';
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
      details: {
        outcome,
        employeeNumber: record.employeeNumber,
        tier: record.tier,
        policyVersion: record.policyVersion,
        moved,
      },
    });
    return { outcome, employeeNumber: record.employeeNumber, moved };
  }
}
