// Scale out (issue 11): two api and two worker processes (the built apps, as deployed) over one PostgreSQL and
// one Redis. What one process learns or changes, every other one must know: the Greenhouse token is minted once
// and shared, a webhook secret rotated through api #1 is in force on api #2 within seconds (the old one refused),
// Workable subscriptions made by one api are deleted by the other, and a webhook on api #2 is fast-tracked by
// whichever worker takes the job.
import { JwtService } from '@nestjs/jwt';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { type SimulatorHandle, startSimulator } from '@comeback/ats-simulator';
import { csvUpload, freePort, http } from '../support/api-harness';
import { REGISTRY, REGISTRY_HEADER, JOB_STAGES } from '../support/pipeline-stack';
import { createTestDatabase } from '../support/test-database';
import { until } from '../support/until';
import { simulatorCall } from '../support/simulator-call';

jest.setTimeout(420_000);

const API_MAIN = join(__dirname, '../../dist/apps/api/src/main.js');
const WORKER_MAIN = join(__dirname, '../../dist/apps/worker/src/main.js');
const GH_CLIENT = { id: 'scale-client', secret: 'scale-client-secret' };
const WK_TOKEN = 'scale-workable-token';
const [OLD_SECRET, NEW_SECRET] = ['scale-webhook-secret-before', 'scale-webhook-secret-after'];

interface Proc {
  name: string;
  child: ChildProcess;
  output: string;
  baseUrl?: string;
}

