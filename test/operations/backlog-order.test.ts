// Backpressure (issue 17): while the ATS holds work back, webhooks are still answered 200 and wait in the inbox;
// afterwards the backlog drains in the order each application's deliveries were received — with two consumers
// (the api's and a second worker's) at concurrency 4 each, through retries with backoff, and after a person's
// retry of a delivery that failed for good. Different applications still run side by side.
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AtsConnection, AtsEvent } from '@comeback/ats';
import { AtsEventHandlerRegistry, PipelineWorker } from '@comeback/pipeline';
import { WorkerModule } from '@comeback/worker';
import { http } from '../support/api-harness';
import { Browser } from '../support/browser-jar';
import { startStack, type Stack } from '../support/pipeline-stack';
import { until } from '../support/until';
import { simulatorCall } from '../support/simulator-call';

jest.setTimeout(300_000);

interface Attempt {
  applicationId: string;
  eventId: string;
  kind: string;
  start: number;
  end: number;
  ok: boolean;
}

const applicationOf = (e: AtsEvent): string =>
  'application' in e ? e.application.applicationId : 'applicationId' in e ? e.applicationId : '';

describe('the backlog drains in order per application', () => {
  let s: Stack;
  let db: DataSource;
  let worker2: INestApplicationContext;
  const attempts: Attempt[] = [];

  const sim = (method: string, path: string, body?: unknown) => simulatorCall(s.sim.url, method, path, body);
  /** Waits until the simulator delivered everything it fired, so the inbox received it in firing order. */
  const delivered = () => sim('POST', '/_sim/deliveries/idle?timeoutMs=30000', {});
  const stageChange = async (id: string, stage: string) => {
    await sim('POST', `/_sim/greenhouse/applications/${id}/stage`, { stage });
    await delivered();
  };
  const reject = async (id: string) => {
    await sim('POST', `/_sim/greenhouse/applications/${id}/reject`, {});
    await delivered();
  };
  const apply = async (p: { firstName: string; lastName: string; email: string }) => {
    const id = await s.apply(p);
    await delivered();
    return id;
  };
  /** The tenant's deliveries in the order the inbox received them. */
  const inbox = async (): Promise<
    { event_id: string; kind: string; status: string; outcome: string | null; application_id: string }[]
  > =>
    db.query(
      `SELECT event_id, kind, status, outcome, application_id FROM inbox_events
        WHERE tenant_id = $1 AND status <> 'ignored' ORDER BY seq`,
      [s.tenant.id],
    );

  /** Every delivery of an application ran only after the one received before it had finished, never beside it. */
  const expectOrdered = async (applicationIds: string[]) => {
    const rows = await inbox();
    for (const app of applicationIds) {
      const received = rows.filter((r) => r.application_id === app).map((r) => r.event_id);
      const mine = attempts.filter((a) => a.applicationId === app).sort((a, b) => a.start - b.start);
      // Successful runs in receipt order, each delivery once.
      expect({ app, order: mine.filter((a) => a.ok).map((a) => a.eventId) }).toEqual({
        app,
        order: received,
      });
      // No attempt started before the previous attempt of the same application had ended.
      for (let i = 1; i < mine.length; i++)
        expect({ app, i, overlap: mine[i].start < mine[i - 1].end }).toEqual({ app, i, overlap: false });
    }
  };

  beforeAll(async () => {
    s = await startStack('greenhouse', { env: { WORKER_CONCURRENCY: '4' } });
    db = s.api.app.get(DataSource);
    // A second consumer of the same queues and database, as another worker process would be.
    worker2 = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker2.get(PipelineWorker).start();
    const dispatch = AtsEventHandlerRegistry.prototype.dispatch;
    jest.spyOn(AtsEventHandlerRegistry.prototype, 'dispatch').mockImplementation(async function (
      this: AtsEventHandlerRegistry,
      conn: AtsConnection,
      e: AtsEvent,
    ) {
      const a = {
        applicationId: applicationOf(e),
        eventId: e.eventId,
        kind: e.kind,
        start: 0,
        end: 0,
        ok: false,
      };
      a.start = performance.now();
      try {
        const r = await dispatch.call(this, conn, e);
        a.ok = true;
        return r;
      } finally {
        a.end = performance.now();
        attempts.push(a);
      }
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await worker2?.close();
    await s?.close();
  });

  it('an ATS outage: several deliveries per application wait, then run in receipt order; nothing is lost', async () => {
    const outage = (errorRate: number) =>
      sim('PUT', '/_sim/config', { greenhouse: { faults: { errorRate, errorStatus: 503 } } });
    await outage(1);
    // Returnees (their write-back needs the ATS, so it fails and backs off) and strangers (no ATS call). A returnee
    // is not rejected here: its fast track would then meet a closed application, whatever the order.
    const returnees = [
      await apply({ firstName: '太郎', lastName: '山田', email: 'taro.yamada.88@gmail.com' }),
      await apply({ firstName: '愛', lastName: '桜浦', email: 'ai_433@docomo.ne.jp' }),
    ];
    const strangers = [
      await apply({ firstName: 'Guest', lastName: 'Stranger1', email: 'guest1@example.com' }),
      await apply({ firstName: 'Guest', lastName: 'Stranger2', email: 'guest2@example.com' }),
    ];
    const ids = [...returnees, ...strangers];
    for (const id of ids) await stageChange(id, '一次面接');
    for (const id of strangers) await reject(id);
    const backlog = await until('the backlog to hold the returnees’ deliveries', async () => {
      const r = await http(s.api.baseUrl, 'GET', '/api/v1/operations/backlog', { token: s.hr });
      return r.body.waiting >= 4 ? r.body : null;
    });
    expect(backlog.waiting).toBeGreaterThanOrEqual(4);
    // Every delivery was answered 200 at once while the ATS was down.
    for (const d of await s.deliveries())
      expect(d.attempts.map((a: { status: number }) => a.status)).toEqual([200]);
    // Down long enough for attempts to fail (after the client's own retries) and back off.
    await until('an attempt to fail during the outage', async () => attempts.some((a) => !a.ok), 60_000);
    await outage(0);
    await s.waitIdle();

    const rows = await inbox();
    // Ten fired here, plus the stage changes our own fast-track moves made the ATS announce.
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((r) => r.status !== 'processed')).toEqual([]);
    // The rejection arrived last and was recorded against the tracked application (not "untracked").
    expect(rows.filter((r) => r.kind === 'application_rejected').map((r) => r.outcome)).toEqual(
      strangers.map(() => 'rejection_recorded'),
    );
    for (const id of returnees) expect((await s.candidate(id)).notes).toHaveLength(1);
    await expectOrdered(ids);
    // Later deliveries did wait behind earlier ones (the order is the mechanism's, not luck's).
    const [{ held }] = await db.query(
      `SELECT count(*)::int AS held FROM inbox_events WHERE tenant_id = $1 AND held`,
      [s.tenant.id],
    );
    expect(held).toBeGreaterThan(0);
    // Different applications ran side by side.
    const okRuns = attempts.filter((a) => a.ok).sort((a, b) => a.start - b.start);
    expect(okRuns.some((a, i) => i > 0 && a.start < okRuns[i - 1].end)).toBe(true);
  });

  it('a delivery that failed for good holds the later ones of its application until a person retries it', async () => {
    attempts.length = 0;
    await sim('PUT', '/_sim/config', { greenhouse: { deniedScopes: ['harvest:notes:create'] } });
    const id = await apply({ firstName: '紗季', lastName: '野々宮', email: 'saki.nonomiya@yahoo.co.jp' });
    const other = await apply({ firstName: 'Guest', lastName: 'Stranger3', email: 'guest3@example.com' });
    await until('the failure to be listed', async () => {
      const r = await http(s.api.baseUrl, 'GET', '/api/v1/operations/failures', { token: s.hr });
      return r.body.length === 1 ? r.body : null;
    });
    await stageChange(id, '一次面接');
    await stageChange(id, '二次面接');
    await reject(other);
    await s.waitIdle();
    // The other application went on; this one's later deliveries wait behind the failed one.
    const rows = await inbox();
    const mine = rows.filter((r) => r.application_id === id);
    expect(mine.map((r) => r.status)).toEqual(['received', 'received', 'received']);
    expect(rows.filter((r) => r.application_id === other).map((r) => r.status)).toEqual([
      'processed',
      'processed',
    ]);
    const backlog = await http(s.api.baseUrl, 'GET', '/api/v1/operations/backlog', { token: s.hr });
    expect(backlog.body).toMatchObject({ waiting: 3, heldBehindEarlier: 2 });
    // The console says so, in both languages.
    const b = new Browser();
    expect((await b.submit(`${s.api.baseUrl}/console/login`, '/console/login', { token: s.hr })).status).toBe(
      303,
    );
    for (const [lang, text] of [
      ['en', 'behind an earlier delivery of the same application'],
      ['ja', '同じ応募の先の受信を待っているもの'],
    ]) {
      const page = await b.request(`${s.api.baseUrl}/console/operations?lang=${lang}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(text);
      expect(page.text).toContain('data-testid="ops-held">2<');
    }

    await sim('PUT', '/_sim/config', { greenhouse: { deniedScopes: [] } });
    const retry = await http(s.api.baseUrl, 'POST', '/api/v1/operations/failures/retry', { token: s.hr });
    expect(retry.body).toEqual({ retried: 1 });
    await s.waitIdle();
    const after = (await inbox()).filter((r) => r.application_id === id);
    expect(after.map((r) => [r.kind, r.status])).toEqual([
      ['application_created', 'processed'],
      ['stage_changed', 'processed'],
      ['stage_changed', 'processed'],
    ]);
    expect((await s.candidate(id)).notes).toHaveLength(1);
    await expectOrdered([id, other]);
  });
});
