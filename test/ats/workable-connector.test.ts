import { ErrorCode } from '@comeback/platform';
import { MemoryRateLimiter } from '@comeback/platform/rate-limit/memory-rate-limiter';
import { AtsHttpMetrics } from '@comeback/ats';
import type { AtsConnection } from '@comeback/ats';
import { WorkableConnector } from '@comeback/ats/workable/workable.connector';
import { startSimulator, SimulatorHandle } from '@comeback/ats-simulator';
import { connection, fastTuning, SimControl, startReceiver } from './ats-test-kit';

jest.setTimeout(60_000);

const TOKEN = 'wk-account-token';
const STAGES = [
  { name: 'Sourced', slug: 'sourced', kind: 'sourced' },
  { name: 'Applied', slug: 'applied', kind: 'applied' },
  { name: 'Phone Screen', slug: 'phone_screen', kind: 'phone-screen' },
  { name: 'Interview', slug: 'interview', kind: 'interview' },
  { name: 'Hired', slug: 'hired', kind: 'hired' },
];

describe('WorkableConnector against the simulator', () => {
  let sim: SimulatorHandle;
  let ctl: SimControl;
  let conn: AtsConnection;
  let metrics: AtsHttpMetrics;
  let wk: WorkableConnector;
  let n = 0;

  async function candidate(extra: Record<string, unknown> = {}): Promise<string> {
    n++;
    const r = await ctl.call('POST', '/workable/candidates', {
      firstName: `Wk${n}`,
      lastName: 'Test',
      email: `wk${n}@example.com`,
      job: 'SALES1',
      stage: 'applied',
      notify: false,
      ...extra,
    });
    return String(r.id);
  }

  async function stored(id: string): Promise<any> {
    return (await ctl.company()).workable.candidates.find((c: any) => c.id === id);
  }

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, logger: false });
    ctl = new SimControl(sim.url);
  });
  afterAll(async () => {
    await sim.close();
  });

  beforeEach(async () => {
    await ctl.call('POST', '/reset');
    // Workable's real window is 10 s; shortened here (and told to the adapter) to keep the suite quick.
    await ctl.config({ workable: { rateLimit: { windowSeconds: 2 } } });
    const seeded = await ctl.seed({
      workable: {
        subdomain: 'acme',
        token: TOKEN,
        members: [{ name: 'Comeback Bot', email: 'bot@example.com', role: 'admin' }],
        jobs: [{ title: 'Sales Lead', shortcode: 'SALES1', stages: STAGES }],
      },
    });
    conn = connection({
      kind: 'workable',
      apiBaseUrl: `${sim.url}/workable/spi/v3`,
      secret: TOKEN,
      webhookSecret: TOKEN,
      actingUserId: String(seeded.workable.members[0].id),
    });
    metrics = new AtsHttpMetrics();
    wk = new WorkableConnector(
      new MemoryRateLimiter(),
      metrics,
      fastTuning({ rateLimits: { 'workable-spi': { windowMs: 2000 } } }),
    );
  });
  afterEach(async () => {
    await wk.onModuleDestroy();
  });

  it('reads a candidate as an application, resolving the stage name to its slug', async () => {
    const id = await candidate({
      stage: 'Phone Screen',
      tags: ['referral'],
      experience: [{ company: 'Acme', title: 'Sales', start_date: '2019-04-01', end_date: '2023-03-31' }],
    });
    const app = await wk.getApplication(conn, id);
    expect(app).toMatchObject({
      applicationId: id,
      candidateId: id,
      jobId: 'SALES1',
      jobName: 'Sales Lead',
      currentStageId: 'phone_screen',
      currentStageName: 'Phone Screen',
      status: 'active',
      candidate: {
        firstName: `Wk${n}`,
        lastName: 'Test',
        emails: [`wk${n}@example.com`],
        tags: ['referral'],
      },
      workHistory: [{ company: 'Acme', title: 'Sales', startDate: '2019-04-01', endDate: '2023-03-31' }],
    });
    expect(await wk.listStages(conn, 'SALES1')).toEqual(
      STAGES.map((s, position) => ({ id: s.slug, name: s.name, position })),
    );
    await expect(wk.getApplication(conn, 'ffffff')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('merges tags with the full-replace PUT: recruiter tags kept, ours normalised, long ones never sent', async () => {
    const id = await candidate({ tags: ['referral', 'python'] });
    const app = await wk.getApplication(conn, id);
    const added = await wk.addTags(conn, app, [
      'Returning Employee',
      'Comeback',
      'PYTHON',
      'former employee eligible for rehire',
    ]);
    expect(added).toEqual(['returning_employee', 'comeback']);
    expect((await stored(id)).tags).toEqual(['referral', 'python', 'returning_employee', 'comeback']);
    await ctl.resetCounters();
    expect(await wk.addTags(conn, app, ['comeback'])).toEqual([]);
    expect(
      (await ctl.counters()).workable.byRoute['PUT /workable/spi/v3/candidates/:id/tags'],
    ).toBeUndefined();
  });

  it('removes only our tags with the same full-replace PUT; removing absent tags writes nothing', async () => {
    const id = await candidate({ tags: ['referral', 'python'] });
    const app = await wk.getApplication(conn, id);
    await wk.addTags(conn, app, ['Alumni', 'Alumni_fast-track']);
    expect(await wk.removeTags(conn, app, ['Alumni', 'Alumni_fast-track'])).toEqual([
      'alumni',
      'alumni_fast-track',
    ]);
    expect((await stored(id)).tags).toEqual(['referral', 'python']);
    await ctl.resetCounters();
    expect(await wk.removeTags(conn, app, ['Alumni'])).toEqual([]);
    expect(
      (await ctl.counters()).workable.byRoute['PUT /workable/spi/v3/candidates/:id/tags'],
    ).toBeUndefined();
  });

  it('comments once per note, restricted for the HR audience', async () => {
    const id = await candidate();
    const app = await wk.getApplication(conn, id);
    await wk.addNote(conn, app, { body: 'Returning employee.', audience: 'team' });
    await wk.addNote(conn, app, { body: 'Departure reason: relocation.', audience: 'hr' });
    const comments = (await stored(id)).comments;
    expect(comments.map((c: any) => [c.body, c.policy, c.member_id])).toEqual([
      ['Returning employee.', [], conn.actingUserId],
      ['Departure reason: relocation.', ['admin'], conn.actingUserId],
    ]);
  });

  it('moves by slug; stale when a recruiter moved it first; a replayed move is not stale', async () => {
    const id = await candidate();
    const app = await wk.getApplication(conn, id);
    expect(await wk.moveToStage(conn, app, 'interview')).toBe('moved');
    expect((await stored(id)).stage_slug).toBe('interview');
    // Replaying the same plan: the candidate is already where we wanted it.
    await ctl.resetCounters();
    expect(await wk.moveToStage(conn, app, 'interview')).toBe('moved');
    expect(
      (await ctl.counters()).workable.byRoute['POST /workable/spi/v3/candidates/:id/move'],
    ).toBeUndefined();

    const other = await candidate();
    const snapshot = await wk.getApplication(conn, other);
    await ctl.call('POST', `/workable/candidates/${other}/stage`, { stage: 'Phone Screen', notify: false });
    expect(await wk.moveToStage(conn, snapshot, 'interview')).toBe('stale');
    expect((await stored(other)).stage_slug).toBe('phone_screen');
  });

  it('lists open candidates across pages via paging.next, skipping disqualified and hired ones', async () => {
    const candidates = Array.from({ length: 130 }, (_, i) => ({
      firstName: `Bulk${i}`,
      lastName: 'X',
      job: 'SALES1',
      stage: i % 2 ? 'applied' : 'Phone Screen',
    }));
    candidates.push({ firstName: 'Done', lastName: 'X', job: 'SALES1', stage: 'hired' });
    await ctl.seed({ workable: { candidates } });
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await wk.listOpenApplications(conn, cursor);
      pages++;
      for (const a of page.items) {
        seen.add(a.applicationId);
        expect(['applied', 'phone_screen']).toContain(a.currentStageId);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen.size).toBe(130);
  });

  it('subscribes both events on distinct targets and returns their ids and valid_until; a 409 is found again by another process', async () => {
    const target = 'https://comeback.example/webhooks/x/tenant-1';
    const first = await wk.subscribeWebhooks(conn, target);
    expect(first).toEqual([
      { id: expect.any(String), target: `${target}?event=candidate_created`, validUntil: expect.any(Date) },
      { id: expect.any(String), target: `${target}?event=candidate_moved`, validUntil: expect.any(Date) },
    ]);
    // valid_until is about a year after creation (ats-contracts.md; GET /subscriptions example).
    expect(first[0].validUntil!.getTime() - Date.now()).toBeGreaterThan(300 * 24 * 3600_000);
    // A second connector (another process, or this one after a restart) holds nothing in memory: the 409s
    // are resolved through GET /subscriptions to the same ids.
    const other = new WorkableConnector(new MemoryRateLimiter(), new AtsHttpMetrics(), fastTuning());
    try {
      expect(await other.subscribeWebhooks(conn, target)).toEqual(first);
      let subs = (await ctl.company()).workable.subscriptions;
      expect(subs.map((s: any) => [s.event, s.target])).toEqual([
        ['candidate_created', `${target}?event=candidate_created`],
        ['candidate_moved', `${target}?event=candidate_moved`],
      ]);
      await other.unsubscribeWebhooks(
        conn,
        first.map((s) => s.id),
      );
      subs = (await ctl.company()).workable.subscriptions;
      expect(subs).toEqual([]);
      // Already gone: fine.
      await wk.unsubscribeWebhooks(conn, [first[0].id]);
    } finally {
      await other.onModuleDestroy();
    }
  });

  it('completes while 30 % of requests fail with 5xx', async () => {
    await ctl.config({ workable: { faults: { errorRate: 0.3 } } });
    const ids = [await candidate(), await candidate(), await candidate()];
    for (const id of ids) {
      const app = await wk.getApplication(conn, id);
      await wk.addTags(conn, app, ['Comeback']);
      await wk.addNote(conn, app, { body: 'note', audience: 'team' });
      expect(await wk.moveToStage(conn, app, 'interview')).toBe('moved');
    }
    expect((await ctl.counters()).workable.faultsInjected).toBeGreaterThan(0);
    for (const id of ids) {
      const c = await stored(id);
      expect(c.comments).toHaveLength(1);
      expect(c.tags).toEqual(['comeback']);
      expect(c.stage_slug).toBe('interview');
    }
  });

  it('stays within the account token’s limit under a burst', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => candidate()));
    await ctl.resetCounters();
    await Promise.all(ids.map((id) => wk.getApplication(conn, id)));
    const c = await ctl.counters();
    expect(c.workable.throttled).toBe(0);
    expect(c.workable.maxRequestsInWindowByClient[TOKEN]).toBeLessThanOrEqual(10);
  });

  it('verifies and parses the simulator’s signed candidate events', async () => {
    const receiver = await startReceiver();
    let subscribed: string[] = [];
    try {
      subscribed = (await wk.subscribeWebhooks(conn, receiver.url)).map((s) => s.id);
      const id = await candidate({ firstName: '太郎', notify: true });
      await receiver.waitFor(1);
      const d = receiver.deliveries[0];
      expect(wk.verifySignature(d, [TOKEN])).toBe(true);
      expect(wk.verifySignature(d, ['nope'])).toBe(false);
      const ev = wk.parseWebhook(d);
      expect(ev).toMatchObject({
        kind: 'application_created',
        application: { applicationId: id, jobId: 'SALES1', currentStageName: 'Applied' },
      });
      await ctl.call('POST', `/workable/candidates/${id}/stage`, { stage: 'interview' });
      await receiver.waitFor(2);
      expect(wk.parseWebhook(receiver.deliveries[1]).kind).toBe('stage_changed');
    } finally {
      await wk.unsubscribeWebhooks(conn, subscribed);
      await receiver.close();
    }
  });
});
