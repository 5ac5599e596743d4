// The web console in a real browser (Debian's chromium via playwright-core) against the real stack:
// PostgreSQL + Redis + the ATS simulator + the api. Each role signs in with a pasted token and does its main task.
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { csvUpload, http } from '../support/api-harness';
import { launchChromium, openPage, shot, signedInPage } from '../support/browser-session';
import { REGISTRY_HEADER, Stack, startStack } from '../support/pipeline-stack';
import { incumbents, toCsv } from '../compensation/compensation-fixtures';

jest.setTimeout(60_000);

// Departure reasons a recruiter must never see: the codes (those that are not plain words of a category text)
// and every Japanese label (shared/spec/alumni-csv.md).
const REASON_CODES = [
  'voluntary_career',
  'childcare',
  'caregiving',
  'contract_end',
  'restructuring',
  'performance_dismissal',
  'disciplinary_dismissal',
];
const REASON_LABELS = [
  '転職・キャリア',
  '育児',
  '介護',
  '転居・配偶者の転勤',
  '留学・進学',
  '病気・療養',
  '契約満了',
  '会社都合',
  '能力不足による解雇',
  '懲戒解雇',
  '定年退職',
  'その他',
];
// E1's and E2's salaries, and the raw-ratings vocabulary.
const SALARIES = ['6200000', '6,200,000', '8400000', '8,400,000', '620万', '840万'];

