import { randomUUID } from 'node:crypto';
// Finding #10: the console's session cookie, sign-in, CSRF, GET side effects and login throttling.
import { FairnessDryRunService } from '@comeback/compensation';
import { EligibilityPolicyService } from '@comeback/pipeline';
import { TenantService } from '@comeback/platform';
import { http, startApi, type Harness, type TestTenant } from '../support/api-harness';

jest.setTimeout(60_000);

interface Jar {
  cookies: Map<string, string>;
}

async function browse(
  api: Harness,
  jar: Jar,
  method: string,
  path: string,
  form?: Record<string, string>,
): Promise<{ status: number; location: string | null; text: string; setCookies: string[] }> {
  const headers: Record<string, string> = {
    cookie: [...jar.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  };
  let body: string | undefined;
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  }
  const res = await fetch(`${api.baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
  const setCookies = res.headers.getSetCookie();
  for (const c of setCookies) {
    const [pair] = c.split(';');
    const [k, ...v] = pair.split('=');
    if (/Expires=Thu, 01 Jan 1970/i.test(c)) jar.cookies.delete(k);
    else jar.cookies.set(k, v.join('='));
  }
  return { status: res.status, location: res.headers.get('location'), text: await res.text(), setCookies };
}

function csrfOf(page: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1];
}

const SESSION = '__Host-comeback_session';

describe('console sessions (#10)', () => {
  let api: Harness;
  let tenant: TestTenant;

  beforeAll(async () => {
    api = await startApi({ CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE: '15' });
    tenant = await api.tenant('console-sec');
  });
  afterAll(async () => api?.close());

  async function signIn(token: string): Promise<Jar> {
    const jar: Jar = { cookies: new Map() };
    const page = await browse(api, jar, 'GET', '/console/login');
    const res = await browse(api, jar, 'POST', '/console/login', { token, _csrf: csrfOf(page.text) });
    expect(res.status).toBe(303);
    return jar;
  }

  it('checks the pasted token before setting any session cookie', async () => {
    const jar: Jar = { cookies: new Map() };
    const page = await browse(api, jar, 'GET', '/console/login');
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOiJ4Iiwicm9sZSI6ImhyX2FkbWluIn0.AAAA';
    const res = await browse(api, jar, 'POST', '/console/login', { token: forged, _csrf: csrfOf(page.text) });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/console/login?error=invalid');
    expect(res.setCookies.join('\n')).not.toMatch(/comeback_(session|token)=[^;]/);
  });

  it('sets a __Host- cookie: Secure, HttpOnly, SameSite=Lax, Path=/', async () => {
    const jar: Jar = { cookies: new Map() };
    const page = await browse(api, jar, 'GET', '/console/login');
    const res = await browse(api, jar, 'POST', '/console/login', {
      token: tenant.token('hr_admin'),
      _csrf: csrfOf(page.text),
    });
    const cookie = res.setCookies.find((c) => c.startsWith(`${SESSION}=`));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('the REST API does not accept the console cookie', async () => {
    const jar = await signIn(tenant.token('hr_admin'));
    expect((await browse(api, jar, 'GET', '/console/registry')).status).toBe(200);
    const res = await http(api.baseUrl, 'GET', '/api/v1/applications', {
      headers: {
        cookie: `${SESSION}=${jar.cookies.get(SESSION)}; comeback_token=${jar.cookies.get(SESSION)}`,
      },
    });
    expect(res.status).toBe(401);
  });

  it('every state-changing form carries a CSRF token, and a post without it is refused', async () => {
    const jar = await signIn(tenant.token('hr_admin'));
    for (const path of [
      '/console/registry',
      '/console/policies',
      '/console/stage-mappings',
      '/console/change-log',
      '/console/review',
      '/console/ats',
      '/console/settings',
      '/console/hris',
      '/console/pay-data',
      '/console/fairness-policy',
      '/console/assignments?ats=greenhouse&jobId=job-1',
      '/console/sso',
      '/console/tokens',
    ]) {
      const page = await browse(api, jar, 'GET', path);
      expect(page.status).toBe(200);
      const forms = page.text.match(/<form method="post"[^>]*>[\s\S]*?<\/form>/g) ?? [];
      expect(forms.length).toBeGreaterThan(0);
      for (const f of forms) expect(f).toMatch(/name="_csrf" value="[^"]{20,}"/);
    }
    const entry = { effectiveDate: '2024-01-01', category: 'rule', title: 'Forged entry' };
    const forged = await browse(api, jar, 'POST', '/console/change-log', entry);
    expect(forged.status).toBe(403);
    const wrong = await browse(api, jar, 'POST', '/console/change-log', { ...entry, _csrf: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    const logout = await browse(api, jar, 'POST', '/console/logout');
    expect(logout.status).toBe(403);
    // HR's decisions and settings are forms like any other: refused without the token.
    for (const path of [
      '/console/settings',
      '/console/ats/greenhouse/check',
      '/console/applications/greenhouse/1/hr-review/approve',
      '/console/applications/greenhouse/1/not-returnee',
      '/console/operations/retry-all',
      '/console/pay-data/benchmarks',
      '/console/fairness-policy',
      '/console/fairness-policy/1/dry-run',
      '/console/fairness-policy/1/activate',
      '/console/offers/greenhouse/1/proposal',
      '/console/offers/greenhouse/1/checks/00000000-0000-4000-8000-000000000000/decision',
      '/console/assignments/add',
      '/console/assignments/remove',
      '/console/assignments/sync',
      '/console/sso',
      '/console/sso/remove',
      '/console/tokens',
      '/console/tokens/some-jti/revoke',
    ])
      expect({ path, status: (await browse(api, jar, 'POST', path, { comment: 'x' })).status }).toEqual({
        path,
        status: 403,
      });
    const page = await browse(api, jar, 'GET', '/console/change-log');
    const ok = await browse(api, jar, 'POST', '/console/change-log', { ...entry, _csrf: csrfOf(page.text) });
    expect(ok.status).toBe(303);

    // An entry is edited in place from its own form (and the edit is a CSRF-checked form like the others).
    const listed = await browse(api, jar, 'GET', '/console/change-log');
    const id = /\/console\/change-log\/([0-9a-f-]{36})\/edit/.exec(listed.text)?.[1];
    expect(id).toBeDefined();
    const edit = await browse(api, jar, 'GET', `/console/change-log/${id}/edit`);
    expect(edit.status).toBe(200);
    expect(edit.text).toContain('value="Forged entry"');
    const changed = { ...entry, title: 'Corrected entry', body: 'Fixed wording' };
    expect((await browse(api, jar, 'POST', `/console/change-log/${id}`, changed)).status).toBe(403);
    const saved = await browse(api, jar, 'POST', `/console/change-log/${id}`, {
      ...changed,
      _csrf: csrfOf(edit.text),
    });
    expect(saved.status).toBe(303);
    const after = await browse(api, jar, 'GET', '/console/change-log');
    expect(after.text).toContain('Corrected entry');
    expect(after.text).not.toContain('Forged entry');
  });

  it('HR-only pay and sign-in pages are refused to recruiters and hiring managers (403), pages and forms alike', async () => {
    for (const role of ['recruiter', 'hiring_manager'] as const) {
      const jar = await signIn(tenant.token(role, `${role}-1`));
      const csrf = csrfOf((await browse(api, jar, 'GET', '/console/home')).text);
      for (const path of [
        '/console/pay-data',
        '/console/fairness-policy',
        '/console/fairness-policy/1',
        '/console/assignments',
        '/console/sso',
        '/console/tokens',
      ])
        expect({ role, path, status: (await browse(api, jar, 'GET', path)).status }).toEqual({
          role,
          path,
          status: 403,
        });
      for (const path of [
        '/console/tokens',
        '/console/sso/remove',
        '/console/fairness-policy/1/activate',
        '/console/assignments/add',
        '/console/offers/greenhouse/1/proposal',
      ])
        expect({
          role,
          path,
          status: (await browse(api, jar, 'POST', path, { _csrf: csrf, name: 'x' })).status,
        }).toEqual({ role, path, status: 403 });
    }
  });

  it('viewing a draft fairness policy runs no dry run; activation is offered only after one', async () => {
    const hr = tenant.token('hr_admin');
    const active = await http(api.baseUrl, 'GET', '/api/v1/offers/fairness-policies/active', { token: hr });
    const draft = await http(api.baseUrl, 'POST', '/api/v1/offers/fairness-policies', {
      token: hr,
      json: { document: active.body.document, comment: 'draft' },
    });
    expect(draft.status).toBe(201);
    const spy = jest.spyOn(api.app.get(FairnessDryRunService), 'dryRun');
    const jar = await signIn(hr);
    const page = await browse(api, jar, 'GET', `/console/fairness-policy/${draft.body.version}`);
    expect(page.status).toBe(200);
    expect(spy).not.toHaveBeenCalled();
    expect(page.text).toContain('data-testid="activate-after-dry-run"');
    expect(page.text).not.toContain(`/console/fairness-policy/${draft.body.version}/activate`);
    const run = await browse(api, jar, 'POST', `/console/fairness-policy/${draft.body.version}/dry-run`, {
      _csrf: csrfOf(page.text),
    });
    expect(run.status).toBe(303);
    expect(spy).toHaveBeenCalledTimes(1);
    const after = await browse(api, jar, 'GET', `/console/fairness-policy/${draft.body.version}`);
    expect(after.text).toContain('data-testid="fairness-dry-run"');
    expect(after.text).toContain(`/console/fairness-policy/${draft.body.version}/activate`);
    spy.mockRestore();
  });

  it('refuses a review budget out of range or a fixed review score at or above the match score, changing nothing', async () => {
    const hr = await signIn(tenant.token('hr_admin'));
    const page = await browse(api, hr, 'GET', '/console/settings?lang=en');
    const form = { match: '8', review: '2', language: 'ja', _csrf: csrfOf(page.text) };
    const tenants = api.app.get(TenantService);
    const before = (await tenants.get(tenant.id)).settings;
    for (const bad of [
      { ...form, reviewMode: 'budget', maxReviewSharePercent: '0' },
      { ...form, reviewMode: 'budget', maxReviewSharePercent: '60' },
      { ...form, reviewMode: 'sometimes', maxReviewSharePercent: '5' },
      { ...form, reviewMode: 'fixed', maxReviewSharePercent: '5', review: '8' },
    ]) {
      const res = await browse(api, hr, 'POST', '/console/settings?lang=en', bad);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
    expect((await tenants.get(tenant.id)).settings).toEqual(before);
  });

  it('HR names the company as CVs write it (former and English names); the list is checked line by line', async () => {
    const hr = await signIn(tenant.token('hr_admin'));
    const page = await browse(api, hr, 'GET', '/console/settings?lang=ja');
    expect(page.text).toContain('職歴に書かれる当社の名称（1行に1つ）');
    const form = {
      match: '8',
      reviewMode: 'budget',
      maxReviewSharePercent: '5',
      review: '2',
      language: 'ja',
      _csrf: csrfOf(page.text),
    };
    const tenants = api.app.get(TenantService);
    const saved = await browse(api, hr, 'POST', '/console/settings', {
      ...form,
      companyNames: ' 北星商事 \r\nKitaboshi Shoji\n\n旧 北星産業\n北星商事\n',
    });
    expect(saved.status).toBe(303);
    expect((await tenants.get(tenant.id)).settings.companyNames).toEqual([
      '北星商事',
      'Kitaboshi Shoji',
      '旧 北星産業',
    ]);
    const again = await browse(api, hr, 'GET', '/console/settings?lang=en');
    expect(again.text).toContain('Names the company goes by on CVs');
    expect(again.text).toMatch(
      /<textarea id="company-names"[^>]*>北星商事\nKitaboshi Shoji\n旧 北星産業<\/textarea>/,
    );
    // A form posted without the field (an older page) keeps the names.
    expect((await browse(api, hr, 'POST', '/console/settings', form)).status).toBe(303);
    expect((await tenants.get(tenant.id)).settings.companyNames).toHaveLength(3);
    const before = (await tenants.get(tenant.id)).settings;
    for (const companyNames of [
      Array.from({ length: 21 }, (_, i) => `Company ${i}`).join('\n'),
      'x'.repeat(101),
    ]) {
      const res = await browse(api, hr, 'POST', '/console/settings?lang=en', { ...form, companyNames });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Give at most 20 company names of at most 100 characters each.');
    }
    expect((await tenants.get(tenant.id)).settings).toEqual(before);
  });

  it('the matching accuracy page is HR-only (recruiters and hiring managers get 403), in both languages', async () => {
    const hr = await signIn(tenant.token('hr_admin'));
    const ja = await browse(api, hr, 'GET', '/console/matching/accuracy?lang=ja');
    expect(ja.status).toBe(200);
    expect(ja.text).toContain('出戻り照合の精度');
    // No decisions yet: the review budget's threshold is the shipped one, and the page says why.
    expect(ja.text).toContain('現在 2.00（判定が 200 件に達するまでは既定値。これまで 0 件）');
    const en = await browse(api, hr, 'GET', '/console/matching/accuracy?lang=en');
    expect(en.text).toContain('How accurate is returnee matching here');
    expect(en.text).toContain('now 2.00, the shipped value until 200 decisions have been seen (0 so far)');
    for (const role of ['recruiter', 'hiring_manager'] as const) {
      const jar = await signIn(tenant.token(role));
      expect({ role, status: (await browse(api, jar, 'GET', '/console/matching/accuracy')).status }).toEqual({
        role,
        status: 403,
      });
    }
  });

  it('viewing a draft policy runs no dry run (expensive work only on an explicit POST)', async () => {
    const hr = tenant.token('hr_admin');
    const active = await http(api.baseUrl, 'GET', '/api/v1/eligibility/policies/active', { token: hr });
    const draft = await http(api.baseUrl, 'POST', '/api/v1/eligibility/policies', {
      token: hr,
      json: { document: active.body.document, comment: 'draft' },
    });
    expect(draft.status).toBe(201);
    const spy = jest.spyOn(api.app.get(EligibilityPolicyService), 'dryRun');
    const jar = await signIn(hr);
    const page = await browse(api, jar, 'GET', `/console/policies/${draft.body.version}`);
    expect(page.status).toBe(200);
    expect(spy).not.toHaveBeenCalled();
    const run = await browse(api, jar, 'POST', `/console/policies/${draft.body.version}/dry-run`, {
      _csrf: csrfOf(page.text),
    });
    expect(run.status).toBe(303);
    expect(spy).toHaveBeenCalledTimes(1);
    const after = await browse(api, jar, 'GET', `/console/policies/${draft.body.version}`);
    expect(after.text).toContain('data-testid="dry-registry-total"');
    spy.mockRestore();
  });

  it('exit interviews and HR-system runs by role; the public leaver page refuses bad links and is rate-limited', async () => {
    const anon: Jar = { cookies: new Map() };
    for (const path of ['/console/exit-interviews', '/console/hris']) {
      const r = await browse(api, anon, 'GET', path);
      expect(r.status).toBe(303);
      expect(r.location).toMatch(/^\/console\/login/);
    }
    const recruiter = await signIn(tenant.token('recruiter'));
    expect((await browse(api, recruiter, 'GET', '/console/exit-interviews')).status).toBe(403);
    expect((await browse(api, recruiter, 'GET', '/console/hris')).status).toBe(403);
    const manager = await signIn(tenant.token('hiring_manager', 'nobody@example.com'));
    expect((await browse(api, manager, 'GET', '/console/exit-interviews')).status).toBe(200);
    expect((await browse(api, manager, 'GET', '/console/hris')).status).toBe(403);
    // A record HR did not give them: the same 404 as for no record at all.
    const stranger = await browse(api, manager, 'GET', `/console/exit-interviews/${randomUUID()}`);
    expect(stranger.status).toBe(404);
    const page = await browse(api, manager, 'GET', '/console/exit-interviews');
    const post = await browse(api, manager, 'POST', `/console/exit-interviews/${randomUUID()}`, {
      rehireRecommendation: 'no',
      _csrf: csrfOf(page.text),
    });
    expect(post.status).toBe(404);

    // The leaver page: no account; a made-up link is a clear 404 page, and the page is throttled per address.
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await browse(api, anon, 'GET', `/console/leaver?t=${'x'.repeat(43)}`)).status);
    expect(statuses[0]).toBe(404);
    expect(statuses).toContain(429);
  });

  it('throttles sign-in attempts from one address (429)', async () => {
    const jar: Jar = { cookies: new Map() };
    const page = await browse(api, jar, 'GET', '/console/login');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++)
      statuses.push(
        (await browse(api, jar, 'POST', '/console/login', { token: `bad-${i}`, _csrf: csrfOf(page.text) }))
          .status,
      );
    expect(statuses).toContain(429);
  });
});
