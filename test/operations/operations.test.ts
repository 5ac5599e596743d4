// Operations end to end: /metrics after a real run (webhook → match → ATS write-back) shows the counters moving;
// an ATS that starts refusing a scope makes the failure visible with its reason, and a retry after the fix
// finishes the work with nothing lost and nothing done twice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { http } from '../support/api-harness';
import { startStack, type Stack, WEBHOOK_SECRET } from '../support/pipeline-stack';
import { until } from '../support/until';

jest.setTimeout(300_000);

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

/** Prometheus text format → samples by `name{labels}` (labels sorted as written). */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  const out: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

function sum(
  all: ReturnType<typeof samples>,
  name: string,
  where: (labels: Record<string, string>) => boolean = () => true,
): number {
  return all.filter((s) => s.name === name && where(s.labels)).reduce((a, s) => a + s.value, 0);
}

describe('operations: metrics, failed work with its reason, retry after the fix', () => {
  let s: Stack;
  const scrape = async () => {
    const res = await http(s.api.baseUrl, 'GET', '/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return samples(res.text);
  };
  const setDeniedScopes = async (deniedScopes: string[]) => {
    const r = await fetch(`${s.sim.url}/_sim/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ greenhouse: { deniedScopes } }),
    });
    expect(r.status).toBe(200);
  };

  beforeAll(async () => {
    s = await startStack('greenhouse', { env: { METRICS_TOKEN } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('/metrics does not exist without the token (or with a wrong one)', async () => {
    expect((await http(s.api.baseUrl, 'GET', '/metrics')).status).toBe(404);
    const wrong = await http(s.api.baseUrl, 'GET', '/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}x` },
    });
    expect(wrong.status).toBe(404);
    // A person's token does not open it either: a scraper is not a user.
    expect((await http(s.api.baseUrl, 'GET', '/metrics', { token: s.hr })).status).toBe(404);
  });

  it('liveness and readiness answer for the orchestrator', async () => {
    expect((await http(s.api.baseUrl, 'GET', '/health/live')).body).toEqual({ status: 'live' });
    const ready = await http(s.api.baseUrl, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('counters move as a returnee is recognised and fast-tracked', async () => {
    const before = await scrape();
    const id = await s.apply({ firstName: '太郎', lastName: '山田', email: 'taro.yamada.88@gmail.com' });
    await s.waitIdle();
    expect((await s.candidate(id)).notes).toHaveLength(1);
    // A forged delivery is refused and counted with its reason.
    const forged = await http(s.api.baseUrl, 'POST', s.webhookUrl.replace(s.api.baseUrl, ''), {
      json: { action: 'ping' },
      headers: { signature: 'sha256 0000' },
    });
    expect(forged.status).toBe(401);
    const after = await scrape();
    const delta = (name: string, where?: (l: Record<string, string>) => boolean) =>
      sum(after, name, where) - sum(before, name, where);

    expect(
      delta(
        'comeback_webhook_deliveries_total',
        (l) => l.source === 'greenhouse' && l.outcome === 'accepted',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      delta(
        'comeback_webhook_deliveries_total',
        (l) => l.source === 'greenhouse' && l.outcome === 'refused' && l.reason === 'invalid_signature',
      ),
    ).toBe(1);
    expect(
      delta('comeback_jobs_total', (l) => l.type === 'ats-event.process' && l.outcome === 'completed'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      delta('comeback_job_duration_seconds_count', (l) => l.type === 'ats-event.process'),
    ).toBeGreaterThanOrEqual(1);
    expect(delta('comeback_match_decisions_total', (l) => l.decision === 'match')).toBeGreaterThanOrEqual(1);
    expect(delta('comeback_match_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    // Tag, note and move at least, each a 2xx from the Harvest API, counted per route template (no ids).
    expect(
      delta('comeback_ats_requests_total', (l) => l.api === 'greenhouse-harvest' && /^2\d\d$/.test(l.status)),
    ).toBeGreaterThanOrEqual(3);
    const routes = after.filter((x) => x.name === 'comeback_ats_requests_total').map((x) => x.labels.route);
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) expect(r).not.toMatch(/\/\d+(\/|$)/);
    // Tenant ids are not labels unless the operator opted in.
    expect(JSON.stringify(after)).not.toContain(s.tenant.id);
    // The registry import the stack started with is counted among the runs of the last day.
    expect(
      sum(after, 'comeback_runs_last_day', (l) => l.kind === 'import:alumni' && l.status === 'completed'),
    ).toBeGreaterThanOrEqual(1);
    // Process metrics come with the default collectors.
    expect(sum(after, 'comeback_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('a scope the ATS starts refusing: visible with its reason, retried after the fix, nothing lost', async () => {
    const before = await scrape();
    await setDeniedScopes(['harvest:notes:create']);
    const id = await s.apply({ firstName: '紗季', lastName: '野々宮', email: 'saki.nonomiya@yahoo.co.jp' });
    const failures = await until('the failure to be listed', async () => {
      const r = await http(s.api.baseUrl, 'GET', '/api/v1/operations/failures', { token: s.hr });
      expect(r.status).toBe(200);
      return r.body.length > 0 ? (r.body as any[]) : null;
    });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      type: 'ats-event.process',
      reason: 'permission_refused',
      retryable: true,
    });
    expect(failures[0].message).toContain('403');
    // It failed at once (a 403 needs a person), not after a minute of backoff.
    expect(failures[0].attempts).toBeLessThanOrEqual(1);
    const during = await s.candidate(id);
    expect(during.notes).toHaveLength(0);
    const mid = await scrape();
    expect(
      sum(mid, 'comeback_ats_requests_total', (l) => l.status === '403') -
        sum(before, 'comeback_ats_requests_total', (l) => l.status === '403'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sum(mid, 'comeback_jobs_total', (l) => l.type === 'ats-event.process' && l.outcome === 'failed') -
        sum(before, 'comeback_jobs_total', (l) => l.type === 'ats-event.process' && l.outcome === 'failed'),
    ).toBe(1);
    expect(sum(mid, 'comeback_failed_work', (l) => l.kind === 'queue_job')).toBeGreaterThanOrEqual(1);

    // Recruiters and hiring managers have no business here.
    for (const role of ['recruiter', 'hiring_manager'] as const)
      expect(
        (await http(s.api.baseUrl, 'GET', '/api/v1/operations/failures', { token: s.tenant.token(role) }))
          .status,
      ).toBe(403);

    // HR fixes the scope in the ATS, then retries everything that failed.
    await setDeniedScopes([]);
    const retry = await http(s.api.baseUrl, 'POST', '/api/v1/operations/failures/retry', { token: s.hr });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ retried: 1 });
    await s.waitIdle();
    const fixed = await s.candidate(id);
    expect(fixed.notes).toHaveLength(1);
    // The tag written before the refusal stays one tag; the decision was not taken again.
    expect(fixed.tags).toEqual(during.tags);
    expect(fixed.tags).toHaveLength(1);
    const after = await http(s.api.baseUrl, 'GET', '/api/v1/operations/failures', { token: s.hr });
    expect(after.body).toEqual([]);
    // A second retry of the same job finds nothing to do.
    expect(
      (
        await http(s.api.baseUrl, 'POST', `/api/v1/operations/failures/${failures[0].jobId}/retry`, {
          token: s.hr,
        })
      ).status,
    ).toBe(404);
  });

  it('an ATS outage: webhooks still answered 200, the inbox absorbs them, the backlog drains afterwards', async () => {
    const faults = async (errorRate: number) => {
      const r = await fetch(`${s.sim.url}/_sim/config`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ greenhouse: { faults: { errorRate, errorStatus: 503 } } }),
      });
      expect(r.status).toBe(200);
    };
    const deliveredBefore = (await s.deliveries()).length;
    await faults(1);
    const ids = [
      await s.apply({ firstName: '太郎', lastName: '山田', email: 'taro.yamada.88@gmail.com' }),
      await s.apply({ firstName: '愛', lastName: '桜浦', email: 'ai_433@docomo.ne.jp' }),
    ];
    const backlog = await until('a backlog to build up', async () => {
      const r = await http(s.api.baseUrl, 'GET', '/api/v1/operations/backlog', { token: s.hr });
      return r.body.waiting >= 2 ? r.body : null;
    });
    expect(backlog.waiting).toBeGreaterThanOrEqual(2);
    // The receiver answered every delivery while the ATS was down.
    const during = (await s.deliveries()).slice(deliveredBefore);
    expect(during.length).toBeGreaterThanOrEqual(2);
    for (const d of during) {
      expect(d.state).toBe('delivered');
      expect(d.attempts.map((a: { status: number }) => a.status)).toEqual([200]);
    }
    await faults(0);
    await s.waitIdle();
    for (const id of ids) expect((await s.candidate(id)).notes).toHaveLength(1);
    const after = await http(s.api.baseUrl, 'GET', '/api/v1/operations/backlog', { token: s.hr });
    expect(after.body).toMatchObject({ waiting: 0, etaSeconds: 0 });
  });

  it('the backlog reports how long until it is through', async () => {
    const r = await http(s.api.baseUrl, 'GET', '/api/v1/operations/backlog', { token: s.hr });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ waiting: 0, etaSeconds: 0 });
    expect(r.body.drainedPerMinute).toBeGreaterThan(0);
  });

  it('keeps webhook secrets out of the metrics', async () => {
    const res = await http(s.api.baseUrl, 'GET', '/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.text).not.toContain(WEBHOOK_SECRET);
  });

  it('the dashboard and the alert rules name only metrics the product exports', async () => {
    const res = await http(s.api.baseUrl, 'GET', '/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    const exported = new Set(
      [...res.text.matchAll(/^# TYPE (comeback_\w+) /gm)].flatMap((m) => [
        m[1],
        `${m[1]}_bucket`,
        `${m[1]}_count`,
        `${m[1]}_sum`,
      ]),
    );
    for (const file of ['ops/grafana-dashboard.json', 'ops/prometheus-alerts.yml']) {
      const text = readFileSync(join(__dirname, '../..', file), 'utf8');
      const named = new Set([...text.matchAll(/\b(comeback_[a-z0-9_]+)/g)].map((m) => m[1]));
      expect(named.size).toBeGreaterThan(5);
      for (const name of named)
        expect({ file, name, exported: exported.has(name) }).toEqual({ file, name, exported: true });
    }
  });
});