function spawnApp(name: string, main: string, env: Record<string, string>, baseUrl?: string): Proc {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: Proc = { name, child, output: '', baseUrl };
  child.stdout.on('data', (b: Buffer) => (proc.output += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (proc.output += b.toString('utf8')));
  return proc;
}

const sign = (raw: string, key: string) => `sha256 ${createHmac('sha256', key).update(raw).digest('hex')}`;

describe('scale out: api × 2 and worker × 2 over one PostgreSQL and Redis', () => {
  let sim: SimulatorHandle;
  let drop: () => Promise<void>;
  const procs: Proc[] = [];
  let api1: Proc;
  let api2: Proc;
  let tenantId: string;
  let hr: string;
  let ghActingUser: string;
  let wkActingUser: string;

  const simJson = (method: string, path: string, body?: unknown): Promise<any> =>
    simulatorCall(sim.url, method, path, body);
  const company = async (): Promise<any> =>
    (await simJson('GET', '/_sim/state')).companies.find((c: any) => c.company === 'scale');
  const saveGreenhouse = (via: Proc, webhookSecret: string) =>
    http(via.baseUrl!, 'PUT', '/api/v1/ats-connections/greenhouse', {
      token: hr,
      json: {
        apiBaseUrl: `${sim.url}/greenhouse/v3`,
        authUrl: `${sim.url}/greenhouse/auth/token`,
        clientId: GH_CLIENT.id,
        secret: GH_CLIENT.secret,
        webhookSecret,
        actingUserId: ghActingUser,
      },
    });
  /** A verified delivery we store as ignored: the receiver's answer says which secrets are in force. */
  let seq = 0;
  const deliver = async (via: Proc, key: string): Promise<number> => {
    const raw = JSON.stringify({ action: 'application_updated', payload: { application: { id: ++seq } } });
    const res = await fetch(`${via.baseUrl}/webhooks/greenhouse/${tenantId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', signature: sign(raw, key) },
      body: raw,
    });
    return res.status;
  };

  beforeAll(async () => {
    for (const main of [API_MAIN, WORKER_MAIN])
      if (!existsSync(main)) throw new Error('Build first (npm run build): this test runs the compiled apps');
    const db = await createTestDatabase();
    drop = db.drop;
    sim = await startSimulator({ port: 0, logger: false, config: { webhooks: { timeScale: 0.0005 } } });
    const seeded = await simJson('POST', '/_sim/seed', {
      company: 'scale',
      greenhouse: {
        clientId: GH_CLIENT.id,
        clientSecret: GH_CLIENT.secret,
        users: [{ firstName: 'Rei', lastName: 'Recruiter', email: 'rei@scale.example', siteAdmin: true }],
        jobs: [{ name: 'Backend', stages: JOB_STAGES }],
      },
      workable: {
        subdomain: 'scale',
        token: WK_TOKEN,
        members: [{ name: 'Rei Recruiter', email: 'rei@scale.example' }],
        jobs: [{ title: 'Backend', shortcode: 'BE', stages: JOB_STAGES }],
      },
    });
    ghActingUser = String(seeded.greenhouse.users[0].id);
    wkActingUser = String((await company()).workable.members[0].id);

    const common = {
      DATABASE_URL: db.url,
      REDIS_URL: process.env.REDIS_URL!,
      QUEUE_PREFIX: process.env.QUEUE_PREFIX!,
      JWT_SECRET: process.env.JWT_SECRET!,
      SECRET_KEY: process.env.SECRET_KEY!,
      ATS_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000',
      MIGRATIONS_RUN_AT_BOOT: 'false',
      LOG_LEVEL: 'error',
      MAIL_OUTBOX_ONLY: 'true',
    };
    for (const name of ['api1', 'api2']) {
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      procs.push(
        spawnApp(
          name,
          API_MAIN,
          { ...common, PORT: String(port), PUBLIC_BASE_URL: baseUrl, RUN_JOBS_IN_API: 'false' },
          baseUrl,
        ),
      );
    }
    [api1, api2] = procs;
    for (const name of ['worker1', 'worker2'])
      procs.push(
        spawnApp(name, WORKER_MAIN, { ...common, PUBLIC_BASE_URL: api1.baseUrl!, WORKER_CONCURRENCY: '4' }),
      );
    for (const api of [api1, api2]) {
      await until(
        `${api.name} to start`,
        () =>
          fetch(`${api.baseUrl}/health`).then(
            (r) => r.ok,
            () => false,
          ),
        // Four Node processes starting at once on a busy 2-core machine take a while.
        180_000,
      ).catch((e: Error) => {
        throw new Error(`${e.message}\n${api.output}`);
      });
    }

    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    tenantId = (
      await pg.query<{ id: string }>(
        `INSERT INTO tenants (slug, name) VALUES ('scale', 'scale') RETURNING id`,
      )
    ).rows[0].id;
    await pg.end();
    hr = new JwtService({}).sign(
      { tid: tenantId, role: 'hr_admin', name: 'hr-scale' },
      {
        subject: 'hr-scale',
        jwtid: randomUUID(),
        issuer: 'comeback',
        expiresIn: 900,
        secret: process.env.JWT_SECRET!,
        algorithm: 'HS256',
      },
    );
    const imported = await http(api1.baseUrl!, 'POST', '/api/v1/registry/imports', {
      token: hr,
      body: csvUpload([REGISTRY_HEADER, ...REGISTRY].join('\n') + '\n'),
    });
    if (imported.status !== 201) throw new Error(`registry import failed: ${imported.text}`);
    const saved = await saveGreenhouse(api1, OLD_SECRET);
    if (saved.status !== 200) throw new Error(`connection failed: ${saved.text}`);
    // Greenhouse's webhook points at api #2: the connection was saved through api #1.
    await simJson('POST', '/_sim/greenhouse/webhooks', {
      company: 'scale',
      url: `${api2.baseUrl}/webhooks/greenhouse/${tenantId}`,
      secret: OLD_SECRET,
    });
  });

  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(
      procs
        .filter((p) => p.child.exitCode === null)
        .map((p) => new Promise<void>((r) => p.child.once('exit', () => r()))),
    );
    await sim?.close();
    await drop?.();
  });

  it('a webhook on api #2 is fast-tracked by a worker; one Greenhouse token serves every process', async () => {
    const created = await simJson('POST', '/_sim/greenhouse/candidates', {
      company: 'scale',
      firstName: 'Taro',
      lastName: 'YAMADA',
      emails: ['taro.yamada.88+jobs@gmail.com'],
      phones: ['+81 90 1111 2222'],
      applications: [{ job: 'Backend' }],
      notify: true,
    });
    const applicationId = String(created.applications[0].id);
    const stage = await until(
      'the application to be moved',
      async () => {
        const c = (await company()).greenhouse.candidates.find((x: any) =>
          x.applications.some((a: any) => String(a.id) === applicationId),
        );
        const name = c?.applications.find((a: any) => String(a.id) === applicationId).current_stage.name;
        return name && name !== JOB_STAGES[0] ? name : null;
      },
      60_000,
    );
    expect(stage).toBe('二次面接');
    // Both apis (the save's check, the connection check below) and the worker that wrote back used one token.
    const check = await http(api2.baseUrl!, 'POST', '/api/v1/ats-connections/greenhouse/check', {
      token: hr,
    });
    expect(check.status).toBe(200);
    const counters = await simJson('GET', '/_sim/counters');
    expect(counters['greenhouse-token'].total).toBe(1);
    expect(counters.greenhouse.unauthorized).toBe(0);
  });

  it('a webhook secret rotated through api #1 is in force on api #2 within seconds, the old one refused', async () => {
    // api #2 has the connection cached (30 s) with the old secret.
    expect(await deliver(api2, OLD_SECRET)).toBe(200);
    expect(await deliver(api2, NEW_SECRET)).toBe(401);
    const saved = await saveGreenhouse(api1, NEW_SECRET);
    expect(saved.status).toBe(200);
    const rotatedAt = Date.now();
    await until(
      'api #2 to accept the new secret',
      async () => (await deliver(api2, NEW_SECRET)) === 200,
      3_000,
    );
    const tookMs = Date.now() - rotatedAt;
    expect(tookMs).toBeLessThan(3_000);
    expect(await deliver(api2, OLD_SECRET)).toBe(401);
    expect(await deliver(api1, OLD_SECRET)).toBe(401);
    expect(await deliver(api1, NEW_SECRET)).toBe(200);
  });

  it('Workable subscriptions made through api #1 are known to api #2, which deletes them on disconnect', async () => {
    const saved = await http(api1.baseUrl!, 'PUT', '/api/v1/ats-connections/workable', {
      token: hr,
      json: { apiBaseUrl: `${sim.url}/workable/spi/v3`, secret: WK_TOKEN, actingUserId: wkActingUser },
    });
    expect(saved.status).toBe(200);
    const subscribed = (await company()).workable.subscriptions;
    expect(subscribed.length).toBeGreaterThan(0);
    // One subscription per event, each on a target under api #1's receiver URL.
    const receiver = `${api1.baseUrl}/webhooks/workable/${tenantId}`;
    expect(subscribed.every((s: any) => String(s.target).startsWith(receiver))).toBe(true);
    const removed = await http(api2.baseUrl!, 'DELETE', '/api/v1/ats-connections/workable', { token: hr });
    expect(removed.status).toBe(204);
    expect((await company()).workable.subscriptions).toEqual([]);
  });
});
