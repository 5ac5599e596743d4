import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Points this process at a brand-new, empty database for a benchmark or the demo: a temporary
 * PostgreSQL database next to DATABASE_URL's, or a temporary embedded data directory when it is unset.
 * Returns a cleanup function.
 */
export async function useFreshDatabase(
  label: string,
  opts: { keepEmbeddedDir?: string } = {},
): Promise<() => Promise<void>> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = opts.keepEmbeddedDir ?? mkdtempSync(join(tmpdir(), `comeback-${label}-`));
    if (opts.keepEmbeddedDir) rmSync(dir, { recursive: true, force: true });
    process.env.DATA_DIR = dir;
    return async () => {
      if (!opts.keepEmbeddedDir) rmSync(dir, { recursive: true, force: true });
    };
  }
  const name = `comeback_${label}_${Date.now().toString(36)}_${process.pid}`.replace(/[^a-z0-9_]/g, '_');
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  // A throwaway database gets throwaway secrets (inherited by the worker processes a benchmark starts).
  process.env.JWT_SECRET ||= randomBytes(48).toString('base64url');
  process.env.SECRET_KEY ||= randomBytes(32).toString('base64');
  return async () => {
    const c = new Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}
