import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformModule } from '@comeback/platform';
import { RegistryModule } from '@comeback/registry';

@Module({ imports: [PlatformModule, RegistryModule] })
class CliServicesModule {}

/**
 * Commands open their own application context (after any environment tweaks, e.g. a fresh data
 * directory for benchmarks) rather than sharing one opened at start, so `--help` never boots a database.
 */
export async function openServices(): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(CliServicesModule, { logger: ['error', 'warn'], abortOnError: false });
  app.enableShutdownHooks();
  return app;
}
