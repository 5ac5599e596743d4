import { Client } from 'pg';

export const TEST_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/**
 * One template per Jest run (named after the run's pid, set by global-setup and inherited by the workers), so
 * two runs on one machine never drop or half-migrate each other's template.
 */
export const TEMPLATE_PREFIX = 'comeback_test_template_';
export function templateDb(): string {
  return process.env.COMEBACK_TEST_TEMPLATE ?? `${TEMPLATE_PREFIX}${process.pid}`;
}

function urlFor(db: string): string {
  const u = new URL(TEST_ADMIN_URL);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function adminQuery<T = unknown>(sql: string): Promise<T[]> {
  const c = new Client({ connectionString: TEST_ADMIN_URL });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

/**
 * A fresh database per test file, cloned from the migrated template (fast and isolated).
 * Sets DATABASE_URL for the app under test and returns a drop function.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `comeback_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateDb()}`);
  const url = urlFor(name);
  process.env.DATABASE_URL = url;
  process.env.MIGRATIONS_RUN_AT_BOOT = 'false';
  return { url, drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

export { urlFor as testDatabaseUrl };
