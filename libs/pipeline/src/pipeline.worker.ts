import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  JobHandlerRegistry,
  JobName,
  JobQueue,
  logSafeError,
} from '@comeback/platform';
import { EvaluateApplicationJob } from './applications/evaluate-application.job';
import { BackfillService } from './backfill/backfill.service';
import { InboxEventProcessor } from './inbox/inbox-event.processor';
import { WebhookSubscriptionRenewal } from './subscriptions/webhook-subscription-renewal.service';
import { RetentionService } from './retention/retention.service';

const ALL_JOBS: readonly JobName[] = [
  'ats-event.process',
  'application.evaluate',
  'backfill.page',
  'retention.purge',
];
const HOUR_MS = 3_600_000;

/** One retention job per hour whichever worker enqueues it: the job id is the hour (a business key). */
export function retentionJobId(now: Date): string {
  return `retention:${now.toISOString().slice(0, 13)}`;
}

/** Registers one handler per job type and starts consuming (worker process, or the api in embedded mode). */
@Injectable()
export class PipelineWorker implements OnModuleDestroy {
  private readonly logger = new Logger(PipelineWorker.name);
  private retentionTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly inbox: InboxEventProcessor,
    private readonly evaluate: EvaluateApplicationJob,
    private readonly backfill: BackfillService,
    private readonly renewal: WebhookSubscriptionRenewal,
    private readonly retention: RetentionService,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    this.registry.register('ats-event.process', (p) => this.inbox.process(p));
    this.registry.register('application.evaluate', (p) => this.evaluate.run(p));
    this.registry.register('backfill.page', (p) => this.backfill.processPage(p));
    this.registry.register('retention.purge', async () => void (await this.retention.purgeAll()));
    await this.registry.start(ALL_JOBS, this.config.workerConcurrency);
    this.renewal.start();
    // Periodic enqueue from every worker; the hourly job id makes the extra copies no-ops.
    await this.enqueueRetention();
    this.retentionTimer = setInterval(() => void this.enqueueRetention(), HOUR_MS);
    this.retentionTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.retentionTimer = null;
  }

  private async enqueueRetention(): Promise<void> {
    const now = new Date();
    await this.queue
      .enqueue('retention.purge', { requestedAt: now.toISOString() }, { jobId: retentionJobId(now) })
      .catch((err: unknown) =>
        this.logger.warn(
          { err: logSafeError(err) },
          'could not enqueue the retention purge; the next hour tries again',
        ),
      );
  }
}
