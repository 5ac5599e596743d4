import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';
import { SafeTypeOrmLogger } from './safe-typeorm.logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Options shared by the Nest app and the standalone CLI DataSource. Schema changes only via migrations. */
export function typeOrmOptions(url: string, opts: { poolSize?: number } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    // gen_random_uuid() is built into PostgreSQL ≥ 13; extensions are created by migrations only.
    installExtensions: false,
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: opts.poolSize ?? 10 },
    // Errors only, through a logger that never prints a query or its parameters (personal data).
    logging: ['error'],
    logger: new SafeTypeOrmLogger(),
  };
}
