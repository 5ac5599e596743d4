// The daily loops in a real browser (Debian's chromium via playwright-core) against the real stack: PostgreSQL,
// the ATS simulator (Greenhouse) and the api. HR resolves "HR review needed" (approve from the queue, decline from
// the application page) and undoes a wrong match; each role's home page shows what waits; every page is checked
// with axe-core and, in Japanese, for raw status codes and untranslated English summaries.
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { csvUpload, http } from '../support/api-harness';
import { expectAccessible, launchChromium, shot, signedInPage } from '../support/browser-session';
import { REGISTRY_HEADER, Stack, startStack } from '../support/pipeline-stack';

jest.setTimeout(90_000);

/** Codes that must never reach a page as text: application outcomes, review and policy statuses. */
const RAW_CODES = [
  'not_alumni',
  'in_review',
  'review_rejected',
  'flagged',
  'fast_tracked',
  'ineligible',
  'needs_hr_review',
  'hr_review',
  'hr_declined',
  'match_undone',
];
/** English recruiter summaries (the domain's fixed phrases) that a Japanese page must show translated. */
const ENGLISH_SUMMARIES = [
  'Former employee —',
  'HR review needed',
  'not eligible for the returnee fast track',
  'Not a former employee',
];
const SENSITIVE = [
  'voluntary_career',
  'disciplinary_dismissal',
  '懲戒解雇',
  '6200000',
  '6,200,000',
  '1988-05-12',
];

