import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobHandlerRegistry, JobName } from '@comeback/platform';
import { EvaluateApplicationJob } from './applications/evaluate-application.job';
import { BackfillService } from './backfill/backfill.service';
import { InboxEventProcessor } from './inbox/inbox-event.processor';
import { WebhookSubscriptionRenewal } from './subscriptions/webhook-subscription-renewal.service';

const ALL_JOBS: readonly JobName[] = ['ats-event.process', 'application.evaluate', 'backfill.page'];

/** Registers one handler per job type and starts consuming (worker process, or the api in embedded mode). */
@Injectable()
export class PipelineWorker {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly inbox: InboxEventProcessor,
    private readonly evaluate: EvaluateApplicationJob,
    private readonly backfill: BackfillService,
    private readonly renewal: WebhookSubscriptionRenewal,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    this.registry.register('ats-event.process', (p) => this.inbox.process(p));
    this.registry.register('application.evaluate', (p) => this.evaluate.run(p));
    this.registry.register('backfill.page', (p) => this.backfill.processPage(p));
    await this.registry.start(ALL_JOBS, this.config.workerConcurrency);
    this.renewal.start();
  }
}
