// The Greenhouse Harvest v3 face over real HTTP: the contract details the product's adapter relies on.
import type { SimulatorHandle } from '@comeback/ats-simulator';
import { GH_CLIENT, ghToken, json, startSeeded } from './sim-test-kit';

describe('ats-simulator: Greenhouse Harvest v3', () => {
  let sim: SimulatorHandle;
  let seed: any;
  let token: string;
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeEach(async () => {
    ({ sim, seed } = await startSeeded());
    token = await ghToken(sim);
  });
  afterEach(async () => {
    await sim.close();
  });

  describe('token flow', () => {
    it('issues a bearer token for valid client credentials and refuses bad ones', async () => {
      const basic = (id: string, secret: string) =>
        `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
      const ok = await fetch(`${sim.url}/greenhouse/auth/token`, {
        method: 'POST',
        headers: {
          authorization: basic(GH_CLIENT.id, GH_CLIENT.secret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `grant_type=client_credentials&sub=${seed.greenhouse.users[0].id}`,
      });
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as Record<string, string>;
      expect(body.token_type).toBe('Bearer');
      expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(3500_000);

      const bad = await fetch(`${sim.url}/greenhouse/auth/token`, {
        method: 'POST',
        headers: {
          authorization: basic(GH_CLIENT.id, 'wrong'),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      expect(bad.status).toBe(401);
      expect(await bad.json()).toEqual({ error: 'invalid_client' });
    });

    it('requires a bearer token on every route and rejects an expired one', async () => {
      const none = await json(sim, 'GET', '/greenhouse/v3/candidates');
      expect(none.status).toBe(401);
      // Harvest's error body is {message, errors} on every status (ats-contracts.md, "Errors"); the old
      // assertion without `errors` encoded a shape Greenhouse does not send.
      expect(none.body).toEqual({ message: 'Unauthorized', errors: [] });

      expect((await json(sim, 'GET', '/greenhouse/v3/candidates', undefined, auth())).status).toBe(200);

      await json(sim, 'PUT', '/_sim/config', { greenhouse: { tokenTtlSeconds: 1 } });
      const shortLived = await ghToken(sim);
      await new Promise((r) => setTimeout(r, 1100));
      const expired = await json(sim, 'GET', '/greenhouse/v3/candidates', undefined, {
        authorization: `Bearer ${shortLived}`,
      });
      expect(expired.status).toBe(401);

      // And the control switch that expires every token at once, for the adapter's refresh-on-401 path.
      await json(sim, 'POST', '/_sim/greenhouse/tokens/expire');
      expect((await json(sim, 'GET', '/greenhouse/v3/candidates', undefined, auth())).status).toBe(401);
    });
  });

  describe('lists', () => {
    it('paginates with Link rel="next" and a cursor that must stand alone', async () => {
      const first = await json(
        sim,
        'GET',
        '/greenhouse/v3/job_interview_stages?per_page=3',
        undefined,
        auth(),
      );
      expect(first.status).toBe(200);
      expect(Array.isArray(first.body)).toBe(true);
      expect(first.body).toHaveLength(3);
      const link = first.headers.get('link') ?? '';
      const m = /^<([^>]+)>; rel="next"$/.exec(link);
      expect(m).not.toBeNull();
      const next = new URL(m![1]);
      expect([...next.searchParams.keys()]).toEqual(['cursor']);

      const seen = [...first.body];
      let url: string | null = next.pathname + next.search;
      while (url) {
        const page = await json(sim, 'GET', url, undefined, auth());
        expect(page.status).toBe(200);
        seen.push(...page.body);
        const l = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '');
        url = l ? new URL(l[1]).pathname + new URL(l[1]).search : null;
      }
      expect(seen).toHaveLength(9);
      expect(new Set(seen.map((s: any) => s.id)).size).toBe(9);

      const mixed = await json(sim, 'GET', `${next.pathname}${next.search}&per_page=3`, undefined, auth());
      expect(mixed.status).toBe(422);
      expect(mixed.body.message).toBeDefined();
      expect(Array.isArray(mixed.body.errors)).toBe(true);

      expect(
        (await json(sim, 'GET', '/greenhouse/v3/candidates?per_page=501', undefined, auth())).status,
      ).toBe(422);
      const single = await json(sim, 'GET', '/greenhouse/v3/candidates', undefined, auth());
      expect(single.headers.get('link')).toBeNull();
    });

    it('takes at most 50 ids per filter', async () => {
      const ids50 = Array.from({ length: 50 }, (_, i) => 10001 + i).join(',');
      const ok = await json(sim, 'GET', `/greenhouse/v3/candidates?ids=${ids50}`, undefined, auth());
      expect(ok.status).toBe(200);
      expect(ok.body).toHaveLength(2);
      const tooMany = await json(
        sim,
        'GET',
        `/greenhouse/v3/candidates?ids=${ids50},10051`,
        undefined,
        auth(),
      );
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.errors).toEqual([{ ids: expect.stringContaining('50') }]);
    });

    it('filters candidates by e-mail (exact, case-insensitive) and applications by status=active', async () => {
      const byEmail = await json(
        sim,
        'GET',
        '/greenhouse/v3/candidates?email=taro.yamada@example.jp',
        undefined,
        auth(),
      );
      expect(byEmail.body.map((c: any) => c.first_name)).toEqual(['太郎']);
      expect(
        (await json(sim, 'GET', '/greenhouse/v3/candidates?email=taro.yamada@example', undefined, auth()))
          .body,
      ).toEqual([]);

      const apps = await json(
        sim,
        'GET',
        `/greenhouse/v3/applications?status=active&candidate_ids=${seed.greenhouse.candidates[0].id}`,
        undefined,
        auth(),
      );
      expect(apps.body).toHaveLength(1);
      expect(apps.body[0]).toMatchObject({
        status: 'in_process',
        stage_name: '書類選考',
        job_id: seed.greenhouse.jobs[0].id,
      });
    });
  });

  describe('writes', () => {
    it('moves an application only from its current stage (422 otherwise, nothing changes) and answers 204', async () => {
      const app = seed.greenhouse.candidates[0].applications[0];
      const [review, phone, second] = seed.greenhouse.jobs[0].stages;
      const otherJobStage = seed.greenhouse.jobs[1].stages[0];
      // By default from_stage_id is the application-stage row id (`stage_id` of the application).
      const before = await json(sim, 'GET', `/greenhouse/v3/applications?ids=${app.id}`, undefined, auth());
      const row = before.body[0].stage_id as number;
      expect(before.body[0].job_interview_stage_id).toBe(review.id);
      expect(row).not.toBe(review.id);

      const stale = await json(
        sim,
        'POST',
        `/greenhouse/v3/applications/${app.id}/move`,
        { from_stage_id: phone.id, to_stage_id: second.id },
        auth(),
      );
      expect(stale.status).toBe(422);
      expect(stale.body).toEqual({
        message: 'Unprocessable Content',
        errors: [{ from_stage_id: expect.any(String) }],
      });

      const foreign = await json(
        sim,
        'POST',
        `/greenhouse/v3/applications/${app.id}/move`,
        { from_stage_id: row, to_stage_id: otherJobStage.id },
        auth(),
      );
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors).toEqual([{ to_stage_id: expect.any(String) }]);

      // The job stage id is refused while the switch says row id.
      const wrongKind = await json(
        sim,
        'POST',
        `/greenhouse/v3/applications/${app.id}/move`,
        { from_stage_id: review.id, to_stage_id: second.id },
        auth(),
      );
      expect(wrongKind.status).toBe(422);

      const moved = await json(
        sim,
        'POST',
        `/greenhouse/v3/applications/${app.id}/move`,
        { from_stage_id: row, to_stage_id: second.id },
        auth(),
      );
      expect(moved.status).toBe(204);
      expect(moved.text).toBe('');

      const after = await json(sim, 'GET', `/greenhouse/v3/applications?ids=${app.id}`, undefined, auth());
      expect(after.body[0].job_interview_stage_id).toBe(second.id);
      expect(after.body[0].stage_id).not.toBe(row); // a new application-stage row
      const rows = await json(
        sim,
        'GET',
        `/greenhouse/v3/application_stages?application_ids=${app.id}&current=true`,
        undefined,
        auth(),
      );
      expect(rows.body).toEqual([
        expect.objectContaining({ job_interview_stage_id: second.id, current: true }),
      ]);

      // Replaying the same move is now stale: the guard that keeps a retried job from double-moving.
      const replay = await json(
        sim,
        'POST',
        `/greenhouse/v3/applications/${app.id}/move`,
        { from_stage_id: row, to_stage_id: second.id },
        auth(),
      );
      expect(replay.status).toBe(422);

      // Switched to the job interview stage id: that is what from_stage_id must now be.
      await json(sim, 'PUT', '/_sim/config', {
        greenhouse: { moveFromStageIdKind: 'job_interview_stage_id' },
      });
      const byJobStage = await json(
        sim,
        'POST',
        `/greenhouse/v3/applications/${app.id}/move`,
        { from_stage_id: second.id, to_stage_id: review.id },
        auth(),
      );
      expect(byJobStage.status).toBe(204);
      const bad = await json(sim, 'PUT', '/_sim/config', { greenhouse: { moveFromStageIdKind: 'stage' } });
      expect(bad.status).toBe(400);
      await json(sim, 'PUT', '/_sim/config', { greenhouse: { moveFromStageIdKind: 'application_stage_id' } });
    });

    it('reads only for a Site Admin acting user and refuses unknown query params', async () => {
      const tokenFor = async (sub: number) => {
        const res = await fetch(`${sim.url}/greenhouse/auth/token`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${GH_CLIENT.id}:${GH_CLIENT.secret}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: `grant_type=client_credentials&sub=${sub}`,
        });
        return { authorization: `Bearer ${((await res.json()) as { access_token: string }).access_token}` };
      };
      const [admin, recruiter] = seed.greenhouse.users;
      const users = await json(
        sim,
        'GET',
        `/greenhouse/v3/users?ids=${admin.id},${recruiter.id}`,
        undefined,
        await tokenFor(admin.id),
      );
      expect(users.body.map((u: any) => [u.id, u.site_admin])).toEqual([
        [admin.id, true],
        [recruiter.id, false],
      ]);
      const asRecruiter = await tokenFor(recruiter.id);
      for (const route of ['applications', 'candidates', 'users', 'candidate_tags', 'application_stages']) {
        const r = await json(sim, 'GET', `/greenhouse/v3/${route}`, undefined, asRecruiter);
        expect([route, r.status, r.body]).toEqual([route, 200, []]);
      }
      const unknown = await json(sim, 'GET', '/greenhouse/v3/applications?stage=1', undefined, auth());
      expect(unknown.status).toBe(422);
      expect(unknown.body).toEqual({
        message: 'Invalid query params',
        errors: [{ stage: expect.any(String) }],
      });
    });

    it('creates tag definitions and applies them additively, refusing fields named tag or tag_id', async () => {
      const id = seed.greenhouse.candidates[0].id;
      const created = await json(sim, 'POST', '/greenhouse/v3/candidate_tags', { name: 'Alumni' }, auth());
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(Number), name: 'Alumni' });
      for (const field of ['tag', 'tag_id']) {
        const r = await json(
          sim,
          'POST',
          '/greenhouse/v3/applied_candidate_tags',
          { candidate_id: id, [field]: created.body.id },
          auth(),
        );
        expect(r.status).toBe(422);
        expect(r.body.errors).toContainEqual({ [field]: expect.any(String) });
      }
      const ok = await json(
        sim,
        'POST',
        '/greenhouse/v3/applied_candidate_tags',
        { candidate_id: id, candidate_tag_id: created.body.id },
        auth(),
      );
      expect(ok.status).toBe(201);
      const cand = await json(sim, 'GET', `/greenhouse/v3/candidates?ids=${id}`, undefined, auth());
      expect(cand.body[0].tags).toEqual(['Referral', 'Alumni']);
    });

    it('replaces the whole tag list on PATCH /candidates/{id}', async () => {
      const id = seed.greenhouse.candidates[0].id;
      const patched = await json(
        sim,
        'PATCH',
        `/greenhouse/v3/candidates/${id}`,
        { tags: ['Comeback'], custom_fields: [{ name_key: 'former_employee', value: true }] },
        auth(),
      );
      expect(patched.status).toBe(200);
      expect(patched.body.tags).toEqual(['Comeback']); // 'Referral' is gone: the caller must merge first
      expect(patched.body.custom_fields.former_employee.value).toBe(true);
      const tags = await json(sim, 'GET', '/greenhouse/v3/candidate_tags', undefined, auth());
      expect(tags.body.map((t: any) => t.name).sort()).toEqual(['Comeback', 'Referral']);
      const byTag = await json(sim, 'GET', '/greenhouse/v3/candidates?tag=comeback', undefined, auth());
      expect(byTag.body.map((c: any) => c.id)).toEqual([id]);

      const referral = tags.body.find((t: any) => t.name === 'Referral');
      const applied = await json(
        sim,
        'POST',
        '/greenhouse/v3/applied_candidate_tags',
        { candidate_id: id, candidate_tag_id: referral.id },
        auth(),
      );
      expect(applied.status).toBe(201);
      const state = await json(sim, 'GET', '/_sim/state');
      expect(state.body.companies[0].greenhouse.candidates[0].tags).toEqual(['Comeback', 'Referral']);
    });

    it('stores note visibility short and reads it back long', async () => {
      const candidate = seed.greenhouse.candidates[0];
      const user = seed.greenhouse.users[1];
      const spellings: Record<string, string> = {
        public: 'publicly_visible',
        private: 'privately_visible',
        admin_only: 'admin_only_visible',
      };
      for (const [written, read] of Object.entries(spellings)) {
        const note = await json(
          sim,
          'POST',
          '/greenhouse/v3/notes',
          {
            candidate_id: candidate.id,
            application_id: candidate.applications[0].id,
            user_id: user.id,
            body: `元社員です (${written})`,
            note_type: 'NOTE',
            visibility: written,
          },
          auth(),
        );
        expect(note.status).toBe(201);
        expect(note.body.visibility).toBe(read);
      }
      const bad = await json(
        sim,
        'POST',
        '/greenhouse/v3/notes',
        { candidate_id: candidate.id, user_id: user.id, body: 'x', visibility: 'publicly_visible' },
        auth(),
      );
      expect(bad.status).toBe(422);
      const listed = await json(
        sim,
        'GET',
        `/greenhouse/v3/notes?candidate_ids=${candidate.id}`,
        undefined,
        auth(),
      );
      expect(listed.body.map((n: any) => n.visibility)).toEqual(Object.values(spellings));
    });
  });

  describe('rate limit', () => {
    it('sends the headers on every response and answers 429 with Retry-After at request 151 of a window', async () => {
      let last: Response | undefined;
      for (let i = 1; i <= 150; i++) {
        last = await fetch(`${sim.url}/greenhouse/v3/users`, { headers: auth() });
        expect(last.status).toBe(200);
        await last.arrayBuffer();
      }
      expect(last!.headers.get('x-ratelimit-limit')).toBe('150');
      expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
      const reset = Number(last!.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThan(Date.now() / 1000);
      expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 30);

      const over = await fetch(`${sim.url}/greenhouse/v3/users`, { headers: auth() });
      expect(over.status).toBe(429);
      const retryAfter = Number(over.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(30);
      expect(await over.json()).toMatchObject({ message: expect.any(String), errors: [] });

      const counters = (await json(sim, 'GET', '/_sim/counters')).body.greenhouse;
      expect(counters.throttled).toBe(1);
      expect(counters.maxRequestsInWindow).toBe(151);
      expect(counters.maxRequestsInWindowByClient[GH_CLIENT.id]).toBe(151);
      expect(counters.byRoute['GET /greenhouse/v3/users']).toBe(151);
    });

    it('can be switched off and resized, and injects faults on demand', async () => {
      await json(sim, 'PUT', '/_sim/config', {
        greenhouse: { rateLimit: { limit: 2 }, faults: { failNext: 1 } },
      });
      const a = await json(sim, 'GET', '/greenhouse/v3/users', undefined, auth());
      expect(a.status).toBe(500);
      expect((await json(sim, 'GET', '/greenhouse/v3/users', undefined, auth())).status).toBe(200);
      expect((await json(sim, 'GET', '/greenhouse/v3/users', undefined, auth())).status).toBe(429);
      await json(sim, 'PUT', '/_sim/config', { greenhouse: { rateLimit: { enabled: false } } });
      expect((await json(sim, 'GET', '/greenhouse/v3/users', undefined, auth())).status).toBe(200);
      expect((await json(sim, 'PUT', '/_sim/config', { greenhouse: { rateLimt: {} } })).status).toBe(400);
    });
  });
});
