import { AppException, ErrorCode, MemoryCredentialCache } from '@comeback/platform';
import { MemoryRateLimiter } from '@comeback/platform/rate-limit/memory-rate-limiter';
import { AtsHttpMetrics } from '@comeback/ats';
import type { AtsConnection } from '@comeback/ats';
import {
  GreenhouseConnector,
  GreenhouseMoveRefusedException,
} from '@comeback/ats/greenhouse/greenhouse.connector';
import { startSimulator, SimulatorHandle } from '@comeback/ats-simulator';
import { connection, fastTuning, SimControl, startReceiver } from './ats-test-kit';

jest.setTimeout(60_000);

const CLIENT_ID = 'gh-client';

describe('GreenhouseConnector against the simulator', () => {
  let sim: SimulatorHandle;
  let ctl: SimControl;
  let conn: AtsConnection;
  let jobId: string;
  let stages: { id: number; name: string }[];
  let limiter: MemoryRateLimiter;
  let metrics: AtsHttpMetrics;
  let gh: GreenhouseConnector;
  let n = 0;

  const newConnector = (tuning = fastTuning()) => {
    limiter = new MemoryRateLimiter();
    metrics = new AtsHttpMetrics();
    return new GreenhouseConnector(limiter, metrics, new MemoryCredentialCache(), tuning);
  };

  /** A fresh candidate with one application in the first stage. */
  async function applicant(
    extra: Record<string, unknown> = {},
  ): Promise<{ candidateId: string; applicationId: string }> {
    n++;
    const r = await ctl.call('POST', '/greenhouse/candidates', {
      firstName: `Cand${n}`,
      lastName: 'Test',
      emails: [`cand${n}@example.com`],
      applications: [{ job: 'Backend Engineer' }],
      notify: false,
      ...extra,
    });
    return { candidateId: String(r.id), applicationId: String(r.applications[0].id) };
  }

  /** Harvest write as another client would make it (a recruiter's tool), outside our connector. */
  async function recruiterSetsTags(candidateId: string, tags: string[]): Promise<void> {
    const t = await fetch(conn.authUrl!, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:gh-secret`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    const { access_token } = (await t.json()) as { access_token: string };
    const r = await fetch(`${conn.apiBaseUrl}/candidates/${candidateId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tags }),
    });
    expect(r.status).toBe(200);
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
    const seeded = await ctl.seed({
      greenhouse: {
        clientId: CLIENT_ID,
        clientSecret: 'gh-secret',
        users: [{ firstName: 'Comeback', lastName: 'Bot', email: 'bot@example.com', siteAdmin: true }],
        jobs: [
          { name: 'Backend Engineer', stages: ['Application Review', 'Phone Screen', 'Onsite', 'Offer'] },
        ],
      },
    });
    jobId = String(seeded.greenhouse.jobs[0].id);
    stages = seeded.greenhouse.jobs[0].stages;
    conn = connection({
      kind: 'greenhouse',
      apiBaseUrl: `${sim.url}/greenhouse/v3`,
      authUrl: `${sim.url}/greenhouse/auth/token`,
      clientId: CLIENT_ID,
      secret: 'gh-secret',
      webhookSecret: 'whsec',
      actingUserId: String(seeded.greenhouse.users[0].id),
      offerSalaryField: 'salary',
    });
    gh = newConnector();
  });
  afterEach(async () => {
    await gh.onModuleDestroy();
  });

  it('asks for one token for many calls, and refreshes once after a 401', async () => {
    const a = await applicant();
    await Promise.all(Array.from({ length: 15 }, () => gh.getApplication(conn, a.applicationId)));
    let c = await ctl.counters();
    expect(c['greenhouse-token'].total).toBe(1);
    expect(c.greenhouse.unauthorized).toBe(0);

    await ctl.call('POST', '/greenhouse/tokens/expire');
    const app = await gh.getApplication(conn, a.applicationId);
    expect(app.applicationId).toBe(a.applicationId);
    c = await ctl.counters();
    expect(c['greenhouse-token'].total).toBe(2);
    expect(c.greenhouse.unauthorized).toBe(1);
  });

  it('refuses wrong client credentials as AtsRejected', async () => {
    const a = await applicant();
    const err = await gh
      .getApplication({ ...conn, secret: 'wrong' }, a.applicationId)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppException);
    expect((err as AppException).code).toBe(ErrorCode.AtsRejected);
  });

  it('reads an application with its candidate, and the job stages in order', async () => {
    // Through /seed: on POST /_sim/greenhouse/candidates `company` names the simulated customer, not the employer.
    const seeded = await ctl.seed({
      greenhouse: {
        candidates: [
          {
            firstName: 'Cand',
            lastName: 'Test',
            emails: ['cand@example.com'],
            tags: ['Referral'],
            company: 'Acme KK',
            title: 'SRE',
            customFields: { employee_number: 'E-77' },
            applications: [{ job: 'Backend Engineer' }],
          },
        ],
      },
    });
    const a = {
      candidateId: String(seeded.greenhouse.candidates[0].id),
      applicationId: String(seeded.greenhouse.candidates[0].applications[0].id),
    };
    const app = await gh.getApplication(conn, a.applicationId, a.candidateId);
    expect(app).toMatchObject({
      applicationId: a.applicationId,
      candidateId: a.candidateId,
      jobId,
      currentStageId: String(stages[0].id),
      currentStageName: 'Application Review',
      status: 'active',
      candidate: {
        emails: ['cand@example.com'],
        tags: ['Referral'],
        customFields: { employee_number: 'E-77' },
      },
      workHistory: [{ company: 'Acme KK', title: 'SRE', startDate: null, endDate: null }],
    });
    expect((await gh.listStages(conn, jobId)).map((s) => s.name)).toEqual([
      'Application Review',
      'Phone Screen',
      'Onsite',
      'Offer',
    ]);
    await expect(gh.getApplication(conn, '999999')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('pages through open applications with the cursor only, fetching candidates in batches of ≤ 50', async () => {
    const candidates = Array.from({ length: 230 }, (_, i) => ({
      firstName: `Bulk${i}`,
      lastName: 'X',
      applications: [{ job: 'Backend Engineer' }],
    }));
    candidates.push({
      firstName: 'Gone',
      lastName: 'X',
      applications: [{ job: 'Backend Engineer', status: 'rejected' } as never],
    });
    candidates.push({
      firstName: 'Pool',
      lastName: 'X',
      applications: [{ job: 'Backend Engineer', prospect: true } as never],
    });
    await ctl.seed({ greenhouse: { candidates } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await gh.listOpenApplications(conn, cursor);
      pages++;
      seen.push(...page.items.map((a) => a.applicationId));
      expect(page.items.every((a) => a.candidate.firstName?.startsWith('Bulk'))).toBe(true);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(230);
    const c = await ctl.counters();
    expect(c.greenhouse.byRoute['GET /greenhouse/v3/applications']).toBe(3);
    // 100 + 100 + 30 open applications per page (rejected and prospect rows skipped) → 2 + 2 + 1 batches of ≤ 50 ids
    expect(c.greenhouse.byRoute['GET /greenhouse/v3/candidates']).toBe(5);
  });

  it('adds tags with applied_candidate_tags (no read-merge-write), tag definitions found or created once', async () => {
    const a = await applicant({ tags: ['Referral', 'VIP'] });
    const app = await gh.getApplication(conn, a.applicationId);
    await ctl.resetCounters();
    expect(await gh.addTags(conn, app, ['Comeback', 'vip', '  '])).toEqual(['Comeback']);
    // A recruiter adds a tag meanwhile: an additive write cannot drop it even though `app` predates it.
    await recruiterSetsTags(a.candidateId, ['Referral', 'VIP', 'Hot']);
    expect(await gh.addTags(conn, app, ['Returning Employee'])).toEqual(['Returning Employee']);
    const state = await ctl.company();
    const cand = state.greenhouse.candidates.find((c: any) => String(c.id) === a.candidateId);
    expect(cand.tags).toEqual(['Referral', 'VIP', 'Hot', 'Returning Employee']);
    const routes = (await ctl.counters()).greenhouse.byRoute;
    expect(routes['POST /greenhouse/v3/applied_candidate_tags']).toBe(2);
    expect(routes['POST /greenhouse/v3/candidate_tags']).toBe(2);
    expect(routes['GET /greenhouse/v3/candidate_tags']).toBe(1);
    expect(routes['GET /greenhouse/v3/candidates']).toBeUndefined();
    expect(routes['PATCH /greenhouse/v3/candidates/:id']).toBe(1); // the recruiter's own edit, not ours

    // Another applicant: the definition is cached, one write and no read.
    const b = await applicant();
    const other = await gh.getApplication(conn, b.applicationId);
    await ctl.resetCounters();
    expect(await gh.addTags(conn, other, ['comeback'])).toEqual(['comeback']);
    expect((await ctl.counters()).greenhouse.byRoute).toEqual({
      'POST /greenhouse/v3/applied_candidate_tags': 1,
    });
    const tagged = (await ctl.company()).greenhouse.candidates.find(
      (c: any) => String(c.id) === b.candidateId,
    );
    expect(tagged.tags).toEqual(['Comeback']);
  });

  it('removes only our applied tags (found by candidate and tag, deleted by id); a repeat removes nothing', async () => {
    const a = await applicant({ tags: ['Referral'] });
    const app = await gh.getApplication(conn, a.applicationId);
    await gh.addTags(conn, app, ['Alumni', 'Alumni_fast-track']);
    await ctl.resetCounters();
    expect(await gh.removeTags(conn, app, ['Alumni', 'Alumni_fast-track'])).toEqual([
      'Alumni',
      'Alumni_fast-track',
    ]);
    const cand = (await ctl.company()).greenhouse.candidates.find((c: any) => String(c.id) === a.candidateId);
    expect(cand.tags).toEqual(['Referral']);
    const routes = (await ctl.counters()).greenhouse.byRoute;
    expect(routes['GET /greenhouse/v3/applied_candidate_tags']).toBe(2);
    expect(routes['DELETE /greenhouse/v3/applied_candidate_tags/:id']).toBe(2);
    expect(await gh.removeTags(conn, app, ['Alumni'])).toEqual([]);
  });

  it('posts a note exactly once, with the visibility of its audience and the acting user', async () => {
    const a = await applicant();
    const app = await gh.getApplication(conn, a.applicationId);
    await gh.addNote(conn, app, { body: 'Returning employee (2019–2023).', audience: 'team' });
    await gh.addNote(conn, app, { body: 'Departure reason: relocation.', audience: 'hr' });
    const cand = (await ctl.company()).greenhouse.candidates.find((c: any) => String(c.id) === a.candidateId);
    expect(
      cand.notes.map((x: any) => [x.body, x.visibility, String(x.user_id), String(x.application_id)]),
    ).toEqual([
      ['Returning employee (2019–2023).', 'publicly_visible', conn.actingUserId, a.applicationId],
      ['Departure reason: relocation.', 'admin_only_visible', conn.actingUserId, a.applicationId],
    ]);
    expect((await ctl.counters()).greenhouse.byRoute['POST /greenhouse/v3/notes']).toBe(2);
  });

  it('plans with the job interview stage id, never the application-stage row id', async () => {
    const a = await applicant();
    const app = await gh.getApplication(conn, a.applicationId);
    expect(app.currentStageId).toBe(String(stages[0].id));
    expect(app.currentStagePositionId).toMatch(/^\d+$/);
    expect(app.currentStagePositionId).not.toBe(app.currentStageId);
  });

  it.each(['application_stage_id', 'job_interview_stage_id'] as const)(
    'moves when the account wants the %s as from_stage_id, learning it once per tenant',
    async (kind) => {
      await ctl.config({ greenhouse: { moveFromStageIdKind: kind } });
      const [x, y] = [await applicant(), await applicant()];
      const first = await gh.getApplication(conn, x.applicationId);
      expect(await gh.moveToStage(conn, first, String(stages[2].id))).toBe('moved');
      expect((await gh.getApplication(conn, x.applicationId)).currentStageName).toBe('Onsite');
      // The second move sends the learnt kind straight away: no 422.
      const second = await gh.getApplication(conn, y.applicationId);
      await ctl.resetCounters();
      expect(await gh.moveToStage(conn, second, String(stages[1].id))).toBe('moved');
      const c = await ctl.counters();
      // One POST and no re-read: a 422 would have cost a GET and a second POST.
      expect(c.greenhouse.byRoute).toEqual({ 'POST /greenhouse/v3/applications/:id/move': 1 });
    },
  );

  it('a from_stage_id kind learnt by one process is used by another sharing the cache (no 422, no re-read)', async () => {
    await ctl.config({ greenhouse: { moveFromStageIdKind: 'application_stage_id' } });
    const shared = new MemoryCredentialCache();
    const [one, two] = [0, 1].map(
      () => new GreenhouseConnector(new MemoryRateLimiter(), new AtsHttpMetrics(), shared, fastTuning()),
    );
    try {
      const [x, y] = [await applicant(), await applicant()];
      // The first process sends the job stage id (the default), is refused, re-reads, retries with the row id.
      expect(
        await one.moveToStage(conn, await one.getApplication(conn, x.applicationId), String(stages[1].id)),
      ).toBe('moved');
      const app = await two.getApplication(conn, y.applicationId);
      await ctl.resetCounters();
      expect(await two.moveToStage(conn, app, String(stages[1].id))).toBe('moved');
      expect((await ctl.counters()).greenhouse.byRoute).toEqual({
        'POST /greenhouse/v3/applications/:id/move': 1,
      });
    } finally {
      await Promise.all([one.onModuleDestroy(), two.onModuleDestroy()]);
    }
  });

  it('sends the job interview stage id first: an application known only from a webhook moves with no read', async () => {
    await ctl.config({ greenhouse: { moveFromStageIdKind: 'job_interview_stage_id' } });
    const a = await applicant();
    const app = { ...(await gh.getApplication(conn, a.applicationId)), currentStagePositionId: null };
    await ctl.resetCounters();
    expect(await gh.moveToStage(conn, app, String(stages[1].id))).toBe('moved');
    expect((await ctl.counters()).greenhouse.byRoute).toEqual({
      'POST /greenhouse/v3/applications/:id/move': 1,
    });
  });

  it('moves an application known only from a webhook (no row id) whatever the account wants', async () => {
    for (const kind of ['application_stage_id', 'job_interview_stage_id'] as const) {
      await ctl.config({ greenhouse: { moveFromStageIdKind: kind } });
      const a = await applicant();
      const app = { ...(await gh.getApplication(conn, a.applicationId)), currentStagePositionId: null };
      expect(await gh.moveToStage(conn, app, String(stages[1].id))).toBe('moved');
      expect((await gh.getApplication(conn, a.applicationId)).currentStageName).toBe('Phone Screen');
    }
  });

  it('a repeated move (answer lost) is done, an outdated snapshot is stale, nothing moves twice', async () => {
    const a = await applicant();
    const app = await gh.getApplication(conn, a.applicationId);
    expect(await gh.moveToStage(conn, app, String(stages[2].id))).toBe('moved');
    // The same move again, as a retry after a lost 204 would send it: Greenhouse answers 422; it is done.
    expect(await gh.moveToStage(conn, app, String(stages[2].id))).toBe('moved');
    // Same snapshot towards another stage: the application is not where `app` says.
    expect(await gh.moveToStage(conn, app, String(stages[3].id))).toBe('stale');
    const state = await ctl.company();
    const history = state.greenhouse.candidates
      .find((c: any) => String(c.id) === a.candidateId)
      .applications[0].stage_history.map((h: any) => h.job_interview_stage_id);
    expect(history).toEqual([stages[0].id, stages[2].id]);
  });

  it('surfaces any other 422 as a typed error instead of a silent stale', async () => {
    const a = await applicant();
    const app = await gh.getApplication(conn, a.applicationId);
    // Not a stage of this job: Greenhouse refuses whatever from_stage_id says.
    const err = await gh.moveToStage(conn, app, '999999').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GreenhouseMoveRefusedException);
    expect((err as AppException).code).toBe(ErrorCode.AtsRejected);
    expect((await gh.getApplication(conn, a.applicationId)).currentStageName).toBe('Application Review');
  });

  it('reads the current offer with the salary from the tenant’s field', async () => {
    const a = await applicant();
    expect(await gh.getOffer(conn, a.applicationId)).toBeNull();
    await ctl.call('POST', `/greenhouse/applications/${a.applicationId}/offers`, {
      customFields: {
        salary: { name: 'Salary', type: 'currency', value: { amount: 9_000_000, unit: 'JPY' } },
      },
      notify: false,
    });
    const offer = await gh.getOffer(conn, a.applicationId);
    expect(offer).toMatchObject({ applicationId: a.applicationId, salary: 9_000_000 });
    expect(offer?.version).toMatch(/^v1/);
  });

  it('completes while 30 % of requests fail with 5xx', async () => {
    await ctl.config({ greenhouse: { faults: { errorRate: 0.3 } } });
    const apps = await Promise.all(Array.from({ length: 8 }, () => applicant()));
    for (const a of apps) {
      const app = await gh.getApplication(conn, a.applicationId);
      await gh.addTags(conn, app, ['Comeback']);
      await gh.addNote(conn, app, { body: 'note', audience: 'team' });
      expect(await gh.moveToStage(conn, app, String(stages[1].id))).toBe('moved');
    }
    const c = await ctl.counters();
    expect(c.greenhouse.faultsInjected).toBeGreaterThan(0);
    expect(metrics.snapshot().total.retries).toBeGreaterThan(0);
    const state = await ctl.company();
    for (const a of apps) {
      const cand = state.greenhouse.candidates.find((x: any) => String(x.id) === a.candidateId);
      expect(cand.notes).toHaveLength(1); // a 5xx answer means not applied: the retry posts it once
      expect(cand.tags).toEqual(['Comeback']);
      expect(cand.applications[0].current_stage.name).toBe('Phone Screen');
    }
  });

  it('never exceeds the limit the headers state, and sits out a 429 storm caused by someone else', async () => {
    await ctl.config({ greenhouse: { rateLimit: { limit: 10, windowSeconds: 2 } } });
    await gh.onModuleDestroy();
    // The real window is 30 s; the simulator's is shortened, so the adapter is told the same.
    gh = newConnector(fastTuning({ rateLimits: { 'greenhouse-harvest': { windowMs: 2000 } } }));
    const apps = await Promise.all(Array.from({ length: 12 }, () => applicant()));
    await ctl.resetCounters();
    await Promise.all(apps.map((a) => gh.getApplication(conn, a.applicationId)));
    let c = await ctl.counters();
    expect(c.greenhouse.total).toBe(24);
    expect(c.greenhouse.throttled).toBe(0);
    expect(c.greenhouse.maxRequestsInWindowByClient[CLIENT_ID]).toBeLessThanOrEqual(10);

    // Another integration on the same credentials burns the window (counters reset first: it clears windows too).
    await ctl.resetCounters();
    const tokenRes = await fetch(conn.authUrl!, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:gh-secret`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const rogue = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`${conn.apiBaseUrl}/users`, { headers: { authorization: `Bearer ${access_token}` } }).then(
          async (r) => (await r.text(), r.status),
        ),
      ),
    );
    const rogueThrottled = rogue.filter((st) => st === 429).length;
    expect(rogueThrottled).toBe(2);
    const results = await Promise.all(apps.slice(0, 6).map((a) => gh.getApplication(conn, a.applicationId)));
    expect(results).toHaveLength(6);
    c = await ctl.counters();
    const ours = c.greenhouse.throttled - rogueThrottled;
    // Each call met at most one 429: the block on the tenant's key held every caller until Retry-After.
    expect(ours).toBeGreaterThan(0);
    expect(ours).toBeLessThanOrEqual(6);
    expect(metrics.snapshot().total.rateLimited).toBe(ours);
  });

  it('verifies and parses the simulator’s signed webhooks, ping included', async () => {
    const receiver = await startReceiver();
    try {
      await ctl.call('POST', '/greenhouse/webhooks', {
        url: receiver.url,
        secret: 'whsec',
        action: 'new_candidate_application',
      });
      await receiver.waitFor(1);
      const [ping] = receiver.deliveries;
      expect(gh.verifySignature(ping, ['whsec'])).toBe(true);
      expect(gh.parseWebhook(ping).kind).toBe('ping');
      await ctl.call('POST', '/greenhouse/candidates', {
        firstName: 'Renée',
        lastName: '山田',
        applications: [{ job: 'Backend Engineer' }],
      });
      await receiver.waitFor(2);
      const d = receiver.deliveries[1];
      expect(d.rawBody.every((byte) => byte < 0x80)).toBe(true); // non-ASCII escaped as \uXXXX on the wire
      expect(gh.verifySignature(d, ['other', 'whsec'])).toBe(true);
      expect(gh.verifySignature(d, ['other'])).toBe(false);
      const ev = gh.parseWebhook(d);
      expect(ev.kind).toBe('application_created');
      if (ev.kind === 'application_created') {
        expect(ev.application.candidate.firstName).toBe('Renée');
        expect(ev.application.jobId).toBe(jobId);
        // Deduplicated on the signed bytes, not on the unsigned per-delivery header.
        expect(ev.eventId).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(ev.eventId).not.toBe(d.headers['greenhouse-event-id']);
      }
    } finally {
      await receiver.close();
    }
  });
});
