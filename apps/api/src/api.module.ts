import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HttpExceptionFilter, PlatformModule } from '@comeback/platform';
import { RegistryModule } from '@comeback/registry';
import { HealthController } from './health/health.controller';
import { MatchingController } from './matching/matching.controller';
import { RegistryController } from './registry/registry.controller';

@Module({
  imports: [PlatformModule, RegistryModule],
  controllers: [HealthController, RegistryController, MatchingController],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class ApiModule {}
