import '../registry.jobs';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { MATCH_KEYS_VERSION } from '@comeback/domain';
import { JobHandlerRegistry, JobQueue, logSafeError } from '@comeback/platform';
import { MatchKeyRebuildService } from './match-key-rebuild.service';

const HOUR_MS = 3_600_000;
/** The first look comes shortly after start, off the start-up path (one indexed query when nothing is stale). */
const FIRST_CHECK_MS = 30_000;

/** One rebuild per tenant and key version, whichever process enqueues it (a business key). */
export function matchKeysRebuildJobId(tenantId: string, version: number): string {
  return `match-keys-rebuild:${tenantId}:v${version}`;
}

/**
 * After an upgrade that changed how match keys are derived, every process finds the tenants whose stored keys
 * are older and enqueues one rebuild each; the job id makes the copies no-ops, and whichever process consumes
 * jobs runs it (under the tenant's import lock). Hourly afterwards, so a tenant that failed is tried again
 * only through the failed-jobs page or `match-keys:rebuild`, never in a loop.
 */
@Injectable()
export class MatchKeyRebuildWorker implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MatchKeyRebuildWorker.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly rebuild: MatchKeyRebuildService,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.registry.register('registry.match-keys-rebuild', async (p) => {
      // Another process (or the CLI) may have rebuilt it meanwhile.
      if (!(await this.rebuild.isStale(p.tenantId))) return;
      await this.rebuild.rebuild(p.tenantId);
    });
  }

  onApplicationBootstrap(): void {
    const first = setTimeout(() => void this.enqueueStale(), FIRST_CHECK_MS);
    const hourly = setInterval(() => void this.enqueueStale(), HOUR_MS);
    first.unref();
    hourly.unref();
    this.timers = [first, hourly];
  }

  onModuleDestroy(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }

  /** Enqueues a rebuild for every tenant whose stored keys are older than MATCH_KEYS_VERSION. */
  async enqueueStale(): Promise<number> {
    try {
      const tenants = await this.rebuild.staleTenants();
      for (const tenantId of tenants) {
        await this.queue.enqueue(
          'registry.match-keys-rebuild',
          { tenantId, version: MATCH_KEYS_VERSION },
          { jobId: matchKeysRebuildJobId(tenantId, MATCH_KEYS_VERSION) },
        );
      }
      return tenants.length;
    } catch (err: unknown) {
      this.logger.warn(
        { err: logSafeError(err) },
        'match key rebuilds not enqueued; the next hour tries again',
      );
      return 0;
    }
  }
}
