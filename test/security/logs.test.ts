import { JwtService } from '@nestjs/jwt';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, http } from '../support/api-harness';
import { createTestDatabase } from '../support/test-database';
import { dbQuery } from './security-kit';

jest.setTimeout(60_000);

/**
 * Issue 12 #7: a failing query must not copy its parameters (or the query, or the request body) into the
 * process's logs. The real api process (dist) runs with logging on; everything it writes is captured.
 */
const MAIN = join(__dirname, '../../dist/apps/api/src/main.js');
const DISTINCT = 'Zq7LogCanary鷺ノ宮';

describe('security: no personal data in the logs', () => {
  let proc: ChildProcess;
  let output = '';
  let baseUrl: string;
  let token: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('Build first (npm run build): this test runs the compiled api');
    const db = await createTestDatabase();
    drop = db.drop;
    const [tenant] = await dbQuery<{ id: string }>(
      `INSERT INTO tenants (slug, name) VALUES ('logs', 'logs') RETURNING id`,
    );
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    proc = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: db.url,
        REDIS_URL: process.env.REDIS_URL,
        QUEUE_PREFIX: process.env.QUEUE_PREFIX,
        JWT_SECRET: process.env.JWT_SECRET,
        SECRET_KEY: process.env.SECRET_KEY,
        PORT: String(port),
        PUBLIC_BASE_URL: baseUrl,
        MIGRATIONS_RUN_AT_BOOT: 'false',
        MAIL_OUTBOX_ONLY: 'true',
        LOG_LEVEL: 'trace',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout!.on('data', (b: Buffer) => (output += b.toString('utf8')));
    proc.stderr!.on('data', (b: Buffer) => (output += b.toString('utf8')));
    token = new JwtService({}).sign(
      { tid: tenant.id, role: 'hr_admin', name: 'hr-logs' },
      {
        subject: 'hr-logs',
        jwtid: randomUUID(),
        issuer: 'comeback',
        expiresIn: 600,
        secret: process.env.JWT_SECRET!,
        algorithm: 'HS256',
      },
    );
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`${baseUrl}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`api did not start:\n${output}`);
  });

  afterAll(async () => {
    proc?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await drop?.();
  });

  it('a query failing on a distinctive value leaves no trace of it (parameters, query, body) in the logs', async () => {
    // A NUL byte makes PostgreSQL refuse the parameter: the query fails with the value among its parameters.
    const viaPath = await http(
      baseUrl,
      'GET',
      `/api/v1/registry/alumni/${encodeURIComponent(`${DISTINCT}\u0000`)}`,
      { token },
    );
    expect(viaPath.status).toBeGreaterThanOrEqual(400);
    const viaBody = await http(baseUrl, 'POST', '/api/v1/matching/preview', {
      token,
      json: { last_name: `${DISTINCT}\u0000`, first_name: DISTINCT, emails: [`${DISTINCT}@example.net`] },
    });
    expect(viaBody.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify([viaPath.body, viaBody.body])).not.toContain('Zq7LogCanary');
    await new Promise((r) => setTimeout(r, 300));
    // Bad input is a 4xx naming no value; the requests were logged, only without the value.
    expect([viaPath.status, viaBody.status]).toEqual([400, 400]);
    expect(output).toContain('/api/v1/registry/alumni/:param');
    expect(output).not.toContain('Zq7LogCanary');
    expect(output).not.toContain('鷺ノ宮');
    expect(output).not.toMatch(/"parameters"|"query"\s*:/);
  });
});
