import { Command, CommandRunner } from 'nest-commander';
import { loadAppConfig, resolveDatabaseEndpoint, runMigrationsLocked } from '@comeback/platform';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from '@comeback/platform/database/typeorm-options';

@Command({ name: 'migrate', description: 'Apply pending database migrations (under an advisory lock)' })
export class MigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    const endpoint = await resolveDatabaseEndpoint(loadAppConfig());
    const ds = await new DataSource(typeOrmOptions(endpoint.url)).initialize();
    try {
      const applied = await runMigrationsLocked(ds);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    } finally {
      await ds.destroy();
      await endpoint.close();
    }
  }
}
