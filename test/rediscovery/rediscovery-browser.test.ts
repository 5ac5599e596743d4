// The rediscovery pages in a real browser (Debian's chromium via playwright-core) against the real stack, each
// checked with axe-core: the open jobs, one job's ranked former employees (reasons in Japanese, nothing
// sensitive), HR's invitation form, and the public page the invitation link opens.
import { readFileSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../support/browser-session';
import { DataSource } from 'typeorm';
import { JOB_STAGES, Stack, startStack } from '../support/pipeline-stack';

jest.setTimeout(90_000);

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SENSITIVE = ['voluntary_career', 'disciplinary', '懲戒', '6200000', '1988-05-12'];

describe('rediscovery in the console (greenhouse stack, browser)', () => {
  let s: Stack;
  let browser: Browser;
  let jobId: string;

  async function expectAccessible(page: Page): Promise<void> {
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(async () => {
      const g = globalThis as any;
      const r = await g.axe.run(g.document, { resultTypes: ['violations'] });
      return r.violations
        .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
        .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
    });
    expect({ url: page.url(), violations: result }).toEqual({ url: page.url(), violations: [] });
  }

  beforeAll(async () => {
    s = await startStack('greenhouse');
    const r = await fetch(`${s.sim.url}/_sim/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        company: 'e2e',
        greenhouse: {
          clientId: 'e2e-client',
          clientSecret: 'e2e-client-secret',
          jobs: [{ name: '研究開発エンジニア', stages: JOB_STAGES, department: '研究開発部', level: 'G3' }],
        },
      }),
    });
    jobId = String(((await r.json()) as any).greenhouse.jobs[0].id);
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('HR finds the job, reads the ranked list in Japanese, invites, and the link page is accessible', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${s.api.baseUrl}/console/login`);
    await page.getByLabel(/アクセストークン/).fill(s.hr);
    await page
      .locator('form', { has: page.getByLabel(/アクセストークン/) })
      .getByRole('button', { name: /ログイン/ })
      .click();
    await page.waitForLoadState('load');

    await page.getByRole('link', { name: 'アルムナイ発掘' }).first().click();
    expect(await page.locator('h1').textContent()).toContain('アルムナイ発掘');
    await expectAccessible(page);

    await page.getByRole('link', { name: /離職者を表示 研究開発エンジニア/ }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toContain(`/console/rediscovery/greenhouse/${jobId}`);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('山田 太郎');
    expect(text).toContain('同じ部署（研究開発部）');
    for (const v of SENSITIVE) expect({ v, shown: text.includes(v) }).toEqual({ v, shown: false });
    await expectAccessible(page);

    const row = page.locator('tr', { hasText: '山田 太郎' });
    await row.getByLabel(/メッセージ/).fill('また一緒に働きませんか。');
    await row.getByRole('button', { name: /招待を送る/ }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('[role=status]').textContent()).toContain('招待を送りました');
    expect(await page.locator('tr', { hasText: '山田 太郎' }).textContent()).toContain('招待済み');
    await expectAccessible(page);

    // The mail went to the outbox (no SMTP here); its link opens our public page.
    const db = s.api.app.get(DataSource);
    const [mail] = await db.query(
      `SELECT text_body FROM mail_outbox WHERE tenant_id = $1 AND kind = 'alumni_invitation'`,
      [s.tenant.id],
    );
    const link = /http:\/\/127\.0\.0\.1:\d+\/invitations\/\S+/.exec(mail.text_body)?.[0];
    expect(link).toBeDefined();
    const visitor = await browser.newContext({ locale: 'ja-JP', bypassCSP: true });
    const landing = await visitor.newPage();
    await landing.goto(link!);
    expect(await landing.locator('h1').textContent()).toContain('研究開発エンジニア');
    await expectAccessible(landing);
    await landing.getByRole('button', { name: '応募フォームへ進む' }).click();
    await landing.waitForLoadState('load');
    expect(landing.url()).toMatch(/\/greenhouse\/boards\/e2e\/jobs\/\d+\?gh_src=cb_[0-9a-f]{18}$/);
    expect(errors).toEqual([]);
    await visitor.close();
    await context.close();
  });
});
