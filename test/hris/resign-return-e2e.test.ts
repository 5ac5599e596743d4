// The alumni line end to end (issue 15): an employee resigns in the simulated SmartHR → webhook → registry;
// HR and the leaver's manager fill the exit interview; the leaver's own page (personal link by e-mail) gives a
// personal e-mail and phone and consent; months later they apply in the simulated Greenhouse from that e-mail →
// matched automatically and fast-tracked. Also: withdrawal and erasure by the link, expired and tampered links,
// a rehire in SmartHR, company domains re-detected after a reconciliation, and one Chromium pass with axe-core.
import { readFileSync } from 'node:fs';
import { launchChromium } from '../support/browser-session';
import { DataSource } from 'typeorm';
import { Browser, linkIn } from '../support/browser-jar';
import { http } from '../support/api-harness';
import { watchPeople } from '../support/response-scan';
import { Stack, startStack } from '../support/pipeline-stack';
import { simulatorCall } from '../support/simulator-call';

jest.setTimeout(120_000);

const SUB = 'acme';
const ACCESS_TOKEN = 'smarthr-access-token-line';
const WEBHOOK_TOKEN = 'smarthr-webhook-secret-token-line';
const MANAGER = 'kacho.sato@acme-corp.example';
const HR_DETAIL = '家族の事情で東京を離れる（人事限り）';
const PERSONAL_EMAIL = 'kenji.morioka.home@gmail.com';
const PERSONAL_PHONE = '080-9876-5432';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const KENJI = {
  emp_code: 'R100',
  last_name: '森岡',
  first_name: '健二',
  last_name_yomi: 'モリオカ',
  first_name_yomi: 'ケンジ',
  birth_at: '1984-06-20',
  email: 'kenji.morioka@acme-corp.example',
  tel_number: '03-1234-5678',
  entered_at: '2014-04-01',
  position: '主任',
  departments: [{ id: 'd1', name: '開発部' }],
};

let s: Stack;
let db: DataSource;

