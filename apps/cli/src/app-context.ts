import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformModule } from '@comeback/platform';
import { PipelineModule } from '@comeback/pipeline';
import { HrisModule } from '@comeback/hris';
import { RegistryModule } from '@comeback/registry';
import { PeopleModule } from '@comeback/people';
import { RediscoveryModule } from '@comeback/rediscovery';
import { NotificationsServicesModule } from '@comeback/notifications';
import { CompensationModule } from '@comeback/compensation';
import { OutcomesModule } from '@comeback/outcomes';

@Module({ imports: [PlatformModule, RegistryModule] })
class CliServicesModule {}

/**
 * For commands that need the pipeline's services (the ATS and HR-system connections' sealed secrets), the SSO
 * secrets and the notification chat webhooks.
 */
@Module({
  imports: [
    PlatformModule,
    PipelineModule,
    // Register the offer-changed and hired/rejected handlers: the pipeline refuses to start with an ATS event kind
    // nobody handles.
    CompensationModule,
    OutcomesModule,
    HrisModule,
    PeopleModule,
    NotificationsServicesModule,
  ],
})
class CliPipelineServicesModule {}

/** For the rediscovery benchmark: ranking reads the registry, the active policy and job assignments. */
@Module({ imports: [PlatformModule, PipelineModule, RediscoveryModule, OutcomesModule] })
class CliRediscoveryServicesModule {}

/** For the people commands (invitations: people, mail). */
@Module({ imports: [PlatformModule, PeopleModule] })
class CliPeopleServicesModule {}

/**
 * Commands open their own application context (after any environment tweaks, e.g. a fresh data
 * directory for benchmarks) rather than sharing one opened at start, so `--help` never boots a database.
 */
export async function openServices(
  scope: 'registry' | 'pipeline' | 'people' | 'rediscovery' = 'registry',
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(
    scope === 'pipeline'
      ? CliPipelineServicesModule
      : scope === 'people'
        ? CliPeopleServicesModule
        : scope === 'rediscovery'
          ? CliRediscoveryServicesModule
          : CliServicesModule,
    { logger: ['error', 'warn'], abortOnError: false },
  );
  app.enableShutdownHooks();
  return app;
}
