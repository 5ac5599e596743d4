import type { INestApplication } from '@nestjs/common';
import { createServer, type AddressInfo } from 'node:net';
import { Role, TenantService, TokenService } from '@comeback/platform';
import { createApiApp } from '@comeback/http-api';
import { installResponseScan } from './response-scan';
import { adminQuery, createTestDatabase } from './test-database';

export interface Harness {
  app: INestApplication;
  baseUrl: string;
  /** The api's database (a fresh clone unless `startApi` was given one). */
  databaseUrl: string;
  tenant(slug: string): Promise<TestTenant>;
  /** Stops the api; drops its database unless `keepDatabase` (to hand it to the next `startApi`). */
  close(opts?: { keepDatabase?: boolean }): Promise<void>;
}

export interface TestTenant {
  id: string;
  slug: string;
  token(role: Role, subject?: string): string;
}

/**
 * The real api on a fresh PostgreSQL database (cloned from the migrated template), listening on a random port;
 * or on `opts.databaseUrl`, a database an earlier harness kept (a restart, e.g. with other keys).
 */
export async function startApi(
  env: Record<string, string | undefined> = {},
  opts: { databaseUrl?: string } = {},
): Promise<Harness> {
  // A database handed over by an earlier harness is this one's now: dropped on close unless kept again.
  const given = opts.databaseUrl;
  const db = given
    ? {
        url: given,
        drop: async () =>
          void (await adminQuery(
            `DROP DATABASE IF EXISTS "${new URL(given).pathname.slice(1)}" WITH (FORCE)`,
          )),
      }
    : await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  // The public URL (webhook targets, note links) must be known before the app starts: pick the port first.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  process.env.PUBLIC_BASE_URL = baseUrl;
  const app = await createApiApp({ logger: false });
  // Every recruiter / hiring-manager response of every test is scanned for sensitive data (response-scan.ts).
  installResponseScan(app);
  await app.listen(port, '127.0.0.1');
  return {
    app,
    baseUrl,
    databaseUrl: db.url,
    async tenant(slug: string): Promise<TestTenant> {
      const t = await app.get(TenantService).create({ slug, name: slug });
      const tokens = app.get(TokenService);
      return {
        id: t.id,
        slug,
        token: (role, subject) =>
          tokens.mint({ tenantId: t.id, role, subject: subject ?? `${slug}-${role}` }),
      };
    },
    async close(closeOpts: { keepDatabase?: boolean } = {}): Promise<void> {
      await app.close();
      if (!closeOpts.keepDatabase) await db.drop();
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function http(
  baseUrl: string,
  method: string,
  path: string,
  opts: { token?: string; json?: unknown; body?: RequestInit['body']; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body = opts.body;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

export function csvUpload(content: Buffer | string, fileName = 'alumni.csv'): FormData {
  const form = new FormData();
  form.append(
    'file',
    new Blob([typeof content === 'string' ? Buffer.from(content, 'utf8') : content], { type: 'text/csv' }),
    fileName,
  );
  return form;
}
