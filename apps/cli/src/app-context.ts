import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformModule } from '@comeback/platform';
import { PipelineModule } from '@comeback/pipeline';
import { HrisModule } from '@comeback/hris';
import { RegistryModule } from '@comeback/registry';

@Module({ imports: [PlatformModule, RegistryModule] })
class CliServicesModule {}

/** For commands that need the pipeline's services (the ATS connections' sealed secrets). */
@Module({ imports: [PlatformModule, PipelineModule, HrisModule] })
class CliPipelineServicesModule {}

/**
 * Commands open their own application context (after any environment tweaks, e.g. a fresh data
 * directory for benchmarks) rather than sharing one opened at start, so `--help` never boots a database.
 */
export async function openServices(
  scope: 'registry' | 'pipeline' = 'registry',
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(
    scope === 'pipeline' ? CliPipelineServicesModule : CliServicesModule,
    { logger: ['error', 'warn'], abortOnError: false },
  );
  app.enableShutdownHooks();
  return app;
}
