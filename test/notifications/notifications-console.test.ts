// The notifications page in a real browser (Debian's chromium via playwright-core): a person's own choices,
// HR's channel settings (a refused URL shown at the form), both languages, axe-core without serious findings.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../support/browser-session';
import { startApi, type Harness, type TestTenant } from '../support/api-harness';

jest.setTimeout(180_000);
const SHOTS = join(__dirname, '../../test-artifacts/screenshots');

describe('notifications page in the console', () => {
  let api: Harness;
  let tenant: TestTenant;
  let browser: Browser;

  async function open(token: string, lang: 'ja' | 'en'): Promise<Page> {
    // bypassCSP only so the test can inject axe-core; the page's own CSP is unchanged.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/console/login?lang=${lang}`);
    await page.getByLabel(/アクセストークン|Access token/).fill(token);
    await page
      .locator('form', { has: page.getByLabel(/アクセストークン|Access token/) })
      .getByRole('button', { name: /ログイン|Sign in/ })
      .click();
    await page.waitForLoadState('load');
    await page.goto(`${api.baseUrl}/console/notifications?lang=${lang}`);
    return page;
  }

  async function axeSerious(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    // A string, evaluated in the page (where axe is a global): the test's own types know no `window`.
    const result: { violations: { id: string; impact: string | null }[] } = await page.evaluate('axe.run()');
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id);
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    api = await startApi({ ATS_ALLOWED_HOSTS: '127.0.0.1' });
    tenant = await api.tenant('acme-notify-ui');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('HR saves their own choices and the company channel (Japanese); a wrong URL is refused at the form', async () => {
    const page = await open(tenant.token('hr_admin', 'hana.hr@acme.example'), 'ja');
    await page.getByLabel('メールアドレス').fill('hana.hr@acme.example');
    await page.getByLabel('1 日 1 回のまとめ').check();
    await page.getByLabel('インポートが失敗したとき').first().uncheck();
    await page.getByRole('button', { name: '保存' }).first().click();
    await page.waitForLoadState('load');
    await expect(page.getByText('保存しました。').isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('1 日 1 回のまとめ').isChecked()).toBe(true);

    await page.getByLabel('Slack または Microsoft Teams のチャンネル').selectOption('slack');
    await page.getByLabel('Incoming Webhook の URL').fill('https://example.com/not-slack');
    await page.getByRole('button', { name: '保存' }).nth(1).click();
    await page.waitForLoadState('load');
    await expect(page.getByText('この Webhook URL は使えません', { exact: false }).isVisible()).resolves.toBe(
      true,
    );

    await page.getByLabel('Slack または Microsoft Teams のチャンネル').selectOption('teams');
    await page
      .getByLabel('Incoming Webhook の URL')
      .fill('https://prod-12.japaneast.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=x');
    await page.locator('#chatEvents-review_overdue').check();
    await page.getByRole('button', { name: '保存' }).nth(1).click();
    await page.waitForLoadState('load');
    await expect(page.getByText('Webhook URL は保存済みです。').isVisible()).resolves.toBe(true);
    // The saved URL is never shown again.
    expect(await page.content()).not.toContain('logic.azure.com/workflows');
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'notifications-hr-ja.png'), fullPage: true });
  });

  it('a recruiter sees only their own form, with the events their role may choose (English)', async () => {
    const page = await open(tenant.token('recruiter', 'rio.rec@acme.example'), 'en');
    expect(await page.getByText('For the whole company (HR)').count()).toBe(0);
    expect(await page.getByText('An offer check fails').count()).toBe(0);
    await page.getByLabel('E-mail address').fill('rio.rec@acme.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState('load');
    await expect(page.getByText('Saved.').isVisible()).resolves.toBe(true);
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'notifications-recruiter-en.png'), fullPage: true });
  });
});
