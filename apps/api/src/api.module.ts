import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HttpExceptionFilter, PlatformModule } from '@comeback/platform';
import { PipelineJobsInApiModule, PipelineModule } from '@comeback/pipeline';
import { HealthController } from './health/health.controller';
import { EligibilityPoliciesController } from './hr/eligibility-policies.controller';
import { IntegrationController } from './hr/integration.controller';
import { ReviewQueueController } from './hr/review-queue.controller';
import { MatchingController } from './matching/matching.controller';
import { RegistryController } from './registry/registry.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

@Module({
  imports: [PlatformModule, PipelineModule, PipelineJobsInApiModule],
  controllers: [
    HealthController,
    WebhooksController,
    RegistryController,
    MatchingController,
    EligibilityPoliciesController,
    ReviewQueueController,
    IntegrationController,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class ApiModule {}
