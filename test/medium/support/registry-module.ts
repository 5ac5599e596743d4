import { Test, type TestingModule } from '@nestjs/testing';
import { PlatformModule } from '@comeback/platform';
import { RegistryModule } from '@comeback/registry';

/**
 * The registry's services on the current test database (createTestDatabase), started, without logs: a process
 * as far as the registry is concerned. Opening a second one on the same database stands for a restart.
 */
export async function openRegistryModule(): Promise<TestingModule> {
  const module = await Test.createTestingModule({ imports: [PlatformModule, RegistryModule] }).compile();
  module.useLogger(false);
  await module.init();
  return module;
}