describe('web console in a browser (greenhouse stack)', () => {
  let s: Stack;
  let browser: Browser;
  let db: DataSource;
  let hmToken: string;
  let otherHmToken: string;
  let taroApp: string;
  let ichiroApp: string;
  let aiApp: string;
  let jobId: string;
  const consoleErrors = new Map<Page, string[]>();

  /** A signed-in page without bypassing the CSP: a refused script or style shows up as a console error. */
  async function newPage(token?: string) {
    const session = token
      ? await signedInPage(browser, s.api.baseUrl, token, { consoleErrors: true })
      : await openPage(browser, { consoleErrors: true });
    consoleErrors.set(session.page, session.errors);
    return session;
  }

  function expectNoConsoleErrors(page: Page): void {
    expect(consoleErrors.get(page)).toEqual([]);
  }

  beforeAll(async () => {
    s = await startStack('greenhouse');
    db = s.api.app.get(DataSource);
    browser = await launchChromium();
    taroApp = await s.apply({
      firstName: 'Taro',
      lastName: 'YAMADA',
      email: 'taro.yamada.88+jobs@gmail.com',
      phone: '+81 90 1111 2222',
      tags: ['Referral'],
    });
    ichiroApp = await s.apply({
      firstName: '一郎',
      lastName: '鈴木',
      email: 'ichiro.suzuki80@yahoo.co.jp',
      phone: '08033334444',
    });
    aiApp = await s.apply({ firstName: 'Ai', lastName: 'Sakuraura', email: 'ai.sakuraura.2026@outlook.jp' });
    await s.waitIdle();
    const apps = await http(s.api.baseUrl, 'GET', '/api/v1/applications', { token: s.hr });
    jobId = apps.body.find((a: any) => a.applicationId === taroApp).jobId;

    // A returnee in another job the hiring manager is not assigned to.
    await db.query(
      `INSERT INTO tracked_applications (tenant_id, ats, application_id, candidate_id, job_id, job_name, candidate_name, outcome, employee_number)
       VALUES ($1, 'greenhouse', 'other-app', 'other-cand', 'other-job', 'Sales', '野々宮 紗季', 'fast_tracked', 'E6')`,
      [s.tenant.id],
    );
    hmToken = s.tenant.token('hiring_manager', 'hm-1');
    otherHmToken = s.tenant.token('hiring_manager', 'hm-2');
    expect(
      (
        await http(s.api.baseUrl, 'PUT', `/api/v1/jobs/greenhouse/${jobId}/assignments`, {
          token: s.hr,
          json: { userSubjects: ['hm-1'] },
        })
      ).status,
    ).toBe(200);

    // What changed since E1 left (2022-03-31): one before, one after in R&D, one company-wide, one in another department.
    for (const entry of [
      { department: '研究開発部', effectiveDate: '2021-10-01', category: 'tool', title: 'Before they left' },
      {
        department: '研究開発部',
        effectiveDate: '2023-04-01',
        category: 'reorganisation',
        title: 'R&D split into Platform and Product',
        body: 'Two units, two heads',
      },
      { effectiveDate: '2024-01-01', category: 'rule', title: 'Hybrid work: 2 office days' },
      { department: '営業部', effectiveDate: '2024-02-01', category: 'leader', title: 'New head of sales' },
    ]) {
      expect(
        (await http(s.api.baseUrl, 'POST', '/api/v1/change-log', { token: s.hr, json: entry })).status,
      ).toBe(201);
    }

    // Pay data and an offer check for Taro's application (a cohort of 40).
    const snap = await http(
      s.api.baseUrl,
      'POST',
      '/api/v1/offers/incumbent-snapshots/imports?effectiveDate=2026-01-01',
      {
        token: s.hr,
        body: csvUpload(toCsv(incumbents(40, { seed: 7 }) as any), 'pay.csv'),
      },
    );
    expect(snap.status).toBe(201);
    expect(
      (
        await http(s.api.baseUrl, 'POST', '/api/v1/offers/pay-bands', {
          token: s.hr,
          json: {
            effectiveDate: '2026-01-01',
            items: [
              {
                jobFamily: 'engineering',
                jobLevel: 'G3',
                location: 'Tokyo',
                min: 5_000_000,
                mid: 6_300_000,
                max: 7_800_000,
              },
            ],
          },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await http(s.api.baseUrl, 'PUT', `/api/v1/jobs/greenhouse/${jobId}/pay-target`, {
          token: s.hr,
          json: { jobFamily: 'engineering', jobLevel: 'G3', location: 'Tokyo' },
        })
      ).status,
    ).toBe(200);
    const check = await http(
      s.api.baseUrl,
      'POST',
      `/api/v1/offers/applications/greenhouse/${taroApp}/checks`,
      { token: s.hr, json: { amount: 6_500_000 } },
    );
    expect(check.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('HR imports a registry file with one bad row and sees the problem with its row and column', async () => {
    const { context, page } = await newPage(s.hr);
    expect(new URL(page.url()).pathname).toBe('/console/home');
    await page.goto(`${s.api.baseUrl}/console/registry`);
    const csv = [
      REGISTRY_HEADER,
      'N1,新井,花子,アライ,ハナコ,,1990-01-01,hanako@example.jp,,2015-04-01,2020-03-31,childcare,yes,人事部,担当,G2,,,,false',
      'N2,新井,次郎,,,,,,,2015-13-01,2020-03-31,voluntary_career,yes,,,,,,,false',
    ].join('\n');
    await page
      .getByLabel(/CSV ファイル/)
      .setInputFiles({ name: 'alumni.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.waitForLoadState('load');
    const problems = page.getByRole('table', { name: '問題' });
    await expect(problems.getByRole('row').nth(1).textContent()).resolves.toMatch(
      /^\s*3\s*hire_date\s*invalid_date/,
    );
    await expect(page.getByRole('alert').textContent()).resolves.toContain('何も書き込まれていません');
    expect((await http(s.api.baseUrl, 'GET', '/api/v1/registry/alumni/N1', { token: s.hr })).status).toBe(
      404,
    );
    await shot(page, 'hr-registry-import-errors');

    // Search, then erase with a typed confirmation.
    await page.getByLabel('氏名・フリガナ・社員番号').fill('ノノミヤ');
    await page.getByRole('button', { name: '検索' }).click();
    await expect(page.getByRole('cell', { name: 'E6', exact: true }).count()).resolves.toBe(1);

    // Erasure needs the employee number typed again.
    await page.goto(`${s.api.baseUrl}/console/registry?q=E4`);
    await page.getByRole('link', { name: /削除 E4/ }).click();
    await page.waitForURL(/\/console\/registry\/E4\/erase$/);
    await shot(page, 'hr-registry-erase-confirm');
    await page.getByLabel('確認のため社員番号を入力してください').fill('E3');
    await page.getByRole('button', { name: '完全に削除する' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('一致しません');
    await page.getByLabel('確認のため社員番号を入力してください').fill('E4');
    await page.getByRole('button', { name: '完全に削除する' }).click();
    await page.waitForURL(/done=erased/);
    expect((await http(s.api.baseUrl, 'GET', '/api/v1/registry/alumni/E4', { token: s.hr })).status).toBe(
      404,
    );
    expectNoConsoleErrors(page);
    await context.close();
  });

  it('HR edits the eligibility policy, sees validation problems by path and the dry-run numbers, then activates', async () => {
    const { context, page } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/policies?lang=en`);
    // The JSON is the advanced view, behind the form.
    await page.getByText('Advanced: the policy as JSON').click();
    const editor = page.getByLabel('Policy document (JSON)');
    const doc = JSON.parse(await editor.inputValue());
    doc.rules.minTenureMonths.months = -1;
    await editor.fill(JSON.stringify(doc, null, 2));
    await page.locator('details').getByRole('button', { name: 'Check' }).click();
    await page.getByRole('table', { name: 'Problems' }).waitFor();
    await expect(page.getByRole('table', { name: 'Problems' }).textContent()).resolves.toContain(
      '/rules/minTenureMonths/months',
    );

    doc.rules.minTenureMonths.months = 72;
    await page.getByLabel('Policy document (JSON)').fill(JSON.stringify(doc, null, 2));
    await page.locator('#json-comment').fill('Six years of tenure');
    await page.locator('details').getByRole('button', { name: 'Save as draft and preview' }).click();
    await page.waitForURL(/\/console\/policies\/2$/);
    const total = Number(await page.getByTestId('dry-registry-total').textContent());
    const changed = Number(await page.getByTestId('dry-registry-changed').textContent());
    expect(total).toBe(2005); // 2,006 imported, E4 erased in the first test
    expect(changed).toBeGreaterThan(0);
    await expect(page.getByRole('table', { name: /Registry: Whose outcome changes/ }).count()).resolves.toBe(
      1,
    );
    await shot(page, 'hr-policy-dry-run');
    await page.getByRole('button', { name: 'Activate this version' }).click();
    await page.waitForURL(/done=activated/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Activated');
    const active = await http(s.api.baseUrl, 'GET', '/api/v1/eligibility/policies/active', { token: s.hr });
    expect(active.body.version).toBe(2);
    await page.goto(`${s.api.baseUrl}/console/policies`);
    await expect(page.getByRole('table', { name: 'History' }).textContent()).resolves.toMatch(/v2\s*Active/);
    expectNoConsoleErrors(page);
    await context.close();
  });

  it('a recruiter confirms a review-queue match and the application is fast-tracked in the ATS', async () => {
    const { context, page } = await newPage(s.recruiter);
    expect(new URL(page.url()).pathname).toBe('/console/home');
    await page.goto(`${s.api.baseUrl}/console/review?lang=ja`);
    await page.getByRole('link', { name: /開く.*Sakuraura/ }).click();
    await page.waitForLoadState('load');
    await expect(page.getByRole('heading', { name: /E5/ }).count()).resolves.toBe(1);
    // The evidence reads in Japanese: fields, outcomes and what each says.
    const evidence = await page.locator('main table').first().innerText();
    expect(evidence).toMatch(/姓[\s\S]*一致/u);
    expect(evidence).not.toMatch(/agrees|differs|not given|family_name/u);
    await shot(page, 'recruiter-review-item');
    expectNoConsoleErrors(page);
    await page.getByRole('button', { name: /この人で間違いない \(E5\)/ }).click();
    await page.waitForURL(/done=confirmed/);
    await s.waitIdle();
    const c = await s.candidate(aiApp);
    expect(c.stage).toBe('二次面接');
    expect(c.notes).toHaveLength(1);
    expect(c.notes[0]).toContain(`/console/briefings/greenhouse/${aiApp}`);
    expectNoConsoleErrors(page);
    await context.close();
  });

  it('a recruiter’s pages never show a departure reason, a salary or a rating', async () => {
    const { context, page } = await newPage(s.recruiter);
    const paths = [
      '/console/applications',
      '/console/review',
      '/console/briefings',
      `/console/briefings/greenhouse/${taroApp}`,
      `/console/briefings/greenhouse/${ichiroApp}`,
    ];
    for (const lang of ['ja', 'en']) {
      for (const path of paths) {
        await page.goto(`${s.api.baseUrl}${path}?lang=${lang}`);
        const text = await page.content();
        for (const token of [...REASON_CODES, ...REASON_LABELS, ...SALARIES])
          expect({ path, has: text.includes(token), token }).toEqual({ path, has: false, token });
        expect(text).not.toMatch(/dismiss|解雇|人事評価|[Rr]ating|2021: ?A|2022: ?S|期待以上|expectations/);
      }
    }
    await page.goto(`${s.api.baseUrl}/console/applications?lang=ja`);
    await shot(page, 'recruiter-applications');
    await page.goto(`${s.api.baseUrl}/console/briefings/greenhouse/${ichiroApp}?lang=ja`);
    // Recruiters get no departure section at all (issue 12 #5), not even a neutral "ask HR".
    await expect(page.getByText('退職の背景').count()).resolves.toBe(0);
    await expect(page.getByText('人事に確認').count()).resolves.toBe(0);
    expectNoConsoleErrors(page);
    await context.close();
  });

  it('a hiring manager opens the briefing of an assigned job (printable) and is refused another one', async () => {
    const { context, page } = await newPage(hmToken);
    expect(new URL(page.url()).pathname).toBe('/console/home');
    await page.goto(`${s.api.baseUrl}/console/briefings`);
    const list = page.getByRole('table', { name: 'アルムナイ説明資料' });
    const listed = (await list.textContent()) ?? '';
    expect(listed).toContain('YAMADA');
    expect(listed).not.toContain('野々宮'); // E6's job is not theirs
    await list.getByRole('link', { name: /YAMADA/ }).click();
    await page.waitForURL(new RegExp(`/console/briefings/greenhouse/${taroApp}$`));
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('山田 太郎');
    expect(text).toContain('9年11か月');
    expect(text).toContain('期待以上');
    expect(text).toContain('R&D split into Platform and Product');
    expect(text).toContain('Hybrid work: 2 office days');
    expect(text).not.toContain('Before they left');
    expect(text).not.toContain('New head of sales');
    expect(text).toMatch(/バディ/);
    expect(text).toMatch(/90日/);
    for (const token of [...REASON_CODES, ...REASON_LABELS, ...SALARIES, '6500000', '6,500,000', '¥'])
      expect({ token, has: text.includes(token) }).toEqual({ token, has: false });
    await shot(page, 'hm-briefing');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.top').isVisible()).resolves.toBe(false);
    await shot(page, 'hm-briefing-print');
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${s.api.baseUrl}/console/briefings/greenhouse/${taroApp}?lang=en`);
    await expect(
      page.getByRole('heading', { level: 2, name: 'What changed since they left' }).count(),
    ).resolves.toBe(1);
    expectNoConsoleErrors(page);

    const refused = await page.goto(`${s.api.baseUrl}/console/briefings/greenhouse/other-app`);
    expect(refused?.status()).toBe(404);
    expect(await page.textContent('main')).not.toContain('野々宮');
    await context.close();

    // The same through the JSON API: assigned → 200 without salary or raw ratings; not assigned → 404.
    const ok = await http(s.api.baseUrl, 'GET', `/api/v1/briefings/greenhouse/${taroApp}`, {
      token: hmToken,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.before.performance).toMatchObject({ level: 'above' });
    expect(ok.text).not.toMatch(/6200000|6500000|"ratings"|reasonCode|voluntary_career/);
    expect(
      (await http(s.api.baseUrl, 'GET', '/api/v1/briefings/greenhouse/other-app', { token: hmToken })).status,
    ).toBe(404);
    expect(
      (await http(s.api.baseUrl, 'GET', `/api/v1/briefings/greenhouse/${taroApp}`, { token: otherHmToken }))
        .status,
    ).toBe(404);
    const hr = await http(s.api.baseUrl, 'GET', `/api/v1/briefings/greenhouse/${taroApp}`, { token: s.hr });
    expect(hr.body).toMatchObject({
      before: { lastBaseSalary: 6_200_000 },
      departure: { reasonCode: 'voluntary_career' },
      offer: { amount: 6_500_000 },
    });
    const audit = await db.query(
      `SELECT actor_role FROM audit_entries WHERE tenant_id = $1 AND action = 'briefing.view' AND target_id = $2`,
      [s.tenant.id, `greenhouse:${taroApp}`],
    );
    expect(audit.map((a: any) => a.actor_role)).toEqual(
      expect.arrayContaining(['hiring_manager', 'hr_admin']),
    );
  });

  it('HR sees the offer’s fairness result with a chart of the cohort’s P10–P90 distribution', async () => {
    const { context, page } = await newPage(s.hr);
    await page.goto(`${s.api.baseUrl}/console/offers?lang=en`);
    await page.getByRole('link', { name: /Open/ }).first().click();
    await page.waitForURL(new RegExp(`/console/offers/greenhouse/${taroApp}$`));
    const chart = page.getByTestId('fairness-chart');
    await expect(chart.locator('svg[role="img"]').count()).resolves.toBe(1);
    await expect(chart.locator('rect').count()).resolves.toBe(2);
    await expect(chart.textContent()).resolves.toMatch(/P10.*P90/s);
    await expect(chart.textContent()).resolves.toContain('Offer 650万');
    await shot(page, 'hr-offer-fairness-chart');
    await page.getByLabel('Amount (JPY)').fill('9000000');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('table', { name: 'History' }).getByRole('row').nth(2).waitFor();
    await expect(page.getByRole('table', { name: 'History' }).getByRole('row').count()).resolves.toBe(3);
    await page.goto(`${s.api.baseUrl}/console/audit?lang=en`);
    await expect(page.getByRole('table', { name: 'Audit log' }).textContent()).resolves.toContain(
      'briefing.view',
    );
    await shot(page, 'hr-audit-log');
    for (const path of [
      '/console/stage-mappings',
      '/console/change-log',
      '/console/review',
      '/console/applications',
    ]) {
      await page.goto(`${s.api.baseUrl}${path}`);
      await shot(page, `hr-${path.split('/').pop()}`);
    }
    expectNoConsoleErrors(page);
    await context.close();
  });

  it('keeps the session in an HttpOnly cookie, switches language and logs out', async () => {
    const { context, page } = await newPage(s.recruiter);
    const cookies = await context.cookies();
    // __Host-: Secure (browsers allow it on loopback), Path=/, no Domain; CSRF token in its own __Host- cookie.
    expect(cookies.find((c) => c.name === '__Host-comeback_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      secure: true,
      path: '/',
    });
    expect(cookies.find((c) => c.name === '__Host-comeback_csrf')).toMatchObject({
      httpOnly: true,
      secure: true,
    });
    await page.goto(`${s.api.baseUrl}/console/applications?lang=en`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Flagged applications');
    await page.goto(`${s.api.baseUrl}/console/review`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    const hrOnly = await page.goto(`${s.api.baseUrl}/console/registry`);
    expect(hrOnly?.status()).toBe(403);
    await page.goto(`${s.api.baseUrl}/console/applications`);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/console\/login$/);
    await page.goto(`${s.api.baseUrl}/console/applications`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await shot(page, 'login');
    await context.close();
  });
});
