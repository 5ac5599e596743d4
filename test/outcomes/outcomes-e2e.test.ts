// Outcomes end to end over HTTP with the Greenhouse simulator: returnees fast-tracked → "Accept Offer" in the ATS
// (hire_candidate webhook) → outcome recorded → the hiring manager's dated re-onboarding tasks → a reminder e-mail
// → the disclosure report counts the hires (page, CSV, print), HR only. One Chromium pass with axe-core.
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../support/browser-session';
import { DataSource } from 'typeorm';
import { todayIn } from '@comeback/domain';
import { http } from '../support/api-harness';
import { Stack, startStack } from '../support/pipeline-stack';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

jest.setTimeout(120_000);

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const HM_EMAIL = 'hm1@e2e.example';
/** Five returnees (with contact details as on file): five hires, so the report may show them (cohort of 5). */
const RETURNEES = [
  { firstName: '太郎', lastName: '山田', email: 'taro.yamada.88@gmail.com', phone: '090-1111-2222' },
  { firstName: '一郎', lastName: '鈴木', email: 'ichiro.suzuki80@yahoo.co.jp', phone: '080-3333-4444' },
  { firstName: '健', lastName: '佐藤', email: 'ken.sato.a@gmail.com', phone: '03-5555-1234' },
  { firstName: '愛', lastName: '桜浦', email: 'ai_433@docomo.ne.jp', phone: '090-7139-8759' },
  { firstName: '紗季', lastName: '野々宮', email: 'saki.nonomiya@yahoo.co.jp', phone: '080-5151-6262' },
];

