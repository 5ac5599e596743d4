import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { HttpExceptionFilter, PlatformModule } from '@comeback/platform';
import { PipelineJobsInApiModule, PipelineModule } from '@comeback/pipeline';
import { CompensationModule } from '@comeback/compensation';
import { ConsoleModule } from '@comeback/console';
import { NotificationsModule } from '@comeback/notifications';
import { PeopleModule } from '@comeback/people';
import { HrisModule } from '@comeback/hris';
import { OutcomesModule } from '@comeback/outcomes';
import { RediscoveryModule } from '@comeback/rediscovery';
import { InvitationLinkController } from './rediscovery/invitation-link.controller';
import { RediscoveryController } from './rediscovery/rediscovery.controller';
import { ConsoleRediscoveryController } from './console/console-rediscovery.controller';
import { BriefingsController } from './briefings/briefings.controller';
import { ChangeLogController } from './briefings/change-log.controller';
import { ConsoleAuthController } from './console/console-auth.controller';
import { ConsoleExitController } from './console/console-exit.controller';
import { ConsoleHrController } from './console/console-hr.controller';
import { ConsolePayController } from './console/console-pay.controller';
import { ConsoleAccessController } from './console/console-access.controller';
import { ConsoleNotificationsController } from './console/console-notifications.controller';
import { ConsoleOutcomesController } from './console/console-outcomes.controller';
import { ConsolePeopleController } from './console/console-people.controller';
import { ConsoleIntegrationController } from './console/console-integration.controller';
import { ConsoleLoopsController } from './console/console-loops.controller';
import { ConsoleOperationsController } from './console/console-operations.controller';
import { ConsoleWorkController } from './console/console-work.controller';
import { CompensationDataController } from './compensation/compensation-data.controller';
import { FairnessPoliciesController } from './compensation/fairness-policies.controller';
import { JobsController } from './compensation/jobs.controller';
import { OffersController } from './compensation/offers.controller';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { OperationsController } from './operations/operations.controller';
import { HrisWebhooksController } from './hris/hris-webhooks.controller';
import { HrisController } from './hris/hris.controller';
import { EligibilityPoliciesController } from './hr/eligibility-policies.controller';
import { ReEvaluationController } from './hr/re-evaluation.controller';
import { HrDecisionsController } from './hr/hr-decisions.controller';
import { IntegrationController } from './hr/integration.controller';
import { PeopleController } from './hr/people.controller';
import { ReviewQueueController } from './hr/review-queue.controller';
import { TokensController } from './hr/tokens.controller';
import { MatchingController } from './matching/matching.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { OutcomesController } from './outcomes/outcomes.controller';
import { ExitInterviewsController } from './registry/exit-interviews.controller';
import { RegistryController } from './registry/registry.controller';
import { StorableInputInterceptor } from './storable-input.interceptor';
import { WebhookGate } from './webhooks/webhook-gate';
import { WebhooksController } from './webhooks/webhooks.controller';

@Module({
  imports: [
    PlatformModule,
    JwtModule.register({}),
    PipelineModule,
    PipelineJobsInApiModule,
    CompensationModule,
    ConsoleModule,
    NotificationsModule,
    PeopleModule,
    HrisModule,
    OutcomesModule,
    RediscoveryModule,
  ],
  controllers: [
    HealthController,
    MetricsController,
    OperationsController,
    WebhooksController,
    RegistryController,
    ExitInterviewsController,
    MatchingController,
    EligibilityPoliciesController,
    ReEvaluationController,
    ReviewQueueController,
    TokensController,
    IntegrationController,
    HrDecisionsController,
    OffersController,
    FairnessPoliciesController,
    CompensationDataController,
    JobsController,
    BriefingsController,
    ChangeLogController,
    ConsoleAuthController,
    ConsoleHrController,
    ConsolePayController,
    ConsoleAccessController,
    ConsoleWorkController,
    ConsoleNotificationsController,
    NotificationsController,
    ConsolePeopleController,
    PeopleController,
    ConsoleLoopsController,
    ConsoleOperationsController,
    ConsoleIntegrationController,
    ConsoleOutcomesController,
    OutcomesController,
    HrisController,
    HrisWebhooksController,
    ConsoleExitController,
    RediscoveryController,
    InvitationLinkController,
    ConsoleRediscoveryController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: HttpExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: StorableInputInterceptor },
    WebhookGate,
  ],
})
export class ApiModule {}
