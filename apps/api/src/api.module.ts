import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HttpExceptionFilter, PlatformModule } from '@comeback/platform';
import { PipelineJobsInApiModule, PipelineModule } from '@comeback/pipeline';
import { CompensationModule } from '@comeback/compensation';
import { CompensationDataController } from './compensation/compensation-data.controller';
import { FairnessPoliciesController } from './compensation/fairness-policies.controller';
import { JobsController } from './compensation/jobs.controller';
import { OffersController } from './compensation/offers.controller';
import { HealthController } from './health/health.controller';
import { EligibilityPoliciesController } from './hr/eligibility-policies.controller';
import { IntegrationController } from './hr/integration.controller';
import { ReviewQueueController } from './hr/review-queue.controller';
import { MatchingController } from './matching/matching.controller';
import { RegistryController } from './registry/registry.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

@Module({
  imports: [PlatformModule, PipelineModule, PipelineJobsInApiModule, CompensationModule],
  controllers: [
    HealthController,
    WebhooksController,
    RegistryController,
    MatchingController,
    EligibilityPoliciesController,
    ReviewQueueController,
    IntegrationController,
    OffersController,
    FairnessPoliciesController,
    CompensationDataController,
    JobsController,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class ApiModule {}