describe('outcomes: hired event → outcome, tasks, reminder, report (greenhouse stack)', () => {
  let s: Stack;
  let smtp: SmtpSink;
  let browser: Browser;
  let db: DataSource;
  let hmToken: string;
  const apps: string[] = [];
  const today = todayIn();

  async function sim(path: string, body: unknown): Promise<any> {
    const r = await fetch(`${s.sim.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(r.status).toBeLessThan(300);
    return r.json();
  }

  async function newPage(token: string): Promise<{ context: BrowserContext; page: Page }> {
    // bypassCSP only so that axe-core can be injected.
    const context = await browser.newContext({ locale: 'ja-JP', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${s.api.baseUrl}/console/login`);
    await page.getByLabel(/アクセストークン|Access token/).fill(token);
    await page
      .locator('form', { has: page.getByLabel(/アクセストークン|Access token/) })
      .getByRole('button', { name: /ログイン|Sign in/ })
      .click();
    await page.waitForLoadState('load');
    return { context, page };
  }

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
    smtp = await startSmtpSink();
    s = await startStack('greenhouse', { env: { SMTP_URL: smtp.url } });
    db = s.api.app.get(DataSource);
    browser = await launchChromium();
    for (const r of RETURNEES) apps.push(await s.apply(r));
    await s.waitIdle();
    const list = await http(s.api.baseUrl, 'GET', '/api/v1/applications', { token: s.hr });
    const jobId = list.body.find((a: any) => a.applicationId === apps[0]).jobId;
    hmToken = s.tenant.token('hiring_manager', 'hm-1');
    const assigned = await http(s.api.baseUrl, 'PUT', `/api/v1/jobs/greenhouse/${jobId}/assignments`, {
      token: s.hr,
      json: { userSubjects: ['hm-1'] },
    });
    expect(assigned.status).toBe(200);
    const pref = await http(s.api.baseUrl, 'PUT', '/api/v1/notifications/preferences/me', {
      token: hmToken,
      json: { email: HM_EMAIL, language: 'ja', events: ['reonboarding_task_due'], mode: 'immediate' },
    });
    expect(pref.status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await smtp?.close();
  });

  it('a fast-tracked returnee, hired in the ATS: the outcome is recorded with the stages skipped and the days saved', async () => {
    const before = await http(s.api.baseUrl, 'GET', `/api/v1/applications/greenhouse/${apps[0]}`, {
      token: s.hr,
    });
    expect(before.body.outcome).toBe('fast_tracked');
    // "Accept Offer" for every returnee, first day today: the hire_candidate webhook goes out signed.
    for (const id of apps) await sim(`/_sim/greenhouse/applications/${id}/hire`, { startsOn: today });
    await s.waitIdle();
    const deliveries = await s.deliveries();
    expect(deliveries.filter((d) => d.event === 'hire_candidate')).toHaveLength(5);
    const rows = await db.query(
      `SELECT application_id, returnee, fast_tracked, stages_skipped, days_saved, employee_number
       FROM hire_outcomes ORDER BY application_id`,
    );
    expect(rows).toHaveLength(5);
    expect(rows.every((r: any) => r.returnee)).toBe(true);
    const taro = rows.find((r: any) => r.application_id === apps[0]);
    expect(taro).toMatchObject({ fast_tracked: true, employee_number: 'E1' });
    expect(taro.stages_skipped).toBeGreaterThan(0);
    expect(taro.days_saved).toBe(taro.stages_skipped * 7);
    const [tracked] = await db.query(`SELECT hired_at FROM tracked_applications WHERE application_id = $1`, [
      apps[0],
    ]);
    expect(tracked.hired_at).not.toBeNull();
  });

  it('the hiring manager gets dated tasks, a reminder e-mail (a link, nothing sensitive) and ticks one in the console', async () => {
    const tasks = await db.query(
      `SELECT phase, to_char(due_on, 'YYYY-MM-DD') AS due, assignee_subject FROM reonboarding_tasks WHERE application_id = $1 ORDER BY due_on, task_key`,
      [apps[0]],
    );
    expect(tasks.map((t: any) => t.phase)).toEqual([
      'before_day_1',
      'before_day_1',
      'day_1',
      'day_30',
      'day_60',
      'day_90',
    ]);
    expect(tasks.every((t: any) => t.assignee_subject === 'hm-1')).toBe(true);
    expect(tasks[2].due).toBe(today);

    const run = await http(s.api.baseUrl, 'POST', '/api/v1/notifications/run', { token: s.hr, json: {} });
    expect(run.status).toBe(200);
    const mail = await smtp.next(HM_EMAIL, 15_000);
    expect(mail.subject).toBe('Comeback: 再オンボーディングのタスクが期日です');
    expect(mail.text).toContain('/console/tasks');
    for (const secret of ['山田', 'taro.yamada', '1988-05-12', '6200000', 'E1'])
      expect(mail.text).not.toContain(secret);

    const { context, page } = await newPage(hmToken);
    await page.goto(`${s.api.baseUrl}/console/tasks`);
    await expect(page.locator('h1').textContent()).resolves.toBe('再オンボーディングのタスク');
    await expect(page.locator('tbody tr').count()).resolves.toBe(30);
    await page
      .getByRole('button', { name: /完了にする/ })
      .first()
      .click();
    await page.waitForLoadState('load');
    await expect(page.getByRole('button', { name: /未完了に戻す/ }).count()).resolves.toBe(1);
    await expectAccessible(page);
    // The report is HR's: a hiring manager is refused.
    expect((await page.goto(`${s.api.baseUrl}/console/reports/outcomes`))?.status()).toBe(403);
    await context.close();
  });

  it('the report counts the hires (page, CSV, print), accessible; recruiters are refused', async () => {
    const year = today.slice(0, 4);
    const { context, page } = await newPage(s.hr);
    const res = await page.goto(
      `${s.api.baseUrl}/console/reports/outcomes?from=${year}-01-01&to=${Number(year) + 1}-01-01`,
    );
    expect(res?.status()).toBe(200);
    const row = (label: string) =>
      page
        .locator('tr', { has: page.getByText(label, { exact: true }) })
        .locator('td')
        .last();
    await expect(row('アルムナイ採用数').textContent()).resolves.toBe('5');
    await expect(row('中途採用数（ATS の全採用）').textContent()).resolves.toBe('5');
    await expect(row('アルムナイ採用比率（%）').textContent()).resolves.toBe('100');
    await expect(row('再入社希望者の応募').textContent()).resolves.toBe('5');
    // The invitation funnel is connected (rediscovery's invitations): its rows and chart, no "not connected".
    await expect(page.getByText('未接続：招待の機能はまだ利用できません。').count()).resolves.toBe(0);
    await expect(page.locator('tr', { has: page.getByText('送信', { exact: true }) }).count()).resolves.toBe(
      1,
    );
    await expect(page.locator('figure.chart svg').count()).resolves.toBe(2);
    await expectAccessible(page);

    const csv = await context.request.get(
      `${s.api.baseUrl}/console/reports/outcomes/csv?from=${year}-01-01&to=${Number(year) + 1}-01-01&lang=en`,
    );
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text).toContain('Hires,Returnee hires,5,');
    expect(text).toContain("Hires,Returnees' share of mid-career hires (%),100,");
    // A figure under 5 people is an empty cell with the reason, never the number.
    expect(text).toContain('Applications,Fast-tracked,,fewer than 5 (not shown)');
    const print = await page.goto(`${s.api.baseUrl}/console/reports/outcomes/print?lang=en`);
    expect(print?.status()).toBe(200);
    await expect(page.locator('nav').count()).resolves.toBe(0);
    await context.close();

    const rec = await newPage(s.recruiter);
    expect((await rec.page.goto(`${s.api.baseUrl}/console/reports/outcomes`))?.status()).toBe(403);
    expect((await rec.page.goto(`${s.api.baseUrl}/console/tasks`))?.status()).toBe(403);
    await rec.context.close();
  });
});
