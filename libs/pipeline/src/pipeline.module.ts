import { Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AtsModule } from '@comeback/ats';
import { CompensationModule } from '@comeback/compensation';
import { APP_CONFIG, AppConfig } from '@comeback/platform';
import { RegistryModule } from '@comeback/registry';
import { TrackedApplicationEntity, WritebackStepEntity } from './applications/tracked-application.entity';
import { BackfillRunEntity } from './backfill/backfill-run.entity';
import { BackfillRepository } from './backfill/backfill.repository';
import { BackfillService } from './backfill/backfill.service';
import { AtsConnectionEntity } from './connections/ats-connection.entity';
import { AtsConnectionRepository } from './connections/ats-connection.repository';
import { AtsConnectionService } from './connections/ats-connection.service';
import { InboxEventEntity } from './inbox/inbox-event.entity';
import { InboxEventsRepository } from './inbox/inbox-events.repository';
import { WebhookIngestService } from './inbox/webhook-ingest.service';
import { EligibilityPolicyService } from './policies/eligibility-policy.service';
import { EligibilityPolicyVersionEntity } from './policies/eligibility-policy-version.entity';
import { PipelineWorker } from './pipeline.worker';
import { ApplicationPipelineService } from './processing/application-pipeline.service';
import { AtsEventProcessor } from './processing/ats-event.processor';
import { WritebackSteps } from './processing/writeback-steps';
import { MatchRejectionEntity, ReviewItemEntity } from './review/review-item.entity';
import { ReviewQueueRepository } from './review/review-queue.repository';
import { ReviewQueueService } from './review/review-queue.service';
import { JobStageCacheEntity, JobStageMappingEntity } from './stages/job-stage.entity';
import { JobStagesRepository } from './stages/job-stages.repository';
import { JobStagesService } from './stages/job-stages.service';
import { TrackedApplicationsService } from './applications/tracked-applications.service';
import { TrackedApplicationReadsRepository } from './applications/tracked-application-reads.repository';
import { TrackedApplicationReadsService } from './applications/tracked-application-reads.service';

const SERVICES = [
  AtsConnectionService,
  InboxEventsRepository,
  WebhookIngestService,
  EligibilityPolicyService,
  JobStagesService,
  ReviewQueueService,
  WritebackSteps,
  ApplicationPipelineService,
  AtsEventProcessor,
  BackfillService,
  PipelineWorker,
  TrackedApplicationsService,
  TrackedApplicationReadsService,
];

/** Own the pipeline's SQL; internal to this module (other libs ask the services above). */
const REPOSITORIES = [
  AtsConnectionRepository,
  BackfillRepository,
  JobStagesRepository,
  ReviewQueueRepository,
  TrackedApplicationReadsRepository,
];

/** Webhook inbox → queue → match, evaluate, plan, write back. Also HR's policies, mappings and review queue. */
@Module({
  imports: [
    AtsModule,
    RegistryModule,
    CompensationModule,
    TypeOrmModule.forFeature([
      AtsConnectionEntity,
      InboxEventEntity,
      TrackedApplicationEntity,
      WritebackStepEntity,
      ReviewItemEntity,
      MatchRejectionEntity,
      EligibilityPolicyVersionEntity,
      JobStageCacheEntity,
      JobStageMappingEntity,
      BackfillRunEntity,
    ]),
  ],
  providers: [...SERVICES, ...REPOSITORIES],
  exports: [...SERVICES, AtsModule, RegistryModule],
})
export class PipelineModule {}

@Injectable()
class InProcessJobsStarter implements OnApplicationBootstrap {
  constructor(
    private readonly worker: PipelineWorker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.runJobsInApi) await this.worker.start();
  }
}

/** Imported by the api: runs the processors in-process when configured (embedded mode's default). */
@Module({ imports: [PipelineModule], providers: [InProcessJobsStarter] })
export class PipelineJobsInApiModule {}
