import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry, logSafeError } from '@comeback/platform';
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
  ) {}

  onModuleInit(): void {
    this.registry.register('hris-event.process', (p) =>
      this.sync.processDelivery(p.tenantId, p.inboxEventId),
    );
    this.registry.register('hris.reconcile', (p) => this.sync.reconcile(p.tenantId, p.kind, p.runId));
    this.timer = setInterval(() => void this.nightly(new Date()), HOUR_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
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
