import { startSimulator, type SimulatorHandle } from '@comeback/ats-simulator';
import { HrisWorker } from '@comeback/hris';
import { DataSource } from 'typeorm';
import { Harness, http, startApi, TestTenant } from '../support/api-harness';
import { simulatorCall } from '../support/simulator-call';

// End to end over real HTTP: the simulated SmartHR (its webhooks and API), the api with its jobs on Bull/Redis,
// PostgreSQL. SmartHR facts behind each expectation are cited in libs/hris/README.md.

const SUB = 'acme';
const ACCESS_TOKEN = 'smarthr-access-token-e2e';
const WEBHOOK_TOKEN = 'smarthr-webhook-secret-token-e2e';

let sim: SimulatorHandle;
let api: Harness;
let tenant: TestTenant;
let hr: string;
let webhookUrl: string;

function simCall(method: string, path: string, json?: unknown): Promise<any> {
  return simulatorCall(`${sim.url}/_sim/smarthr/${SUB}`, method, path, json);
}

async function eventually<T>(
  probe: () => Promise<T | null | undefined>,
  what: string,
  ms = 15_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== null && v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alumnus = async (employeeNumber: string) =>
  http(api.baseUrl, 'GET', `/api/v1/registry/alumni/${encodeURIComponent(employeeNumber)}`, { token: hr });
const runs = async (): Promise<any[]> =>
  (await http(api.baseUrl, 'GET', '/api/v1/hris/runs?limit=200', { token: hr })).body;

const TARO = {
  emp_code: 'S001',
  last_name: '山田',
  first_name: '太郎',
  last_name_yomi: 'ヤマダ',
  first_name_yomi: 'タロウ',
  birth_at: '1988-05-12',
  email: 'taro.yamada@acme.example',
  tel_number: '090-1111-2222',
  entered_at: '2015-04-01',
  position: '主任',
  departments: [{ id: 'd1', name: '研究開発部' }],
};

beforeAll(async () => {
  sim = await startSimulator({ port: 0, logger: false });
  api = await startApi({ RUN_JOBS_IN_API: 'true' });
  tenant = await api.tenant('hris-e2e');
  hr = tenant.token('hr_admin');
  webhookUrl = `${api.baseUrl}/webhooks/hris/smarthr/${tenant.id}`;
  await simCall('POST', '/seed', {
    token: ACCESS_TOKEN,
    webhook: { url: webhookUrl, secretToken: WEBHOOK_TOKEN },
  });
  const saved = await http(api.baseUrl, 'PUT', '/api/v1/hris/connections/smarthr', {
    token: hr,
    json: {
      apiBaseUrl: `${sim.url}/smarthr/${SUB}/api/v1`,
      accessToken: ACCESS_TOKEN,
      webhookToken: WEBHOOK_TOKEN,
    },
  });
  if (saved.status !== 200) throw new Error(`connection not saved: ${saved.text}`);
});

afterAll(async () => {
  await api?.close();
  await sim?.close();
});

describe('SmartHR → registry', () => {
  it('refuses a connection whose token SmartHR refuses, and never shows the secrets', async () => {
    const bad = await http(api.baseUrl, 'PUT', '/api/v1/hris/connections/smarthr', {
      token: hr,
      json: {
        apiBaseUrl: `${sim.url}/smarthr/${SUB}/api/v1`,
        accessToken: 'wrong-token-123',
        webhookToken: WEBHOOK_TOKEN,
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('ats_connection_refused');
    // Only SmartHR's hosts (or hosts the operator named): never an internal address.
    const ssrf = await http(api.baseUrl, 'PUT', '/api/v1/hris/connections/smarthr', {
      token: hr,
      json: {
        apiBaseUrl: 'http://169.254.169.254/api/v1',
        accessToken: ACCESS_TOKEN,
        webhookToken: WEBHOOK_TOKEN,
      },
    });
    expect(ssrf.status).toBe(400);
    expect(ssrf.body.code).toBe('validation_failed');
    const view = await http(api.baseUrl, 'GET', '/api/v1/hris/connections/smarthr', { token: hr });
    expect(view.status).toBe(200);
    expect(view.text).not.toContain(ACCESS_TOKEN);
    expect(view.text).not.toContain(WEBHOOK_TOKEN);
    // At rest: sealed, neither token readable in the row.
    const [row] = await api.app
      .get(DataSource)
      .query('SELECT * FROM hris_connections WHERE tenant_id = $1', [tenant.id]);
    expect(JSON.stringify(row)).not.toContain(ACCESS_TOKEN);
    expect(JSON.stringify(row)).not.toContain(WEBHOOK_TOKEN);
    const recruiter = await http(api.baseUrl, 'GET', '/api/v1/hris/runs', {
      token: tenant.token('recruiter'),
    });
    expect(recruiter.status).toBe(403);
  });

  it('an employee who resigns in SmartHR is in the registry within seconds; changes flow in', async () => {
    const crew = await simCall('POST', '/crews', TARO);
    // Still employed: not a former employee, nothing written.
    await eventually(
      async () => ((await runs()).some((r) => r.notLeavers === 1) ? true : null),
      'the created run',
    );
    expect((await alumnus('S001')).status).toBe(404);

    const resignedAt = Date.now();
    await simCall('POST', `/crews/${crew.id}/resign`, { resigned_at: '2026-11-30' });
    const rec = await eventually(async () => {
      const r = await alumnus('S001');
      return r.status === 200 ? r.body : null;
    }, 'the leaver in the registry');
    expect(Date.now() - resignedAt).toBeLessThan(10_000);
    expect(rec).toMatchObject({
      familyName: '山田',
      givenName: '太郎',
      familyNameKana: 'ヤマダ',
      leaveDate: '2026-11-30',
      hireDate: '2015-04-01',
      department: '研究開発部',
      jobTitle: '主任',
    });
    expect(rec.emails).toEqual(['taro.yamada@acme.example']);

    // A new surname and a new e-mail: the old company address is replaced, not kept beside it.
    await simCall('PATCH', `/crews/${crew.id}`, {
      last_name: '佐藤',
      last_name_yomi: 'サトウ',
      email: 'taro.sato@acme.example',
    });
    const changed = await eventually(async () => {
      const r = await alumnus('S001');
      return r.body?.familyName === '佐藤' ? r.body : null;
    }, 'the change');
    expect(changed.familyNameKana).toBe('サトウ');
    expect(changed.emails).toEqual(['taro.sato@acme.example']);
    // Matching sees the new name at once (keys and frequencies maintained by the same path as imports).
    const search = await http(api.baseUrl, 'GET', '/api/v1/registry/alumni?q=%E4%BD%90%E8%97%A4', {
      token: hr,
    });
    expect(search.body.items.map((i: any) => i.employeeNumber)).toContain('S001');
  });

  it('a crew deleted in SmartHR is marked, and the registry record stays', async () => {
    const crew = await simCall('POST', '/crews', {
      ...TARO,
      emp_code: 'S002',
      email: 'hanako@acme.example',
      first_name: '花子',
      first_name_yomi: 'ハナコ',
      resigned_at: '2026-10-31',
    });
    await eventually(
      async () => ((await alumnus('S002')).status === 200 ? true : null),
      'S002 in the registry',
    );
    await simCall('DELETE', `/crews/${crew.id}`);
    await eventually(
      async () => ((await runs()).some((r) => r.markedDeleted === 1) ? true : null),
      'the deletion run',
    );
    expect((await alumnus('S002')).status).toBe(200);
  });

  it('refuses forged and replayed webhooks: nothing stored, nothing run twice', async () => {
    const before = (await runs()).length;
    const inboxRows = async () =>
      Number(
        (
          await api.app
            .get(DataSource)
            .query('SELECT count(*) AS n FROM hris_inbox_events WHERE tenant_id = $1', [tenant.id])
        )[0].n,
      );
    const storedBefore = await inboxRows();
    const deliveries: any[] = await simCall('GET', '/deliveries');
    const last = deliveries[deliveries.length - 1];
    const forged = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-smarthr-token': 'guessed-token-0000000' },
      body: last.body,
    });
    expect(forged.status).toBe(401);
    const missing = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: last.body,
    });
    expect(missing.status).toBe(401);
    const otherTenant = await fetch(
      `${api.baseUrl}/webhooks/hris/smarthr/00000000-0000-4000-8000-000000000000`,
      {
        method: 'POST',
        headers: last.headers,
        body: last.body,
      },
    );
    expect(otherTenant.status).toBe(401);
    // A verified delivery sent again byte for byte (a replay, or SmartHR retrying) is acknowledged once.
    const replay = await fetch(webhookUrl, { method: 'POST', headers: last.headers, body: last.body });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ status: 'duplicate' });
    await new Promise((r) => setTimeout(r, 500));
    expect((await runs()).length).toBe(before);
    expect(await inboxRows()).toBe(storedBefore);
  });

  it('reports a malformed employee per field and writes nothing of it', async () => {
    await simCall('POST', '/crews', {
      ...TARO,
      emp_code: 'S003',
      email: 'broken@acme.example',
      last_name_yomi: 'yamada',
      birth_at: '1990-13-40',
      entered_at: '',
      resigned_at: '2026-11-15',
    });
    const run = await eventually(
      async () => (await runs()).find((r) => r.rejected === 1) ?? null,
      'the rejected run',
    );
    expect(run.status).toBe('completed');
    const columns = run.problems.map((p: any) => `${p.column}:${p.code}`).sort();
    expect(columns).toEqual(['birth_at:invalid_date', 'entered_at:required', 'last_name_yomi:invalid_kana']);
    expect(run.problems.every((p: any) => p.row === 1 && typeof p.externalId === 'string')).toBe(true);
    expect(JSON.stringify(run)).not.toContain('broken@acme.example');
    expect((await alumnus('S003')).status).toBe(404);
  });

  it('reconciles over several pages through a 429, converges, and a second run changes nothing', async () => {
    // Leavers recorded while the webhook was switched off in SmartHR: only the reconciliation can find them.
    await simCall('PUT', '/config', { webhook: null });
    for (let i = 0; i < 230; i++) {
      await simCall('POST', '/crews', {
        ...TARO,
        emp_code: `R${String(i).padStart(4, '0')}`,
        email: `r${i}@acme.example`,
        tel_number: `090-2000-${String(i).padStart(4, '0')}`,
        resigned_at: '2026-09-30',
      });
    }
    await simCall('PUT', '/config', { webhook: { url: webhookUrl, secretToken: WEBHOOK_TOKEN } });
    expect((await alumnus('R0000')).status).toBe(404);
    // The second request of the walk answers 429 (SmartHR's too_many_requests), with the reset in a second.
    await simCall('PUT', '/config', { throttleRequests: [2] });
    const before = await simCall('GET', '/counters');
    const started = await http(api.baseUrl, 'POST', '/api/v1/hris/connections/smarthr/reconcile', {
      token: hr,
    });
    expect(started.status).toBe(202);
    const first = await eventually(
      async () => {
        const r = await http(api.baseUrl, 'GET', `/api/v1/hris/runs/${started.body.id}`, { token: hr });
        return r.body.status === 'running' ? null : r.body;
      },
      'the first reconciliation',
      60_000,
    );
    const after = await simCall('GET', '/counters');
    expect(after.responses429 - before.responses429).toBe(1);
    expect(first).toMatchObject({ status: 'completed', pages: 3, rejected: 1, markedDeleted: 0 });
    // S001 (unchanged), S003 (still malformed), 230 new leavers; S002 was deleted in SmartHR.
    expect(first).toMatchObject({ recordsRead: 232, inserted: 230, unchanged: 1, updated: 0 });
    expect((await alumnus('R0229')).status).toBe(200);
    expect((await alumnus('S002')).status).toBe(200);

    const second = await http(api.baseUrl, 'POST', '/api/v1/hris/connections/smarthr/reconcile', {
      token: hr,
    });
    const again = await eventually(
      async () => {
        const r = await http(api.baseUrl, 'GET', `/api/v1/hris/runs/${second.body.id}`, { token: hr });
        return r.body.status === 'running' ? null : r.body;
      },
      'the second reconciliation',
      60_000,
    );
    expect(again).toMatchObject({ status: 'completed', pages: 3, inserted: 0, updated: 0, markedDeleted: 0 });
    expect(again.unchanged).toBe(first.unchanged + first.updated + first.inserted);
  });

  it("an erasure by HR removes the sync's copies, and the sync does not bring the person back", async () => {
    const erased = await http(api.baseUrl, 'DELETE', '/api/v1/registry/alumni/S001', { token: hr });
    expect(erased.status).toBe(200);
    const links = await api.app
      .get(DataSource)
      .query('SELECT count(*) AS n FROM hris_employee_links WHERE tenant_id = $1 AND employee_number = $2', [
        tenant.id,
        'S001',
      ]);
    expect(Number(links[0].n)).toBe(0);
    const started = await http(api.baseUrl, 'POST', '/api/v1/hris/connections/smarthr/reconcile', {
      token: hr,
    });
    const run = await eventually(
      async () => {
        const r = await http(api.baseUrl, 'GET', `/api/v1/hris/runs/${started.body.id}`, { token: hr });
        return r.body.status === 'running' ? null : r.body;
      },
      'the reconciliation after the erasure',
      60_000,
    );
    expect(run).toMatchObject({ status: 'completed', suppressed: 1, inserted: 0 });
    expect((await alumnus('S001')).status).toBe(404);
  });

  it('purges raw webhook bodies past the retention, once', async () => {
    const worker = api.app.get(HrisWorker);
    expect(await worker.purge(new Date())).toBe(0);
    const later = new Date(Date.now() + 10 * 366 * 86_400_000);
    expect(await worker.purge(later)).toBeGreaterThan(0);
    expect(await worker.purge(later)).toBe(0);
  });
});
