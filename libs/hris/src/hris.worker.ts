import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { retentionCutoffs } from '@comeback/domain';
import { JobHandlerRegistry, JobQueue, logSafeError, TenantService } from '@comeback/platform';
import { HrisInboxEventsRepository } from './inbox/hris-inbox-events.repository';
import { HrisConnectionService } from './connections/hris-connection.service';
import { asHrisKind } from './hris-connector.port';
import { HrisSyncService } from './sync/hris-sync.service';
import './hris.jobs';

const HOUR_MS = 3_600_000;
/** Nightly: the reconciliation of a day runs in the first hour (UTC 18:00 = 03:00 JST) a worker sees. */
const NIGHTLY_UTC_HOUR = 18;

/** The nightly job id: one reconciliation per tenant and day, whichever worker enqueues it. */
export function nightlyJobId(tenantId: string, kind: string, now: Date): string {
  return `hris-nightly:${kind}:${tenantId}:${now.toISOString().slice(0, 10)}`;
}

/**
 * Registers the HR-system jobs with the platform's queue (before any worker starts consuming) and, in
 * processes that consume, enqueues the nightly reconciliation.
 */
@Injectable()
export class HrisWorker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(HrisWorker.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly sync: HrisSyncService,
    private readonly connections: HrisConnectionService,
    private readonly inbox: HrisInboxEventsRepository,
    private readonly tenants: TenantService,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.registry.register('hris-event.process', (p) =>
      this.sync.processDelivery(p.tenantId, p.inboxEventId),
    );
    this.registry.register('hris.reconcile', (p) => this.sync.reconcile(p.tenantId, p.kind, p.runId));
    this.registry.register('hris.retention', async () => void (await this.purge(new Date())));
    this.timer = setInterval(() => void this.hourly(new Date()), HOUR_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async hourly(now: Date): Promise<void> {
    await this.queue
      .enqueue(
        'hris.retention',
        { requestedAt: now.toISOString() },
        { jobId: `hris-retention:${now.toISOString().slice(0, 13)}` },
      )
      .catch((err: unknown) =>
        this.logger.warn({ err: logSafeError(err) }, 'HR-system retention purge not enqueued'),
      );
    await this.nightly(now);
  }

  /** Raw HR-system webhook bodies past each tenant's retention (the same setting as the ATS inbox's). */
  async purge(now: Date): Promise<number> {
    let purged = 0;
    for (const tenantId of new Set((await this.connections.all()).map((c) => c.tenantId))) {
      const tenant = await this.tenants.get(tenantId);
      purged += await this.inbox.purgeBodies(
        tenantId,
        retentionCutoffs(tenant.settings.retention, now).rawWebhookBodies,
      );
    }
    return purged;
  }

  /** Enqueues each connection's reconciliation when the nightly hour comes. */
  async nightly(now: Date): Promise<number> {
    if (now.getUTCHours() !== NIGHTLY_UTC_HOUR) return 0;
    let n = 0;
    for (const c of await this.connections.all()) {
      const kind = asHrisKind(c.kind);
      if (!kind) continue;
      await this.sync
        .enqueueNightly(c.tenantId, kind, nightlyJobId(c.tenantId, kind, now))
        .then(() => n++)
        .catch((err: unknown) =>
          this.logger.warn({ err: logSafeError(err) }, 'nightly HR-system reconciliation not enqueued'),
        );
    }
    return n;
  }
}
