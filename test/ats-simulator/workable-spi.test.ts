// The Workable SPI v3 face over real HTTP.
import type { SimulatorHandle } from '@comeback/ats-simulator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { json, startSeeded, WK_TOKEN } from './sim-test-kit';

const fixture = (name: string): any =>
  JSON.parse(readFileSync(join(__dirname, '../fixtures/workable', name), 'utf8'));

/** Every documented field is present with the documented JSON type (null allowed on either side). */
function expectShape(actual: unknown, documented: unknown, path = '$'): void {
  if (documented === null || actual === null) return;
  if (Array.isArray(documented)) {
    expect([path, Array.isArray(actual)]).toEqual([path, true]);
    if (documented.length > 0)
      for (const item of actual as unknown[]) expectShape(item, documented[0], `${path}[]`);
    return;
  }
  expect([path, typeof actual]).toEqual([path, typeof documented]);
  if (typeof documented === 'object')
    for (const [k, v] of Object.entries(documented as Record<string, unknown>)) {
      if (k === '_source') continue;
      expect([`${path}.${k}`, k in (actual as object)]).toEqual([`${path}.${k}`, true]);
      expectShape((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    }
}

describe('ats-simulator: Workable SPI v3', () => {
  let sim: SimulatorHandle;
  let seed: any;
  const auth = { authorization: `Bearer ${WK_TOKEN}` };

  beforeEach(async () => {
    ({ sim, seed } = await startSeeded({ config: { workable: { rateLimit: { enabled: false } } } }));
  });
  afterEach(async () => {
    await sim.close();
  });

  it('refuses an unknown token', async () => {
    const res = await json(sim, 'GET', '/workable/spi/v3/members', undefined, {
      authorization: 'Bearer nope',
    });
    expect(res.status).toBe(401);
  });

  it('shows the stage as a name on one candidate and as a slug on lists', async () => {
    const id = seed.workable.candidates[0].id;
    const one = await json(sim, 'GET', `/workable/spi/v3/candidates/${id}`, undefined, auth);
    expect(one.body.candidate).toMatchObject({ id, stage: 'Applied', job: { shortcode: 'BE01' } });
    const list = await json(
      sim,
      'GET',
      '/workable/spi/v3/candidates?email=JIRO@example.jp&limit=10',
      undefined,
      auth,
    );
    expect(list.body.candidates).toEqual([expect.objectContaining({ id, stage: 'applied' })]);
    const stages = await json(sim, 'GET', '/workable/spi/v3/jobs/BE01/stages', undefined, auth);
    expect(stages.body.stages[1]).toEqual({
      slug: 'applied',
      name: 'Applied',
      kind: 'interview',
      position: 1,
    });
  });

  it('pages lists with paging.next', async () => {
    for (let i = 0; i < 3; i++)
      await json(sim, 'POST', '/_sim/workable/candidates', {
        company: 'acme',
        firstName: `C${i}`,
        lastName: 'X',
        job: 'BE01',
        notify: false,
      });
    const first = await json(sim, 'GET', '/workable/spi/v3/candidates?limit=3', undefined, auth);
    expect(first.body.candidates).toHaveLength(3);
    const next = new URL(first.body.paging.next);
    const second = await json(sim, 'GET', next.pathname + next.search, undefined, auth);
    expect(second.body.candidates).toHaveLength(1);
    expect(second.body.paging).toBeUndefined();
  });

  it('replaces tags: lower-cased, cut at the first space, 25+ characters ignored', async () => {
    const id = seed.workable.candidates[0].id;
    const put = await json(
      sim,
      'PUT',
      `/workable/spi/v3/candidates/${id}/tags`,
      { tags: ['Comeback', 'Former Employee', 'a'.repeat(24), 'b'.repeat(25), 'COMEBACK'] },
      auth,
    );
    // Was 200: Workable documents 202 for this PUT (WK_WRITE_STATUS.tags cites the source).
    expect(put.status).toBe(202);
    expect(put.body).toEqual({ tags: ['comeback', 'former', 'a'.repeat(24)] });
    const one = await json(sim, 'GET', `/workable/spi/v3/candidates/${id}`, undefined, auth);
    expect(one.body.candidate.tags).toEqual(['comeback', 'former', 'a'.repeat(24)]);
    await json(sim, 'PUT', `/workable/spi/v3/candidates/${id}/tags`, { tags: ['returnee'] }, auth);
    expect(
      (await json(sim, 'GET', `/workable/spi/v3/candidates/${id}`, undefined, auth)).body.candidate.tags,
    ).toEqual(['returnee']);
  });

  it('posts comments and moves by slug, refusing unknown stages', async () => {
    const id = seed.workable.candidates[0].id;
    const member = seed.workable.members[0].id;
    const comment = await json(
      sim,
      'POST',
      `/workable/spi/v3/candidates/${id}/comments`,
      { member_id: member, comment: { body: '元社員です', policy: ['simple'] } },
      auth,
    );
    expect(comment.status).toBe(201);
    expect(
      (
        await json(
          sim,
          'POST',
          `/workable/spi/v3/candidates/${id}/move`,
          { member_id: member, target_stage: 'Interview' },
          auth,
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await json(
          sim,
          'POST',
          `/workable/spi/v3/candidates/${id}/move`,
          { member_id: member, target_stage: 'interview' },
          auth,
        )
      ).status,
    ).toBe(200);
    const state = (await json(sim, 'GET', '/_sim/state')).body.companies[0].workable.candidates[0];
    expect(state.stage_slug).toBe('interview');
    expect(state.comments[0]).toMatchObject({ body: '元社員です', policy: ['simple'] });
    expect(state.stage_history.map((h: any) => h.stage_slug)).toEqual(['applied', 'interview']);
  });

  it('answers 409 for a subscription whose target is already registered, and deletes subscriptions', async () => {
    const target = 'http://127.0.0.1:9/hooks/workable';
    const a = await json(
      sim,
      'POST',
      '/workable/spi/v3/subscriptions',
      { target, event: 'candidate_created', args: { account_id: '', job_shortcode: '', stage_slug: '' } },
      auth,
    );
    expect(a.status).toBe(201);
    expect(a.body).toEqual({ id: expect.any(Number) });
    expect(
      (
        await json(
          sim,
          'POST',
          '/workable/spi/v3/subscriptions',
          { target, event: 'candidate_created' },
          auth,
        )
      ).status,
    ).toBe(409);
    // Per workable.readme.io the target alone must be unique (WK_SUBSCRIPTION_UNIQUE_ON).
    expect(
      (await json(sim, 'POST', '/workable/spi/v3/subscriptions', { target, event: 'candidate_moved' }, auth))
        .status,
    ).toBe(409);
    expect(
      (await json(sim, 'DELETE', `/workable/spi/v3/subscriptions/${a.body.id}`, undefined, auth)).status,
    ).toBe(200);
    expect(
      (await json(sim, 'POST', '/workable/spi/v3/subscriptions', { target, event: 'candidate_moved' }, auth))
        .status,
    ).toBe(201);
  });

  it('answers with the documented shapes (candidate, stages, members, subscriptions; fixtures cite their sources)', async () => {
    const id = seed.workable.candidates[0].id;
    const one = await json(sim, 'GET', `/workable/spi/v3/candidates/${id}`, undefined, auth);
    expectShape(one.body, fixture('candidate.json'));
    expectShape(
      (await json(sim, 'GET', '/workable/spi/v3/jobs/BE01/stages', undefined, auth)).body,
      fixture('stages.json'),
    );
    expectShape(
      (await json(sim, 'GET', '/workable/spi/v3/members', undefined, auth)).body,
      fixture('members.json'),
    );
    await json(
      sim,
      'POST',
      '/workable/spi/v3/subscriptions',
      {
        target: 'http://127.0.0.1:9/a',
        event: 'candidate_moved',
        args: { account_id: 'acme', job_shortcode: '', stage_slug: '' },
      },
      auth,
    );
    const subs = await json(sim, 'GET', '/workable/spi/v3/subscriptions', undefined, auth);
    expect(subs.status).toBe(200);
    expectShape(subs.body, fixture('subscriptions.json'));
    const sub = subs.body.subscriptions[0];
    // valid_until a year after created_at, as in the documented example.
    const documented = fixture('subscriptions.json').subscriptions[0];
    expect(Date.parse(sub.valid_until) - Date.parse(sub.created_at)).toBe(
      Date.parse(documented.valid_until) - Date.parse(documented.created_at),
    );
  });

  it('answers a comment with 201 and a plain-text body', async () => {
    const res = await fetch(
      `${sim.url}/workable/spi/v3/candidates/${seed.workable.candidates[0].id}/comments`,
      {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ member_id: seed.workable.members[0].id, comment: { body: 'hi' } }),
      },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('');
  });

  it('rate-limits 10 requests per 10 s per token with X-Rate-Limit-* headers', async () => {
    await json(sim, 'PUT', '/_sim/config', { workable: { rateLimit: { enabled: true } } });
    const statuses: number[] = [];
    let lastOk: Headers | undefined;
    for (let i = 0; i < 11; i++) {
      const res = await json(sim, 'GET', '/workable/spi/v3/members', undefined, auth);
      statuses.push(res.status);
      if (res.status === 200) lastOk = res.headers;
      else expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    expect(lastOk!.get('x-rate-limit-limit')).toBe('10');
    expect(lastOk!.get('x-rate-limit-remaining')).toBe('0');
    expect(Number(lastOk!.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
    const counters = (await json(sim, 'GET', '/_sim/counters')).body.workable;
    expect(counters).toMatchObject({ throttled: 1, maxRequestsInWindow: 11 });
  });

  it('renders the HTML overview escaped', async () => {
    await json(sim, 'POST', '/_sim/greenhouse/candidates', {
      company: 'acme',
      firstName: '<script>x</script>',
      lastName: 'Y',
      notify: false,
    });
    const res = await fetch(`${sim.url}/`);
    const html = await res.text();
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>x');
    expect(html).toContain('書類選考');
  });
});
