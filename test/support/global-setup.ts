import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../../libs/platform/src/database/typeorm-options';
import { runMigrationsLocked } from '../../libs/platform/src/database/run-migrations';
import { adminQuery, TEMPLATE_PREFIX, testDatabaseUrl } from './test-database';

/** Migrates this run's template database once; each test file clones it (see test-database.ts). */
export default async function globalSetup(): Promise<void> {
  await dropTemplatesOfDeadRuns();
  const template = `${TEMPLATE_PREFIX}${process.pid}`;
  process.env.COMEBACK_TEST_TEMPLATE = template; // inherited by the workers, which start after this
  await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${template}`);
  const ds = await new DataSource(typeOrmOptions(testDatabaseUrl(template))).initialize();
  try {
    await runMigrationsLocked(ds);
  } finally {
    await ds.destroy();
  }
}

async function dropTemplatesOfDeadRuns(): Promise<void> {
  const rows = await adminQuery<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE '${TEMPLATE_PREFIX}%'`,
  );
  for (const { datname } of rows) {
    const pid = Number(datname.slice(TEMPLATE_PREFIX.length));
    if (!Number.isInteger(pid) || !isAlive(pid))
      await adminQuery(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