describe('daily loops in the console (greenhouse stack, browser)', () => {
  let s: Stack;
  let browser: Browser;
  let db: DataSource;
  let hmToken: string;
  let taroApp: string;
  let keiApp: string;
  let minaApp: string;
  let ichiroApp: string;
  let jobId: string;

  /** A signed-in page; bypassCSP only so that axe-core can be injected (the CSP is asserted by console-browser). */
  const newPage = (token: string) => signedInPage(browser, s.api.baseUrl, token, { bypassCSP: true });

  /**
   * The Japanese page's text: no raw status code, no English summary, no "undefined" from a missing key. Code
   * and documents shown as such (the policy's JSON, identifiers in <code>) are what they are and left out.
   */
  async function expectJapaneseOnly(page: Page): Promise<void> {
    const text: string = await page.evaluate(() => {
      const body = (globalThis as any).document.body.cloneNode(true);
      body.querySelectorAll('pre, code, textarea, script').forEach((e: any) => e.remove());
      return body.textContent as string;
    });
    for (const code of RAW_CODES)
      expect({ url: page.url(), code, shown: new RegExp(`\\b${code}\\b`).test(text) }).toEqual({
        url: page.url(),
        code,
        shown: false,
      });
    for (const en of ENGLISH_SUMMARIES)
      expect({ url: page.url(), en, shown: text.includes(en) }).toEqual({
        url: page.url(),
        en,
        shown: false,
      });
    expect(text).not.toMatch(/\bundefined\b|\bnull\b/);
  }

  beforeAll(async () => {
    s = await startStack('greenhouse');
    db = s.api.app.get(DataSource);
    browser = await launchChromium();
    // Two former employees whose manager left no rehire recommendation: the default policy asks HR to look.
    const extra = [
      REGISTRY_HEADER,
      'E7,森,恵,モリ,ケイ,,1987-07-07,kei.mori.87@gmail.com,090-7777-0007,2010-04-01,2022-09-30,voluntary_career,,研究開発部,主任,G3,,,,false',
      'E8,川口,美奈,カワグチ,ミナ,,1989-08-08,mina.kawaguchi89@gmail.com,090-8888-0008,2011-04-01,2023-03-31,voluntary_career,,営業部,主任,G2,,,,false',
    ].join('\n');
    const imported = await http(s.api.baseUrl, 'POST', '/api/v1/registry/imports', {
      token: s.hr,
      body: csvUpload(extra + '\n'),
    });
    expect(imported.status).toBe(201);
    taroApp = await s.apply({
      firstName: 'Taro',
      lastName: 'YAMADA',
      email: 'taro.yamada.88+jobs@gmail.com',
      phone: '+81 90 1111 2222',
      tags: ['Referral'],
    });
    keiApp = await s.apply({ firstName: '恵', lastName: '森', email: 'kei.mori.87@gmail.com' });
    minaApp = await s.apply({ firstName: '美奈', lastName: '川口', email: 'mina.kawaguchi89@gmail.com' });
    ichiroApp = await s.apply({
      firstName: '一郎',
      lastName: '鈴木',
      email: 'ichiro.suzuki80@yahoo.co.jp',
      phone: '08033334444',
    });
    await s.waitIdle();
    const apps = await http(s.api.baseUrl, 'GET', '/api/v1/applications', { token: s.hr });
    const outcome = (id: string) => apps.body.find((a: any) => a.applicationId === id)?.outcome;
    expect([outcome(taroApp), outcome(keiApp), outcome(minaApp), outcome(ichiroApp)]).toEqual([
      'fast_tracked',
      'needs_hr_review',
      'needs_hr_review',
      'ineligible',
    ]);
    jobId = apps.body.find((a: any) => a.applicationId === taroApp).jobId;
    hmToken = s.tenant.token('hiring_manager', 'hm-1');
    await http(s.api.baseUrl, 'PUT', `/api/v1/jobs/greenhouse/${jobId}/assignments`, {
      token: s.hr,
      json: { userSubjects: ['hm-1'] },
    });
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('HR lands on a home page that lists what waits: two HR reviews', async () => {
    const { context, page, errors } = await newPage(s.hr);
    expect(new URL(page.url()).pathname).toBe('/console/home');
    await expect(page.getByTestId('wait-waitHrReviews').textContent()).resolves.toMatch(
      /^\s*2\s+人事確認待ちの応募/,
    );
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'loops-hr-home');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR approves from the queue: the pipeline continues and moves the application in the ATS', async () => {
    const { context, page, errors } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/hr-reviews`);
    const table = page.getByRole('table', { name: '人事確認が必要な応募' });
    await expect(table.getByRole('row').count()).resolves.toBe(3);
    await expect(table.textContent()).resolves.toContain('rehire');
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'loops-hr-review-queue');
    const row = table.getByRole('row').filter({ hasText: '森 恵' });
    await row.getByLabel('理由（監査ログにのみ記録し、ATS には送りません）').first().fill('前上長に確認済み');
    await row.getByRole('button', { name: /ファストトラックを承認する/ }).click();
    await page.waitForURL(/\/console\/hr-reviews\?done=approved$/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('承認しました');
    await expect(page.getByRole('table').getByRole('row').count()).resolves.toBe(2);

    const c = await s.candidate(keiApp);
    expect(c.stage).toBe('二次面接');
    expect(c.tags).toEqual(expect.arrayContaining(['Alumni', 'Alumni_fast-track']));
    expect(c.notes).toHaveLength(2); // the "HR review needed" note, then the approval
    expect(c.notes[1]).toContain('人事が確認し、カムバック採用のファストトラックを承認しました（full）');
    expect(c.notes[1]).not.toContain('前上長'); // HR's reason stays in the audit log
    const audit = await db.query(
      `SELECT actor_role, details FROM audit_entries WHERE tenant_id = $1 AND action = 'application.hr_approved'`,
      [s.tenant.id],
    );
    expect(audit).toEqual([
      {
        actor_role: 'hr_admin',
        details: expect.objectContaining({ comment: '前上長に確認済み', tier: 'full' }),
      },
    ]);
    // Deciding again is refused, by the API as by the console.
    const again = await http(
      s.api.baseUrl,
      'POST',
      `/api/v1/applications/greenhouse/${keiApp}/hr-review/approve`,
      { token: s.hr, json: {} },
    );
    expect(again.status).toBe(409);
    // A replayed creation webhook does not move or note it again.
    await s.refire(keiApp);
    await s.waitIdle();
    expect((await s.candidate(keiApp)).notes).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR declines from the application page: a neutral note in the ATS, the stage left alone', async () => {
    const { context, page, errors } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/applications/greenhouse/${minaApp}`);
    await expect(page.getByRole('heading', { name: '人事確認が必要な応募' }).count()).resolves.toBe(1);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'loops-hr-application-review');
    await page.locator('#decline-comment-app').fill('在籍中の評価を確認したい');
    await page.getByRole('button', { name: /ファストトラックを見送る/ }).click();
    await page.waitForURL(/done=declined$/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('見送りました');
    await expect(page.locator('main .badge').first().textContent()).resolves.toBe('人事が見送り');
    const c = await s.candidate(minaApp);
    expect(c.stage).toBe('書類選考');
    expect(c.notes).toHaveLength(2);
    expect(c.notes[1]).toContain('ファストトラック対象外です。通常の選考を続けてください');
    expect(c.notes[1]).not.toContain('評価');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR undoes a wrong match: our tags come off (the recruiter’s stay), a note, the pair never matches again', async () => {
    const { context, page, errors } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/applications/greenhouse/${taroApp}?lang=en`);
    await expect(page.getByText('E1', { exact: true }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.getByLabel('Reason (kept in the audit log, never sent to the ATS)').fill('Different person');
    await page.getByRole('button', { name: 'Not a returnee: undo the match' }).click();
    await page.waitForURL(/done=undone$/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('The match was undone');
    await expect(page.locator('main .badge').first().textContent()).resolves.toBe('Match undone');
    await shot(page, 'loops-hr-match-undone');
    const c = await s.candidate(taroApp);
    expect(c.tags).toEqual(['Referral']);
    expect(c.notes.at(-1)).toContain('元社員ではないと判断しました');
    const rejected = await db.query(
      `SELECT employee_number FROM match_rejections WHERE tenant_id = $1 AND ats = 'greenhouse'`,
      [s.tenant.id],
    );
    expect(rejected.map((r: any) => r.employee_number)).toContain('E1');
    // The same application announced again is not matched again.
    await s.refire(taroApp);
    await s.waitIdle();
    const after = await http(s.api.baseUrl, 'GET', `/api/v1/applications/greenhouse/${taroApp}`, {
      token: s.hr,
    });
    expect(after.body).toMatchObject({ outcome: 'match_undone', employeeNumber: null });
    expect((await s.candidate(taroApp)).tags).toEqual(['Referral']);
    // Undoing again: nothing is matched any more.
    const twice = await http(
      s.api.baseUrl,
      'POST',
      `/api/v1/applications/greenhouse/${taroApp}/not-returnee`,
      { token: s.hr, json: {} },
    );
    expect(twice.status).toBe(409);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a recruiter’s home and application pages: translated, accessible, no decisions and no sensitive field', async () => {
    const { context, page, errors } = await newPage(s.recruiter);
    expect(new URL(page.url()).pathname).toBe('/console/home');
    await expect(page.getByTestId('wait-waitFlagged').count()).resolves.toBe(1);
    await expectAccessible(page);
    await shot(page, 'loops-recruiter-home');
    for (const path of [
      '/console/home',
      '/console/applications',
      '/console/review',
      `/console/applications/greenhouse/${keiApp}`,
      `/console/applications/greenhouse/${ichiroApp}`,
    ]) {
      await page.goto(`${s.api.baseUrl}${path}?lang=ja`);
      await expectJapaneseOnly(page);
      const html = await page.content();
      for (const token of SENSITIVE)
        expect({ path, token, has: html.includes(token) }).toEqual({ path, token, has: false });
      await expect(
        page.locator('form[action*="hr-review"], form[action*="not-returnee"]').count(),
      ).resolves.toBe(0);
    }
    await page.goto(`${s.api.baseUrl}/console/applications/greenhouse/${ichiroApp}?lang=ja`);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'カムバック採用のファストトラック対象外です',
    );
    await expect(page.getByText('E2', { exact: true }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await shot(page, 'loops-recruiter-application');
    expect((await page.goto(`${s.api.baseUrl}/console/hr-reviews`))?.status()).toBe(403);
    const api = await http(s.api.baseUrl, 'POST', `/api/v1/applications/greenhouse/${minaApp}/not-returnee`, {
      token: s.recruiter,
      json: {},
    });
    expect(api.status).toBe(403);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a hiring manager’s home page shows the returnees on their jobs', async () => {
    const { context, page, errors } = await newPage(hmToken);
    expect(new URL(page.url()).pathname).toBe('/console/home');
    await expect(page.getByTestId('wait-waitBriefings').textContent()).resolves.toMatch(/^\s*\d+\s+担当求人/);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'loops-hm-home');
    expect((await page.goto(`${s.api.baseUrl}/console/applications/greenhouse/${keiApp}`))?.status()).toBe(
      403,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR saves the ATS connection (secrets never shown back), checks it item by item and backfills with progress', async () => {
    const { context, page, errors } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/ats`);
    const gh = page.getByRole('region', { name: 'Greenhouse' });
    await expect(gh.getByText('接続済み').count()).resolves.toBe(1);
    let html = await page.content();
    expect(html).not.toContain('e2e-client-secret');
    expect(html).not.toContain('e2e-webhook-secret');
    await expect(gh.getByLabel('クライアントシークレット').inputValue()).resolves.toBe('');
    await gh.getByLabel('クライアントシークレット').fill('e2e-client-secret');
    await gh.getByLabel('Webhook シークレット').fill('e2e-webhook-secret-0123456789');
    await gh.getByRole('button', { name: /保存/ }).click();
    await page.waitForURL(/\/console\/ats\?done=saved$/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('接続を保存しました');
    html = await page.content();
    expect(html).not.toContain('e2e-client-secret');

    await page
      .getByRole('region', { name: 'Greenhouse' })
      .getByRole('button', { name: /接続を確認する/ })
      .click();
    await page.getByTestId('check-result').waitFor();
    const rows = page.getByTestId('check-result').getByRole('row');
    await expect(rows.count()).resolves.toBe(6);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/認証情報（トークン）\s*問題なし/);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'loops-hr-ats-check');

    await page.goto(`${s.api.baseUrl}/console/ats`);
    await page
      .getByRole('region', { name: 'Greenhouse' })
      .getByRole('button', { name: /進行中の応募を取り込む/ })
      .click();
    await page.waitForURL(/\/console\/backfills\/[0-9a-f-]{36}$/);
    // The page reloads itself while the run goes on; it ends completed with every open application queued.
    await page.locator('[data-testid="backfill"] .badge.completed').waitFor({ timeout: 30_000 });
    expect(Number(await page.getByTestId('backfill-queued').textContent())).toBeGreaterThanOrEqual(4);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'loops-hr-backfill');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a backfill the ATS refuses stops with the reason, and resumes from where it stopped once fixed', async () => {
    const simConfig = (greenhouse: unknown) =>
      fetch(`${s.sim.url}/_sim/config`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ greenhouse }),
      });
    expect((await simConfig({ deniedScopes: ['harvest:applications:list'] })).ok).toBe(true);
    const { context, page, errors } = await newPage(s.hr);
    try {
      await page.goto(`${s.api.baseUrl}/console/ats?lang=en`);
      await page
        .getByRole('region', { name: 'Greenhouse' })
        .getByRole('button', { name: /Backfill open applications/ })
        .click();
      await page.waitForURL(/\/console\/backfills\/[0-9a-f-]{36}$/);
      await page.locator('[data-testid="backfill"] .badge.failed').waitFor({ timeout: 30_000 });
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Stopped: .*403/);
      await expectAccessible(page);
      await shot(page, 'loops-hr-backfill-failed');
    } finally {
      await simConfig({ deniedScopes: [] });
    }
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.locator('[data-testid="backfill"] .badge.completed').waitFor({ timeout: 30_000 });
    expect(Number(await page.getByTestId('backfill-queued').textContent())).toBeGreaterThanOrEqual(4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR edits the matching thresholds and the language of the ATS notes', async () => {
    const { context, page, errors } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/settings?lang=ja`);
    await expect(page.getByLabel('自動照合とするスコア').inputValue()).resolves.toBe('8');
    // By default the review threshold follows the review budget (5% of applicants).
    await expect(page.getByLabel('確認待ちの上限に合わせて自動調整').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('応募のうち確認待ちとする上限（%）').inputValue()).resolves.toBe('5');
    await page.getByLabel('固定のスコア').check();
    await page.getByLabel('確認待ちとするスコア').fill('9');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      '確認待ちのスコアは自動照合のスコアより小さくしてください。',
    );
    await expect(page.getByLabel('確認待ちとするスコア').inputValue()).resolves.toBe('9');
    await page.getByLabel('自動照合とするスコア').fill('9');
    await page.getByLabel('確認待ちとするスコア').fill('3');
    await page.getByLabel('ATS に書き込むメモの言語').selectOption('en');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/done=saved$/);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'loops-hr-settings');
    const t = await db.query(`SELECT settings FROM tenants WHERE id = $1`, [s.tenant.id]);
    expect(t[0].settings).toMatchObject({
      matchThresholds: { match: 9, review: 3, maxReviewShare: 0.05 },
      language: 'en',
    });
    // Back to the budget, a smaller one: the fixed score is gone, so the threshold follows the budget again.
    await expect(page.getByLabel('固定のスコア').isChecked()).resolves.toBe(true);
    await page.getByLabel('確認待ちの上限に合わせて自動調整').check();
    await page.getByLabel('応募のうち確認待ちとする上限（%）').fill('3');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/done=saved$/);
    const after = await db.query(`SELECT settings FROM tenants WHERE id = $1`, [s.tenant.id]);
    expect(after[0].settings.matchThresholds).toEqual({ match: 9, maxReviewShare: 0.03 });
    await expect(page.getByLabel('応募のうち確認待ちとする上限（%）').inputValue()).resolves.toBe('3');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('every HR console page in Japanese: no raw status code, no English summary, no missing text; accessible', async () => {
    const { context, page, errors } = await newPage(s.hr);
    const paths = [
      '/console/home',
      '/console/hr-reviews',
      '/console/ats',
      '/console/settings',
      '/console/applications',
      `/console/applications/greenhouse/${keiApp}`,
      `/console/applications/greenhouse/${minaApp}`,
      `/console/applications/greenhouse/${taroApp}`,
      '/console/review',
      '/console/registry',
      '/console/policies',
      '/console/policies/1',
      '/console/stage-mappings',
      '/console/offers',
      '/console/briefings',
      `/console/briefings/greenhouse/${keiApp}`,
      '/console/change-log',
    ];
    for (const path of paths) {
      const res = await page.goto(`${s.api.baseUrl}${path}?lang=ja`);
      expect({ path, status: res?.status() }).toEqual({ path, status: 200 });
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja');
      await expectJapaneseOnly(page);
      await expectAccessible(page);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
