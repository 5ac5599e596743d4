// Loop "edit, dry-run, activate, re-evaluate" in a real browser (Debian's chromium via playwright-core) against the
// real stack (PostgreSQL, the Greenhouse simulator, the api): HR edits a rule in the policy form, sees the error at
// the field, saves a draft, reads the dry run, activates, dry-runs the re-evaluation of open applications and
// applies it. Every page is checked with axe-core and, in Japanese, for raw codes and missing texts.
import type { Browser, Page } from 'playwright-core';
import { http } from '../support/api-harness';
import { expectAccessible, launchChromium, shot, signedInPage } from '../support/browser-session';
import { Stack, startStack } from '../support/pipeline-stack';

jest.setTimeout(120_000);

const RAW_CODES = [
  'fast_tracked',
  'needs_hr_review',
  'ineligible',
  'flagged',
  'min_tenure_months',
  'not_eligible',
  'already_further',
  'draft',
  'active',
  'retired',
];

describe('eligibility policy form, dry run, activation and re-evaluation (greenhouse stack, browser)', () => {
  let s: Stack;
  let browser: Browser;
  let taroApp: string;

  /** No raw code and no missing text in the Japanese page (documents shown as code are left out). */
  async function expectJapaneseOnly(page: Page): Promise<void> {
    const text: string = await page.evaluate(() => {
      const body = (globalThis as any).document.body.cloneNode(true);
      body.querySelectorAll('pre, code, textarea, script, option').forEach((e: any) => e.remove());
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

  beforeAll(async () => {
    s = await startStack('greenhouse');
    browser = await launchChromium();
    taroApp = await s.apply({
      firstName: 'Taro',
      lastName: 'YAMADA',
      email: 'taro.yamada.88@gmail.com',
      phone: '+81 90 1111 2222',
    });
    await s.waitIdle();
    expect((await s.candidate(taroApp)).stage).toBe('二次面接');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('HR edits a rule, sees the field error, dry-runs, activates, then re-evaluates open applications', async () => {
    const { context, page, errors } = await signedInPage(browser, s.api.baseUrl, s.hr, { bypassCSP: true });

    // The form: each rule a labelled field with help text; the JSON is behind "advanced".
    await page.goto(`${s.api.baseUrl}/console/policies?lang=ja`);
    const form = page.locator('#policy-form');
    const tenure = form.getByLabel('最低在籍期間（月）', { exact: true });
    await expect(tenure.inputValue()).resolves.toBe('36');
    await expect(page.getByLabel('ポリシー文書（JSON）').isVisible()).resolves.toBe(false);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'policy-form');

    // A wrong value: the validator's message is shown at the field, linked to it.
    await tenure.fill('-5');
    await form.getByRole('button', { name: 'チェック' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('#minTenureMonths').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#minTenureMonths').getAttribute('aria-describedby')).resolves.toContain(
      'minTenureMonths-error',
    );
    await expect(page.locator('#minTenureMonths-error').isVisible()).resolves.toBe(true);
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'policy-form-field-error');

    // A scope override row, added and filled in the form (no JavaScript needed: the server adds the row).
    await page.locator('#policy-form').getByRole('button', { name: '個別設定の行を追加' }).click();
    await page.waitForLoadState('load');
    await page.locator('#ov-0-id').fill('managers');
    await page.locator('#ov-0-jobLevelPrefixes').fill('M');
    await page.locator('#ov-0-minTenureMonths').fill('240');
    await page.locator('#minTenureMonths').fill('200');
    await page.locator('#comment').fill('在籍 200 か月以上');
    await page.locator('#policy-form').getByRole('button', { name: '下書き保存してプレビュー' }).click();
    await page.waitForURL(/\/console\/policies\/2$/);
    const changed = Number(await page.getByTestId('dry-open-changed').textContent());
    expect(changed).toBe(1);
    await expect(
      page.getByRole('table', { name: /進行中の応募: 判定が変わる人/ }).textContent(),
    ).resolves.toContain('E1');
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 'policy-dry-run-before-activation');

    await page.getByRole('button', { name: 'このバージョンを有効にする' }).click();
    await page.waitForURL(/done=activated/);
    const active = await http(s.api.baseUrl, 'GET', '/api/v1/eligibility/policies/active', { token: s.hr });
    expect(active.body.version).toBe(2);
    expect(active.body.document.rules.minTenureMonths.months).toBe(200);
    expect(active.body.document.overrides).toEqual([
      { id: 'managers', scope: { jobLevelPrefixes: ['M'] }, rules: { minTenureMonths: { months: 240 } } },
    ]);

    // Re-evaluation, reached from the activated policy: the dry run first, then apply.
    await page.getByRole('link', { name: '進行中の応募を新しいポリシーで再評価' }).click();
    await page.waitForURL(/\/console\/re-evaluation/);
    await page.getByRole('button', { name: '試算を実行' }).click();
    await page.waitForURL(/\/console\/re-evaluation$/);
    await expect(page.getByTestId('reeval-changed').textContent()).resolves.toBe('1');
    const row = await page.getByRole('table', { name: '判定が変わる応募' }).textContent();
    expect(row).toContain('Taro');
    expect((await s.candidate(taroApp)).notes).toHaveLength(1); // nothing written by the dry run
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 're-evaluation-dry-run');

    await page.getByRole('button', { name: '再評価を適用' }).click();
    await page.waitForURL(/applied=1/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('再評価した応募: 1');
    await s.waitIdle();
    const c = await s.candidate(taroApp);
    expect(c.stage).toBe('二次面接'); // never moved back
    expect(c.notes).toHaveLength(2);
    expect(c.notes[1]).toContain('カムバック採用のファストトラック対象外です');
    await expectJapaneseOnly(page);
    await expectAccessible(page);
    await shot(page, 're-evaluation-applied');
    expect(errors).toEqual([]);
    await context.close();
  });
});
