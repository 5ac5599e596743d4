import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { asAtsKind } from '@comeback/ats';
import {
  AuditActor,
  AuditService,
  FailedJobs,
  JobQueue,
  Metrics,
  NotFoundException,
  tenantOfJob,
  type FailedJob,
} from '@comeback/platform';
import { backlogEtaSeconds, classifyFailure, type FailureReason } from '@comeback/domain';
import { OperationsRepository, type UncertainStepRow } from './operations.repository';

/** A tenant's failed jobs listed at most (newest first). */
const FAILED_LIST_LIMIT = 1_000;
/** The newest failed jobs of the queue read beside a tenant's record (see `failures`). */
const FAILED_SCAN_LIMIT = 1_000;
/** The drain rate is the work finished in this window. */
const DRAIN_WINDOW_SECONDS = 300;

export interface FailedWorkItem {
  jobId: string;
  /** The job type, e.g. `ats-event.process`. */
  type: string;
  reason: FailureReason;
  /** The error as the queue kept it (our own messages: no personal data; the vendor's words are not kept). */
  message: string;
  attempts: number;
  failedAt: string | null;
  retryable: boolean;
}

export interface BacklogStatus {
  waiting: number;
  /** Of those, deliveries that wait for an earlier one of the same application (retried, or failed until retried). */
  heldBehindEarlier: number;
  oldestWaitingSeconds: number;
  /** Deliveries finished per minute over the last five minutes. */
  drainedPerMinute: number;
  /** Null: nothing finished recently, so no honest estimate (an outage or a rate-limit block). */
  etaSeconds: number | null;
}

/**
 * Failed work a person can see and fix: failed queue jobs with a plain reason and a retry (one or all, after the
 * cause was fixed); uncertain side effects (a call cut by a crash) listed for a person to confirm against the
 * ATS; the inbox backlog with an estimate of when it is through. Also feeds `/metrics` at scrape time.
 */
@Injectable()
export class OperationsService implements OnModuleInit {
  constructor(
    private readonly repo: OperationsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly failedJobs: FailedJobs,
    private readonly audit: AuditService,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics.registerCollector('pipeline', async (g) => {
      const [backlog, review, uncertain, counts] = await Promise.all([
        this.repo.inboxBacklog(),
        this.repo.reviewQueue(),
        this.repo.uncertainCounts(),
        this.queue.counts(),
      ]);
      for (const b of backlog) {
        g.inboxBacklog.set({ source: b.ats }, b.waiting);
        g.inboxOldestWaitingSeconds.set({ source: b.ats }, b.oldestSeconds);
      }
      // Tenants collapse into one label value unless the operator opted in: sum the sizes, keep the oldest age.
      const oldest = new Map<string, number>();
      for (const r of review) {
        const tenant = g.tenant(r.tenantId);
        g.reviewQueueSize.inc({ tenant }, r.open);
        oldest.set(tenant, Math.max(oldest.get(tenant) ?? 0, r.oldestSeconds));
      }
      for (const [tenant, seconds] of oldest) g.reviewQueueOldestSeconds.set({ tenant }, seconds);
      for (const u of uncertain) g.uncertainSideEffects.inc({ tenant: g.tenant(u.tenantId) }, u.n);
      g.failedWork.set({ kind: 'queue_job' }, counts.failed);
    });
  }

  async failures(tenantId: string): Promise<FailedWorkItem[]> {
    // The tenant's own record is complete however many failures other tenants have. The newest of the queue's
    // shared failed list is read beside it for a failure whose record could not be written (the database refused
    // at that moment).
    const [recorded, newest] = await Promise.all([
      this.failedJobs.list(tenantId, FAILED_LIST_LIMIT),
      this.queue.failed(FAILED_SCAN_LIMIT),
    ]);
    const listed = new Set(recorded.map((j) => j.jobId));
    const unrecorded = newest.filter((j) => tenantOfJob(j.data) === tenantId && !listed.has(j.jobId));
    return [...recorded, ...unrecorded]
      .sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
      .slice(0, FAILED_LIST_LIMIT)
      .map((j: FailedJob) => {
        const { reason, retryable } = classifyFailure(j.error);
        return {
          jobId: j.jobId,
          type: j.name,
          reason,
          message: j.error,
          attempts: j.attempts,
          failedAt: j.failedAt,
          retryable,
        };
      });
  }

  /** Runs one failed job of this tenant once more. */
  async retry(actor: AuditActor, jobId: string): Promise<{ retried: number }> {
    const mine = (await this.failures(actor.tenantId)).find((f) => f.jobId === jobId);
    if (!mine || !(await this.queue.retry(jobId))) throw new NotFoundException('Failed job');
    await this.audit.record(actor, {
      action: 'operations.retry',
      targetType: 'job',
      targetId: jobId,
      details: { type: mine.type, reason: mine.reason },
    });
    return { retried: 1 };
  }

  /** Runs every failed job of this tenant once more (after the cause was fixed). */
  async retryAll(actor: AuditActor): Promise<{ retried: number }> {
    let retried = 0;
    for (const f of await this.failures(actor.tenantId)) if (await this.queue.retry(f.jobId)) retried += 1;
    await this.audit.record(actor, {
      action: 'operations.retry_all',
      targetType: 'job',
      details: { retried },
    });
    return { retried };
  }

  uncertain(tenantId: string): Promise<UncertainStepRow[]> {
    return this.repo.uncertainSteps(tenantId, 500);
  }

  /**
   * A person looked in the ATS. `exists`: the effect is there → done. Otherwise it is marked failed and the
   * application is evaluated again, which performs the missing write-back through the ledger (an offer note
   * is posted at the offer's next change).
   */
  async resolveUncertain(actor: AuditActor, id: string, exists: boolean): Promise<{ rerun: boolean }> {
    const step = await this.repo.resolveUncertain(actor.tenantId, id, exists, {
      resolvedBy: actor.email ?? actor.name,
      resolvedAt: new Date().toISOString(),
      resolution: exists ? 'exists_in_ats' : 'missing_in_ats',
    });
    if (!step) throw new NotFoundException('Uncertain step');
    let rerun = false;
    if (!exists && step.step !== 'offer_note') {
      const candidateId = await this.repo.candidateOf(actor.tenantId, step.ats, step.applicationId);
      await this.queue.enqueue(
        'application.evaluate',
        {
          tenantId: actor.tenantId,
          ats: asAtsKind(step.ats),
          applicationId: step.applicationId,
          candidateId,
          reason: 'backfill',
        },
        { jobId: `resolve:${step.id}:${Date.now()}` },
      );
      rerun = true;
    }
    await this.audit.record(actor, {
      action: 'operations.resolve_uncertain',
      targetType: 'writeback_step',
      targetId: step.id,
      details: { step: step.step, exists, rerun },
    });
    return { rerun };
  }

  async backlog(tenantId: string): Promise<BacklogStatus> {
    const b = await this.repo.tenantBacklog(tenantId, DRAIN_WINDOW_SECONDS);
    return {
      waiting: b.waiting,
      heldBehindEarlier: b.held,
      oldestWaitingSeconds: Math.round(b.oldestSeconds),
      drainedPerMinute: Math.round((b.finishedInWindow / DRAIN_WINDOW_SECONDS) * 60 * 10) / 10,
      etaSeconds: backlogEtaSeconds(b.waiting, b.finishedInWindow, DRAIN_WINDOW_SECONDS),
    };
  }
}
