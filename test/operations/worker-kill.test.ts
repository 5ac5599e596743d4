// A worker killed (SIGKILL) while it writes a note into the ATS: its readiness is gone, another worker takes the
// job over, the note whose call was cut is listed for a person to confirm, and confirming it finishes the work
// with exactly one note. A worker stopped with SIGTERM drops readiness at once and finishes its job first.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { http } from '../support/api-harness';
import { startStack, type Stack } from '../support/pipeline-stack';
import { until } from '../support/until';

jest.setTimeout(300_000);

const WORKER_MAIN = join(__dirname, '../../dist/apps/worker/src/main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The probe's answer, or 'down' when nothing listens any more. */
async function readiness(port: number): Promise<number | 'down'> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status;
  } catch {
    return 'down';
  }
}

describe('workers stopped in the middle of ATS writes', () => {
  let s: Stack;
  let db: DataSource;
  const workers: ChildProcess[] = [];

  const startWorker = async (): Promise<{ child: ChildProcess; port: number }> => {
    const port = await freePort();
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        ...process.env,
        RUN_JOBS_IN_API: 'false',
        MIGRATIONS_RUN_AT_BOOT: 'false',
        QUEUE_LOCK_MS: '2000',
        LOG_LEVEL: 'error',
        WORKER_HEALTH_PORT: String(port),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[worker] ${d.toString()}`));
    workers.push(child);
    await until('the worker to be ready', async () => (await readiness(port)) === 200, 60_000);
    return { child, port };
  };
  const setLatency = async (latencyMs: number) => {
    const r = await fetch(`${s.sim.url}/_sim/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ greenhouse: { latencyMs } }),
    });
    expect(r.status).toBe(200);
  };
  const noteStep = async (applicationId: string): Promise<string | null> => {
    const [row] = await db.query(
      `SELECT status FROM writeback_steps WHERE tenant_id = $1 AND application_id = $2 AND step = 'note'`,
      [s.tenant.id, applicationId],
    );
    return (row?.status as string | undefined) ?? null;
  };

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN))
      throw new Error('Build first (npm run build): this test runs the real worker process');
    s = await startStack('greenhouse', { env: { RUN_JOBS_IN_API: 'false', QUEUE_LOCK_MS: '2000' } });
    db = s.api.app.get(DataSource);
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await s?.close();
  });

  it('SIGKILL: readiness gone, the job resumes elsewhere, the cut note is listed and resolved once', async () => {
    const a = await startWorker();
    // Every ATS call takes 1.5 s, so the note's call is in flight long enough to be cut.
    await setLatency(1_500);
    const id = await s.apply({ firstName: '太郎', lastName: '山田', email: 'taro.yamada.88@gmail.com' });
    await until('the note call to be in flight', async () => (await noteStep(id)) === 'started', 90_000);
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    expect(await readiness(a.port)).toBe('down');

    await setLatency(0);
    const b = await startWorker();
    // The job's lock expires and worker B runs it: the note is not sent again but marked uncertain; the rest goes on.
    await until('the note to be marked uncertain', async () => (await noteStep(id)) === 'uncertain', 60_000);
    await s.waitIdle();
    const listed = await http(s.api.baseUrl, 'GET', '/api/v1/operations/uncertain', { token: s.hr });
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({ applicationId: id, step: 'note', ats: 'greenhouse' });

    // HR looks in the ATS: the note may or may not have arrived before the kill. They say what they see.
    const inAts = (await s.candidate(id)).notes.length;
    expect(inAts).toBeLessThanOrEqual(1);
    const resolved = await http(
      s.api.baseUrl,
      'POST',
      `/api/v1/operations/uncertain/${listed.body[0].id}/resolve`,
      { token: s.hr, json: { existsInAts: inAts === 1 } },
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body).toEqual({ rerun: inAts === 0 });
    await s.waitIdle();
    expect((await s.candidate(id)).notes).toHaveLength(1);
    expect(await noteStep(id)).toBe('done');
    expect((await http(s.api.baseUrl, 'GET', '/api/v1/operations/uncertain', { token: s.hr })).body).toEqual(
      [],
    );
    // Resolving twice finds nothing.
    const again = await http(
      s.api.baseUrl,
      'POST',
      `/api/v1/operations/uncertain/${listed.body[0].id}/resolve`,
      { token: s.hr, json: { existsInAts: true } },
    );
    expect(again.status).toBe(404);

    // SIGTERM while worker B writes: not ready at once, the job in flight finishes, then the process exits cleanly.
    await setLatency(1_000);
    const id2 = await s.apply({ firstName: '紗季', lastName: '野々宮', email: 'saki.nonomiya@yahoo.co.jp' });
    await until('a write to be in flight', async () => (await noteStep(id2)) === 'started', 90_000);
    const exited = new Promise<number | null>((r) => b.child.once('exit', (code) => r(code)));
    b.child.kill('SIGTERM');
    expect(
      await until(
        'readiness to drop',
        async () => ((await readiness(b.port)) !== 200 ? 'dropped' : null),
        10_000,
      ),
    ).toBe('dropped');
    expect(await exited).toBe(0);
    expect(await noteStep(id2)).toBe('done');
    expect((await s.candidate(id2)).notes).toHaveLength(1);
  });
});