function simCall(method: string, path: string, json?: unknown): Promise<any> {
  return simulatorCall(`${s.sim.url}/_sim/smarthr/${SUB}`, method, path, json);
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

const api = (method: string, path: string, token: string, json?: unknown) =>
  http(s.api.baseUrl, method, path, { token, json });

async function resignedInSmartHr(crew: Record<string, unknown>, resignedAt: string): Promise<string> {
  const created = await simCall('POST', '/crews', crew);
  await simCall('POST', `/crews/${created.id}/resign`, { resigned_at: resignedAt });
  await eventually(
    async () => {
      const r = await api('GET', `/api/v1/registry/alumni/${String(crew.emp_code)}`, s.hr);
      return r.status === 200 ? true : null;
    },
    `${String(crew.emp_code)} in the registry`,
  );
  return String(created.id);
}

async function alumnusIdOf(employeeNumber: string): Promise<string> {
  const list = await api('GET', '/api/v1/exit-interviews?limit=200', s.hr);
  const row = list.body.find((r: any) => r.employeeNumber === employeeNumber);
  if (!row) throw new Error(`${employeeNumber} not in the leavers list`);
  return row.alumnusId;
}

/** HR sends the leaver link; the mail (kept in the outbox: no SMTP here) carries it. */
async function sendLink(alumnusId: string, to: string, language: 'ja' | 'en'): Promise<string> {
  const sent = await api('POST', `/api/v1/exit-interviews/${alumnusId}/leaver-link`, s.hr, { to, language });
  expect(sent.status).toBe(200);
  const [mail] = await db.query(
    `SELECT subject, text_body FROM mail_outbox WHERE kind = 'leaver_link' AND recipient = $1 ORDER BY id DESC LIMIT 1`,
    [to],
  );
  expect(mail.subject).toBe(
    language === 'en'
      ? 'Your page as a former employee: contact details and staying in touch'
      : '退職者ご本人のページ：連絡先とつながりの継続について',
  );
  return linkIn(mail.text_body, '/console/leaver');
}

const tokenOf = (link: string) => new URL(link).searchParams.get('t')!;

async function auditActions(): Promise<string[]> {
  const rows = await db.query('SELECT action FROM audit_entries WHERE tenant_id = $1 ORDER BY id', [
    s.tenant.id,
  ]);
  return rows.map((r: any) => r.action);
}

async function signedIn(token: string): Promise<Browser> {
  const b = new Browser();
  const res = await b.submit(`${s.api.baseUrl}/console/login`, '/console/login', { token });
  expect(res.status).toBe(303);
  return b;
}

beforeAll(async () => {
  s = await startStack('greenhouse');
  db = s.api.app.get(DataSource);
  // The HR-only detail is the value no hiring-manager response may ever contain (scanned in every response).
  watchPeople([{ birthDate: KENJI.birth_at, departureReason: HR_DETAIL }]);
  await simCall('POST', '/seed', {
    token: ACCESS_TOKEN,
    webhook: { url: `${s.api.baseUrl}/webhooks/hris/smarthr/${s.tenant.id}`, secretToken: WEBHOOK_TOKEN },
  });
  const saved = await api('PUT', '/api/v1/hris/connections/smarthr', s.hr, {
    apiBaseUrl: `${s.sim.url}/smarthr/${SUB}/api/v1`,
    accessToken: ACCESS_TOKEN,
    webhookToken: WEBHOOK_TOKEN,
  });
  if (saved.status !== 200) throw new Error(`connection not saved: ${saved.text}`);
}, 90_000);

afterAll(async () => s?.close());

describe('resign → exit interview → consent → return (issue 15)', () => {
  let kenjiCrew: string;
  let kenjiId: string;
  let kenjiLink: string;

  it('a resignation in SmartHR is a registry record within seconds', async () => {
    const t0 = Date.now();
    // Resigned at the end of March: "months later" is today (the policy's cooling-off is 6 months).
    kenjiCrew = await resignedInSmartHr(KENJI, '2026-03-31');
    // Seconds, not a nightly export (the bound leaves room for a machine shared with other suites).
    expect(Date.now() - t0).toBeLessThan(15_000);
    kenjiId = await alumnusIdOf('R100');
    const rec = await api('GET', '/api/v1/registry/alumni/R100', s.hr);
    // A new leaver from the HR system: no departure code or rehire view yet (the exit interview gives them).
    expect(rec.body).toMatchObject({ departureReason: 'other', rehireRecommendation: 'unknown' });
  });

  it('HR names the interviewer and sets the HR-only part; only that manager fills the manager part', async () => {
    const hrSave = await api('PUT', `/api/v1/exit-interviews/${kenjiId}`, s.hr, {
      interviewerEmail: MANAGER,
      departureCategory: 'voluntary_career',
      hrDetail: HR_DETAIL,
    });
    expect(hrSave.status).toBe(200);
    expect(hrSave.body).toMatchObject({
      version: 1,
      departureCategory: 'voluntary_career',
      hrDetail: HR_DETAIL,
    });

    const manager = s.tenant.token('hiring_manager', MANAGER);
    const otherManager = s.tenant.token('hiring_manager', 'someone.else@acme-corp.example');
    expect((await api('GET', `/api/v1/exit-interviews/${kenjiId}`, otherManager)).status).toBe(404);
    expect((await api('GET', '/api/v1/exit-interviews', otherManager)).body).toEqual([]);
    expect((await api('GET', `/api/v1/exit-interviews/${kenjiId}`, s.recruiter)).status).toBe(403);
    // The manager may not set HR's fields.
    const refused = await api('PUT', `/api/v1/exit-interviews/${kenjiId}`, manager, { hrDetail: 'x' });
    expect(refused.status).toBe(403);

    // The manager's console: their list and the form, without any HR-only field or label.
    const b = await signedIn(manager);
    const list = await b.request(`${s.api.baseUrl}/console/exit-interviews`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('森岡');
    const formUrl = `${s.api.baseUrl}/console/exit-interviews/${kenjiId}?lang=ja`;
    const form = await b.request(formUrl);
    expect(form.status).toBe(200);
    expect(form.text).not.toContain(HR_DETAIL);
    expect(form.text).not.toContain('departureCategory');
    expect(form.text).not.toContain('interviewerEmail');
    const posted = await b.submit(formUrl, `/console/exit-interviews/${kenjiId}`, {
      rehireRecommendation: 'yes',
      welcomeBackSaid: 'true',
      regrettable: 'true',
      returnWish: 'someday',
      returnAreas: 'バックエンド, データ基盤',
      returnRoles: 'テックリード',
    });
    expect(posted.status).toBe(303);
    const mine = await api('GET', `/api/v1/exit-interviews/${kenjiId}`, manager);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      rehireRecommendation: 'yes',
      welcomeBackSaid: true,
      regrettable: true,
      returnWish: 'someday',
      returnAreas: ['バックエンド', 'データ基盤'],
      returnRoles: ['テックリード'],
    });
    expect(mine.body).not.toHaveProperty('hrDetail');
    expect(mine.body).not.toHaveProperty('departureCategory');

    // Versioned: who set what, when (HR only).
    expect((await api('GET', `/api/v1/exit-interviews/${kenjiId}/history`, manager)).status).toBe(403);
    const history = await api('GET', `/api/v1/exit-interviews/${kenjiId}/history`, s.hr);
    expect(history.body.map((h: any) => [h.version, h.source])).toEqual([
      [2, 'manager'],
      [1, 'hr'],
    ]);
    expect(history.body[0].changes.rehireRecommendation).toBe('yes');
    // The registry record follows: the policy reads the category and the manager's recommendation.
    const rec = await api('GET', '/api/v1/registry/alumni/R100', s.hr);
    expect(rec.body).toMatchObject({ departureReason: 'voluntary_career', rehireRecommendation: 'yes' });
    // Audited by field name, never by value.
    const audit = await db.query(
      `SELECT details FROM audit_entries WHERE tenant_id = $1 AND action LIKE 'exit_interview.%_update'`,
      [s.tenant.id],
    );
    expect(audit.length).toBe(2);
    expect(JSON.stringify(audit)).not.toContain(HR_DETAIL);
  });

  it('the leaver’s own page: a personal link by e-mail, their language, switchable; tampered links refused', async () => {
    kenjiLink = await sendLink(kenjiId, KENJI.email, 'en');
    const b = new Browser();
    const page = await b.request(kenjiLink);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Your page as a former employee');
    expect(page.text).toContain('needs no further consent');
    const ja = await b.request(`${kenjiLink.replace(/lang=en/, 'lang=ja')}`);
    expect(ja.text).toContain('退職者ご本人のページ');
    expect(ja.text).toContain('追加の同意は不要');
    expect(ja.text).not.toContain(HR_DETAIL);

    const token = tokenOf(kenjiLink);
    const tampered = `${s.api.baseUrl}/console/leaver?t=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const bad = await b.request(tampered);
    expect(bad.status).toBe(404);
    expect(bad.text).toMatch(/not valid|無効/);
    const before = (await api('GET', `/api/v1/exit-interviews/${kenjiId}`, s.hr)).body.version;
    const forged = await b.submit(kenjiLink, '/console/leaver', {
      t: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      email: 'attacker@example.com',
      stayInTouch: 'true',
    });
    expect(forged.status).toBe(404);
    // Without the CSRF field: refused before anything.
    const noCsrf = await b.request(`${s.api.baseUrl}/console/leaver`, {
      form: { t: token, email: 'x@example.com' },
    });
    expect(noCsrf.status).toBe(403);
    expect((await api('GET', `/api/v1/exit-interviews/${kenjiId}`, s.hr)).body.version).toBe(before);

    // A bad e-mail: a clear 400 and nothing written.
    const invalid = await b.submit(kenjiLink, '/console/leaver', {
      t: token,
      email: 'not-an-email',
      phone: '',
    });
    expect(invalid.status).toBe(400);
    expect((await api('GET', `/api/v1/exit-interviews/${kenjiId}`, s.hr)).body.version).toBe(before);

    const saved = await b.submit(kenjiLink, '/console/leaver', {
      t: token,
      email: PERSONAL_EMAIL,
      phone: PERSONAL_PHONE,
      stayInTouch: 'true',
    });
    expect(saved.status).toBe(303);
    const after = await b.request(saved.location!);
    expect(after.text).toContain('Your choices are saved');

    const rec = await api('GET', '/api/v1/registry/alumni/R100', s.hr);
    expect(rec.body.emails).toEqual(expect.arrayContaining([KENJI.email, PERSONAL_EMAIL]));
    expect(rec.body.phones.length).toBe(2);
    expect(rec.body.networkOptIn).toBe(true);
    const exit = await api('GET', `/api/v1/exit-interviews/${kenjiId}`, s.hr);
    expect(exit.body).toMatchObject({ consent: 'opted_in', personalEmails: [PERSONAL_EMAIL] });
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['exit_interview.link_sent', 'exit_interview.leaver_update']),
    );

    // A SmartHR change later (new company e-mail) keeps the personal contact the leaver gave.
    await simCall('PATCH', `/crews/${kenjiCrew}`, { email: 'k.morioka@acme-corp.example' });
    const synced = await eventually(async () => {
      const r = await api('GET', '/api/v1/registry/alumni/R100', s.hr);
      return r.body.emails.includes('k.morioka@acme-corp.example') ? r.body : null;
    }, 'the synced change');
    expect(synced.emails).toContain(PERSONAL_EMAIL);
    expect(synced.emails).not.toContain(KENJI.email);
  });

  it('months later they apply in Greenhouse from the personal e-mail: matched automatically, fast-tracked', async () => {
    const id = await s.apply({
      firstName: 'Kenji',
      lastName: 'Morioka',
      email: PERSONAL_EMAIL,
      phone: '+81 80 9876 5432',
    });
    await s.waitIdle();
    const c = await s.candidate(id);
    expect(c.stage).toBe('二次面接');
    const apps = await api('GET', '/api/v1/applications', s.recruiter);
    expect(apps.body.find((a: any) => a.applicationId === id)).toMatchObject({
      outcome: 'fast_tracked',
      employeeNumber: 'R100',
    });
    const review = await api('GET', '/api/v1/review-items', s.hr);
    expect(review.body.some((i: any) => i.applicationId === id)).toBe(false);
  });

  it('one pass in Chromium: the leaver page and HR’s form, no serious axe violation', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ locale: 'ja-JP', bypassCSP: true });
      const page = await context.newPage();
      const check = async () => {
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const g = globalThis as any;
          const r = await g.axe.run(g.document, { resultTypes: ['violations'] });
          return r.violations
            .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
            .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
        });
        expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
      };
      await page.goto(kenjiLink.replace(/lang=en/, 'lang=ja'));
      await check();
      // The person changes their phone in the browser; the choice stays on.
      await page.getByLabel('個人の電話番号').fill('080-1111-3333');
      await page.getByRole('button', { name: '選択を保存する' }).click();
      await page.waitForLoadState('load');
      expect(await page.content()).toContain('選択を保存しました');
      await check();
      await page.goto(kenjiLink);
      await check();
      // HR's form in the console.
      await page.goto(`${s.api.baseUrl}/console/login`);
      await page.getByLabel(/アクセストークン|Access token/).fill(s.hr);
      await page
        .locator('form', { has: page.getByLabel(/アクセストークン|Access token/) })
        .getByRole('button', { name: /ログイン|Sign in/ })
        .click();
      await page.waitForLoadState('load');
      await page.goto(`${s.api.baseUrl}/console/exit-interviews/${kenjiId}?lang=ja`);
      expect(await page.content()).toContain('人事のみ');
      await check();
      await page.goto(`${s.api.baseUrl}/console/hris`);
      await check();
    } finally {
      await browser.close();
    }
    const rec = await api('GET', '/api/v1/registry/alumni/R100', s.hr);
    expect(rec.body.phones).toContain('080-1111-3333');
    expect(rec.body.phones).not.toContain(PERSONAL_PHONE);
  });

  it('withdrawal and erasure through the link take effect and are audited; expired links are refused', async () => {
    await resignedInSmartHr(
      {
        ...KENJI,
        emp_code: 'R101',
        first_name: '美咲',
        first_name_yomi: 'ミサキ',
        email: 'misaki@acme-corp.example',
      },
      '2026-06-30',
    );
    const id = await alumnusIdOf('R101');
    const old = await sendLink(id, 'misaki.private@yahoo.co.jp', 'ja');
    const b = new Browser();
    expect((await b.request(old)).status).toBe(200);
    // Past its date: a clear page, nothing written.
    await db.query(`UPDATE leaver_links SET expires_at = now() - interval '1 day' WHERE alumnus_id = $1`, [
      id,
    ]);
    const expired = await b.request(old);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('有効期限切れ');
    // A post with the expired token (this browser's CSRF token: the refused page has no form).
    const csrf = b.cookies(new URL(s.api.baseUrl).origin).get('__Host-comeback_csrf')!;
    const refused = await b.request(`${s.api.baseUrl}/console/leaver`, {
      form: { t: tokenOf(old), email: 'misaki.private@yahoo.co.jp', stayInTouch: 'true', _csrf: csrf },
    });
    expect(refused.status).toBe(410);
    expect((await api('GET', `/api/v1/exit-interviews/${id}`, s.hr)).body.version).toBe(0);

    // HR sends a new one; the person opts in, then withdraws.
    const link = await sendLink(id, 'misaki.private@yahoo.co.jp', 'ja');
    const t = tokenOf(link);
    expect(
      (
        await b.submit(link, '/console/leaver', {
          t,
          email: 'misaki.private@yahoo.co.jp',
          stayInTouch: 'true',
        })
      ).status,
    ).toBe(303);
    expect((await api('GET', '/api/v1/registry/alumni/R101', s.hr)).body.networkOptIn).toBe(true);
    const withdrawn = await b.submit(link, '/console/leaver/withdraw', { t });
    expect(withdrawn.status).toBe(303);
    expect((await b.request(withdrawn.location!)).text).toContain('撤回しました');
    expect((await api('GET', '/api/v1/registry/alumni/R101', s.hr)).body.networkOptIn).toBe(false);
    expect((await api('GET', `/api/v1/exit-interviews/${id}`, s.hr)).body.consent).toBe('withdrawn');
    expect(await auditActions()).toContain('exit_interview.consent_withdrawn');

    // Erasure: needs the confirmation; then the registry's own erasure, audited; the link is dead.
    expect((await b.submit(link, '/console/leaver/erase', { t })).status).toBe(400);
    const erased = await b.submit(link, '/console/leaver/erase', { t, confirm: 'yes' });
    expect(erased.status).toBe(200);
    expect(erased.text).toContain('記録を消去しました');
    expect((await api('GET', '/api/v1/registry/alumni/R101', s.hr)).status).toBe(404);
    const [entry] = await db.query(
      `SELECT actor, actor_role FROM audit_entries WHERE tenant_id = $1 AND action = 'registry.erase' ORDER BY id DESC LIMIT 1`,
      [s.tenant.id],
    );
    expect(entry.actor).toMatch(/leaver/);
    for (const table of ['exit_interviews', 'exit_interview_history', 'leaver_links'])
      expect((await db.query(`SELECT 1 FROM ${table} WHERE alumnus_id = $1`, [id])).length).toBe(0);
    expect((await b.request(link)).status).toBe(404);
    // The link e-mails to the person's addresses went with the record.
    const mails = await db.query(`SELECT 1 FROM mail_outbox WHERE recipient = 'misaki.private@yahoo.co.jp'`);
    expect(mails.length).toBe(0);
  });

  it('a rehire in SmartHR marks the record (never deletes it); a reconciliation re-detects company domains', async () => {
    await simCall('PATCH', `/crews/${kenjiCrew}`, { resigned_at: null, emp_status: 'employed' });
    const rejoined = await eventually(async () => {
      const r = await api('GET', `/api/v1/exit-interviews/${kenjiId}`, s.hr);
      return r.body.rejoinedAt ? r.body : null;
    }, 'the rehire');
    expect(rejoined.rejoinedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await api('GET', '/api/v1/registry/alumni/R100', s.hr)).status).toBe(200);
    expect(await auditActions()).toContain('registry.rejoined');

    await db.query(
      `UPDATE registry_stats SET corporate_email_domains = '{stale.example}' WHERE tenant_id = $1`,
      [s.tenant.id],
    );
    const run = await api('POST', '/api/v1/hris/connections/smarthr/reconcile', s.hr);
    expect(run.status).toBe(202);
    await eventually(async () => {
      const r = await api('GET', `/api/v1/hris/runs/${run.body.id}`, s.hr);
      return r.body.status === 'completed' ? true : null;
    }, 'the reconciliation');
    const [stats] = await db.query(
      'SELECT corporate_email_domains FROM registry_stats WHERE tenant_id = $1',
      [s.tenant.id],
    );
    expect(stats.corporate_email_domains).not.toContain('stale.example');

    // The runs page lists it, in both languages.
    const b = await signedIn(s.hr);
    for (const lang of ['ja', 'en']) {
      const page = await b.request(`${s.api.baseUrl}/console/hris?lang=${lang}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(lang === 'ja' ? '人事システム連携の実行履歴' : 'HR-system sync runs');
    }
    const registry = await b.request(`${s.api.baseUrl}/console/registry`);
    expect(registry.text).toContain('href="/console/hris"');
  });
});
