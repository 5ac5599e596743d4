import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../../libs/platform/src/database/typeorm-options';
import { runMigrationsLocked } from '../../libs/platform/src/database/run-migrations';
import { adminQuery, TEMPLATE_DB, testDatabaseUrl } from './test-database';

/** Migrates a template database once per run; each test file clones it (see test-database.ts). */
export default async function globalSetup(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DB}`);
  const ds = await new DataSource(typeOrmOptions(testDatabaseUrl(TEMPLATE_DB))).initialize();
  try {
    await runMigrationsLocked(ds);
  } finally {
    await ds.destroy();
  }
}
