// HR's pay loops in a real browser (Debian's chromium via playwright-core) against the real stack (PostgreSQL, the
// Greenhouse simulator, the api): pay-data imports with their row/column report, the offer proposal, HR's decision
// (who and why), the hiring manager's figure-free view, the fairness policy editor with its dry run, hiring-manager
// assignments, SSO settings and machine tokens. Every page is checked with axe-core and, in Japanese, for raw codes.
import type { Browser, Page } from 'playwright-core';
import { PeopleService } from '@comeback/people';
import { http } from '../support/api-harness';
import { expectAccessible, launchChromium, shot, signedInPage } from '../support/browser-session';
import { Stack, startStack } from '../support/pipeline-stack';
import { incumbents, toCsv } from '../compensation/compensation-fixtures';

jest.setTimeout(90_000);

/** Codes that must never reach a Japanese page as text. */
const RAW_CODES = [
  'what_if',
  'ats_offer',
  'outside_band',
  'returnee_penalty',
  'premium_over_incumbents',
  'invalid_amount',
  'market_median',
  'manual',
  'approvalPending',
  'fpHelp',
];
const BENCH_HEADER = 'job_family,job_level,location,currency,p10,p25,p50,p75,p90,source,effective_date';

describe('pay loops in the console (greenhouse stack, browser)', () => {
  let s: Stack;
  let browser: Browser;
  let taroApp: string;
  let jobId: string;
  let hmToken: string;
  let hmSubject: string;

  /** A signed-in page; bypassCSP only so that axe-core can be injected (the CSP is asserted by console-browser). */
  const newPage = (token: string) => signedInPage(browser, s.api.baseUrl, token, { bypassCSP: true });

  /**
   * The Japanese page's text: no raw code, no missing key. Code, documents and source texts marked as English
   * (`lang="en"`: the domain's factor and reason details, shown beside their Japanese label) are left out.
   */
  async function expectJapaneseOnly(page: Page): Promise<void> {
    const text: string = await page.evaluate(() => {
      const body = (globalThis as any).document.body.cloneNode(true);
      body.querySelectorAll('pre, code, textarea, script, [lang="en"]').forEach((e: any) => e.remove());
      return body.textContent as string;
    });
    for (const code of RAW_CODES)
      expect({ url: page.url(), code, shown: new RegExp(`\\b${code}\\b`).test(text) }).toEqual({
        url: page.url(),
        code,
        shown: false,
      });
    expect(text).not.toMatch(/\bundefined\b|\bnull\b|\[object Object\]/);
  }

  async function upload(page: Page, kind: string, name: string, csv: string, date?: string): Promise<void> {
    const form = page.locator(`form[action="/console/pay-data/${kind}"]`);
    await form.locator('input[type="file"]').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    if (date) await form.locator('input[name="effectiveDate"]').fill(date);
    await form.getByRole('button', { name: '取り込む' }).click();
    await page.waitForLoadState('load');
  }

  beforeAll(async () => {
    s = await startStack('greenhouse');
    browser = await launchChromium();
    taroApp = await s.apply({
      firstName: 'Taro',
      lastName: 'YAMADA',
      email: 'taro.yamada.88+jobs@gmail.com',
      phone: '+81 90 1111 2222',
      tags: ['Referral'],
    });
    await s.waitIdle();
    const apps = await http(s.api.baseUrl, 'GET', '/api/v1/applications', { token: s.hr });
    jobId = apps.body.find((a: any) => a.applicationId === taroApp).jobId;
    expect(
      (
        await http(s.api.baseUrl, 'PUT', `/api/v1/jobs/greenhouse/${jobId}/pay-target`, {
          token: s.hr,
          json: { jobFamily: 'engineering', jobLevel: 'G3', location: 'Tokyo' },
        })
      ).status,
    ).toBe(200);
    // A hiring manager who is a person of the tenant (assigned by hand in the console below).
    const people = s.api.app.get(PeopleService);
    const { invitation } = await people.invite(
      { tenantId: s.tenant.id, role: 'hr_admin', name: 'setup' },
      { email: 'kenji.hm@example.co.jp', displayName: '田中 健司', role: 'hiring_manager', language: 'ja' },
    );
    const hm = await people.acceptInvitation(invitation, { password: 'hiring manager password 1' });
    hmSubject = hm!.id;
    hmToken = s.tenant.token('hiring_manager', hmSubject);
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('HR imports pay data: a bad file shows each problem with row and column and writes nothing; good files import', async () => {
    const { context, page, errors } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/pay-data`);
    const bad = [
      BENCH_HEADER,
      'engineering,G3,Tokyo,JPY,5000000,5600000,6300000,7000000,7800000,survey,2026-01-01',
      'engineering,G4,Tokyo,JPY,5500000,6100000,abc,7600000,8400000,survey,2026-01-01',
    ].join('\n');
    await upload(page, 'benchmarks', 'bench-bad.csv', bad);
    const report = page.getByTestId('pay-import-report');
    await expect(report.getByRole('alert').textContent()).resolves.toContain('何も書き込まれていません');
    const problems = report.getByRole('table', { name: '問題' });
    await expect(problems.getByRole('row').nth(1).textContent()).resolves.toMatch(
      /^\s*3\s*p50\s*金額として正しくありません/,
    );
    await expect(page.getByTestId('pay-counts').textContent()).resolves.toMatch(/市場水準\s*0/);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'pay-data-import-errors');

    await upload(page, 'benchmarks', 'bench.csv', bad.split('\n').slice(0, 2).join('\n') + '\n');
    await expect(page.getByTestId('pay-import-report').getByRole('status').textContent()).resolves.toContain(
      '取り込みました',
    );
    await upload(
      page,
      'bands',
      'bands.csv',
      'job_family,job_level,location,min,mid,max\nengineering,G3,Tokyo,5000000,6300000,7800000\n',
      '2026-01-01',
    );
    await upload(page, 'incumbents', 'pay.csv', toCsv(incumbents(40, { seed: 7 }) as any), '2026-01-01');
    await expect(page.getByTestId('pay-counts').textContent()).resolves.toMatch(
      /市場水準\s*1\s*給与レンジ\s*1\s*スナップショット\s*2026-01-01 \(40\)/,
    );
    await shot(page, 'pay-data-imported');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR proposes an offer from the market (with its factors), checks an amount and declines it with a reason', async () => {
    const { context, page, errors } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/offers/greenhouse/${taroApp}`);
    await page.getByLabel('離職中に得た関連経験（年）').fill('2');
    await page.getByRole('button', { name: '提案する' }).click();
    await page.waitForURL(/done=proposed$/);
    const factors = page.getByRole('table', { name: '提案額の内訳' });
    await expect(factors.textContent()).resolves.toMatch(/市場中央値[\s\S]*離職中の経験/);
    await expect(page.getByTestId('fairness-chart').locator('svg[role="img"]').count()).resolves.toBe(1);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'offer-proposal');

    // Above the band's maximum: a failing check that needs HR's decision.
    await page.getByLabel('金額 (JPY)').fill('9000000');
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await page.waitForLoadState('load');
    await expect(page.getByTestId('latest-decision').textContent()).resolves.toBe('人事の承認が必要');
    await expect(page.locator('main').textContent()).resolves.toContain('給与レンジの範囲外');
    await page.getByLabel('理由（判断とともに監査ログに記録します）').fill('レンジ上限を超えるため見送り');
    await page.getByRole('button', { name: 'このオファーを見送る' }).click();
    await page.waitForURL(/done=decided$/);
    const decision = page.getByTestId('offer-decision');
    await expect(decision.textContent()).resolves.toMatch(/人事が見送り[\s\S]*レンジ上限を超えるため見送り/);
    await expect(page.getByTestId('latest-decision').textContent()).resolves.toBe('人事が見送り');
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'offer-declined');
    // The decision is HR's and audited with who made it.
    const audit = await http(
      s.api.baseUrl,
      'GET',
      '/api/v1/offers/applications/greenhouse/' + taroApp + '/checks',
      {
        token: s.hr,
      },
    );
    expect(audit.body[0]).toMatchObject({
      amount: 9_000_000,
      result: 'fail',
      approvalRequired: false,
      approval: { approved: false, declined: true, reason: 'レンジ上限を超えるため見送り' },
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR assigns the hiring manager by hand; removal is remembered; the sync from the ATS keeps the hand edits', async () => {
    const { context, page, errors } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/assignments?ats=greenhouse&jobId=${encodeURIComponent(jobId)}`);
    await page.getByLabel('人', { exact: true }).selectOption(hmSubject);
    await page.getByRole('button', { name: '採用マネージャーを追加' }).click();
    await page.waitForURL(/done=saved$/);
    const assigned = page.getByRole('table', { name: '割り当て済みの採用マネージャー' });
    await expect(assigned.textContent()).resolves.toMatch(/田中 健司[\s\S]*手で追加/);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'assignments');
    expect(
      (await http(s.api.baseUrl, 'GET', `/api/v1/jobs/greenhouse/${jobId}/assignments`, { token: s.hr })).body
        .userSubjects,
    ).toContain(hmSubject);
    context.setDefaultTimeout(20_000);
    await page.getByRole('button', { name: 'ATS から採用チームを今読む' }).click();
    await page.waitForURL(/done=synced$/);
    await expect(assigned.textContent()).resolves.toContain('田中 健司');
    // Removed by hand: listed as such, and a sync does not bring them back.
    await page.getByRole('button', { name: /外す 田中 健司/ }).click();
    await page.waitForURL(/done=saved$/);
    await expect(page.locator('main').textContent()).resolves.toMatch(
      /手で外した人（同期で戻しません）\s*田中 健司/,
    );
    await page.getByRole('button', { name: 'ATS から採用チームを今読む' }).click();
    await page.waitForURL(/done=synced$/);
    const details = await http(s.api.baseUrl, 'GET', `/api/v1/jobs/greenhouse/${jobId}/assignments`, {
      token: s.hr,
    });
    expect(details.body.userSubjects).not.toContain(hmSubject);
    expect(details.body.removedByHand).toContain(hmSubject);
    // Added back by hand for the hiring manager's view below.
    await page.getByLabel('人', { exact: true }).selectOption(hmSubject);
    await page.getByRole('button', { name: '採用マネージャーを追加' }).click();
    await page.waitForURL(/done=saved$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the hiring manager sees the outcome and HR’s decision without any figure; pay pages are closed to them', async () => {
    const { context, page, errors } = await newPage(hmToken);
    await page.goto(`${s.api.baseUrl}/console/briefings/greenhouse/${taroApp}`);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('人事が見送り');
    expect(main).not.toMatch(/9,?000,?000|900万|6,?200,?000|620万|P10|P90|6,?300,?000/);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'hm-briefing-offer-outcome');
    for (const path of ['/console/offers', `/console/offers/greenhouse/${taroApp}`, '/console/pay-data']) {
      const res = await page.goto(`${s.api.baseUrl}${path}`);
      expect({ path, status: res?.status() }).toEqual({ path, status: 403 });
    }
    expect(errors).toEqual([]);
    await context.close();
    // A recruiter neither.
    const r = await newPage(s.recruiter);
    for (const path of [
      '/console/offers',
      '/console/fairness-policy',
      '/console/assignments',
      '/console/tokens',
    ]) {
      const res = await r.page.goto(`${s.api.baseUrl}${path}`);
      expect({ path, status: res?.status() }).toEqual({ path, status: 403 });
    }
    await r.context.close();
  });

  it('HR edits the fairness policy in fields: an error at its field, a draft, the dry run, then activation', async () => {
    const { context, page, errors } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/fairness-policy`);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'fairness-policy-form');
    const minCohort = page.getByLabel('統計を表示する最小人数');
    await minCohort.fill('2');
    await page.getByRole('button', { name: '保存せずに確認' }).click();
    await page.waitForLoadState('load');
    await expect(page.getByLabel('統計を表示する最小人数').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expect(page.locator('#privacy_minCohort-error').textContent()).resolves.toMatch(/5/);
    await expectAccessible(page);
    await shot(page, 'fairness-policy-field-error');

    await page.getByLabel('統計を表示する最小人数').fill('5');
    // Outside the band becomes a warning instead of a failure.
    await page.locator('#checks_outsideBand_severity').selectOption('warn');
    await page.getByLabel('コメント').fill('レンジ外は注意に');
    await page.getByRole('button', { name: '下書きとして保存' }).click();
    await page.waitForURL(/\/console\/fairness-policy\/\d+$/);
    await expect(page.getByTestId('activate-after-dry-run').count()).resolves.toBe(1);
    await page.getByRole('button', { name: '試算する' }).click();
    await page.waitForURL(/\/console\/fairness-policy\/\d+$/);
    await expect(page.getByTestId('fdry-open').textContent()).resolves.toBe('1');
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'fairness-policy-dry-run');
    await page.getByRole('button', { name: 'この版を有効にする' }).click();
    await page.waitForURL(/done=activated$/);
    const active = await http(s.api.baseUrl, 'GET', '/api/v1/offers/fairness-policies/active', {
      token: s.hr,
    });
    expect(active.body.document.checks.outsideBand.severity).toBe('warn');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR creates a machine token (shown once), revokes it, and sees the SSO page with the redirect URI', async () => {
    const { context, page, errors } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/tokens`);
    await page.getByLabel('名前').fill('ats-sync');
    await page.getByRole('button', { name: 'トークンを作成' }).click();
    await page.waitForLoadState('load');
    const token = await page.getByRole('textbox', { name: '新しいトークン' }).inputValue();
    expect(token.split('.')).toHaveLength(3);
    expect((await http(s.api.baseUrl, 'GET', '/api/v1/applications', { token })).status).not.toBe(401);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'tokens-created');
    await page.goto(`${s.api.baseUrl}/console/tokens`);
    expect(await page.content()).not.toContain(token);
    await page.getByRole('button', { name: /失効させる ats-sync/ }).click();
    await page.waitForURL(/done=revoked$/);
    await expect(page.getByRole('table', { name: 'マシントークン' }).textContent()).resolves.toContain(
      '失効',
    );
    expect((await http(s.api.baseUrl, 'GET', '/api/v1/applications', { token })).status).toBe(401);

    await page.goto(`${s.api.baseUrl}/console/sso`);
    await expect(page.getByTestId('sso-redirect-uri').textContent()).resolves.toBe(
      `${s.api.baseUrl}/console/sso/callback`,
    );
    await expect(page.getByTestId('sso-status').textContent()).resolves.toBe(
      'シングルサインオンは設定されていません。',
    );
    await expect(page.getByLabel(/email_verified/).isChecked()).resolves.toBe(false);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'sso-settings');
    expect(errors).toEqual([]);
    await context.close();
  });
});
