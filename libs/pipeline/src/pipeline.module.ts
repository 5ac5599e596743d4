import { Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AtsModule } from '@comeback/ats';
import { APP_CONFIG, AppConfig } from '@comeback/platform';
import { RegistryModule } from '@comeback/registry';
import { ApplicationEventsHandler } from './applications/application-events.handler';
import { ApplicationPipelineService } from './applications/application-pipeline.service';
import { DecideApplicationService } from './applications/decide-application.service';
import { ApplicantMarkerResolvers } from './applications/applicant-marker';
import { EvaluateApplicationJob } from './applications/evaluate-application.job';
import { JobPolicyResolver } from './applications/job-policy.resolver';
import { TrackedApplicationEntity } from './applications/tracked-application.entity';
import { TrackedApplicationsRepository } from './applications/tracked-applications.repository';
import { WriteBackApplicationService } from './applications/write-back-application.service';
import { HrDecisionsService } from './applications/hr-decisions.service';
import { ReEvaluationService } from './applications/re-evaluation.service';
import { FailedWorkService } from './inbox/failed-work.service';
import { OperationsService } from './operations/operations.service';
import { OperationsRepository } from './operations/operations.repository';
import { PipelineErasureParticipant } from './erasure/pipeline-erasure.participant';
import { PipelineErasureRepository } from './erasure/pipeline-erasure.repository';
import { AtsEventHandlerRegistry } from './events/ats-event-handler.registry';
import { InboxEventProcessor } from './inbox/inbox-event.processor';
import { WritebackLedger } from './writeback/writeback-ledger';
import { WritebackLedgerRepository } from './writeback/writeback-ledger.repository';
import { WritebackStepEntity } from './writeback/writeback-step.entity';
import { BackfillRunEntity } from './backfill/backfill-run.entity';
import { BackfillRepository } from './backfill/backfill.repository';
import { BackfillService } from './backfill/backfill.service';
import { AtsConnectionEntity } from './connections/ats-connection.entity';
import { AtsConnectionRepository } from './connections/ats-connection.repository';
import { AtsConnectionService } from './connections/ats-connection.service';
import { AtsCredentialsModule } from './connections/ats-credentials.module';
import { WebhookSubscriptionEntity } from './subscriptions/webhook-subscription.entity';
import { WebhookSubscriptionRepository } from './subscriptions/webhook-subscription.repository';
import { WebhookSubscriptionRenewal } from './subscriptions/webhook-subscription-renewal.service';
import { WebhookSubscriptionService } from './subscriptions/webhook-subscription.service';
import { InboxEventEntity } from './inbox/inbox-event.entity';
import { InboxEventsRepository } from './inbox/inbox-events.repository';
import { WebhookIngestService } from './inbox/webhook-ingest.service';
import { EligibilityInputsRepository } from './policies/eligibility-inputs.repository';
import { EligibilityPolicyService } from './policies/eligibility-policy.service';
import { EligibilityPolicyVersionEntity } from './policies/eligibility-policy-version.entity';
import './pipeline.jobs';
import { PipelineWorker } from './pipeline.worker';
import { RetentionService } from './retention/retention.service';
import { MatchRejectionEntity, ReviewItemEntity } from './review/review-item.entity';
import { ReviewQueueRepository } from './review/review-queue.repository';
import { ReviewQueueService } from './review/review-queue.service';
import { MatchingAccuracyService } from './review/matching-accuracy.service';
import { JobStageCacheEntity, JobStageMappingEntity } from './stages/job-stage.entity';
import { JobStagesRepository } from './stages/job-stages.repository';
import { JobStagesService } from './stages/job-stages.service';
import { JobScopeCacheEntity } from './stages/job-scope.entity';
import { JobScopeRepository } from './stages/job-scope.repository';
import { JobScopeService } from './stages/job-scope.service';
import { TrackedApplicationsService } from './applications/tracked-applications.service';

const SERVICES = [
  ApplicantMarkerResolvers,
  AtsConnectionService,
  WebhookSubscriptionService,
  WebhookSubscriptionRenewal,
  WebhookIngestService,
  EligibilityPolicyService,
  JobStagesService,
  JobScopeService,
  ReviewQueueService,
  MatchingAccuracyService,
  AtsEventHandlerRegistry,
  WritebackLedger,
  InboxEventProcessor,
  JobPolicyResolver,
  DecideApplicationService,
  WriteBackApplicationService,
  HrDecisionsService,
  ReEvaluationService,
  FailedWorkService,
  OperationsService,
  ApplicationPipelineService,
  ApplicationEventsHandler,
  EvaluateApplicationJob,
  BackfillService,
  PipelineWorker,
  TrackedApplicationsService,
  RetentionService,
];

/** Own the pipeline's SQL; internal to this module (other libs ask the services above). */
const REPOSITORIES = [
  WebhookSubscriptionRepository,
  WritebackLedgerRepository,
  TrackedApplicationsRepository,
  InboxEventsRepository,
  AtsConnectionRepository,
  BackfillRepository,
  JobStagesRepository,
  JobScopeRepository,
  ReviewQueueRepository,
  OperationsRepository,
];

/**
 * Webhook inbox → queue → ATS event handlers (features register theirs) → the application pipeline (decide,
 * write back) and the one write-back ledger. Also HR's policies, mappings and review queue. Knows no feature.
 */
@Module({
  imports: [
    AtsCredentialsModule,
    AtsModule,
    RegistryModule,
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
      JobScopeCacheEntity,
      BackfillRunEntity,
      WebhookSubscriptionEntity,
    ]),
  ],
  providers: [
    ...SERVICES,
    ...REPOSITORIES,
    EligibilityInputsRepository,
    PipelineErasureRepository,
    PipelineErasureParticipant,
  ],
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
