// Sign-in and people in a real browser (Debian's chromium via playwright-core) against PostgreSQL + Redis + the api,
// a real SMTP server and a real OpenID Connect provider: the first HR admin joins from the e-mailed invitation,
// invites a recruiter from the People page, the recruiter joins and signs in by password, HR deactivates them and
// their open page is signed out at once; an invited person joins by SSO. Every page passes axe-core (no serious or
// critical violations); screenshots are kept.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PeopleService } from '@comeback/people';
import { http, startApi, type Harness, type TestTenant } from '../support/api-harness';
import { linkIn } from '../support/browser-jar';
import { expectAccessible, launchChromium, openPage, shot } from '../support/browser-session';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

jest.setTimeout(120_000);

describe('sign-in and people in a browser', () => {
  let smtp: SmtpSink;
  let api: Harness;
  let idp: TestOidcProvider;
  let tenant: TestTenant;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await startApi({ SMTP_URL: smtp.url, SSO_ALLOW_HTTP_ISSUER: 'true' });
    idp = await startOidcProvider(`${api.baseUrl}/console/sso/callback`);
    tenant = await api.tenant('kita');
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await idp?.close();
    await api?.close();
    await smtp?.close();
    delete process.env.SMTP_URL;
  });

  async function newPage(locale: 'ja-JP' | 'en-GB'): Promise<Page> {
    // axe is injected as a script: the console's CSP (script-src 'self') would refuse it otherwise.
    const { context, page } = await openPage(browser, { locale, bypassCSP: true });
    contexts.push(context);
    return page;
  }

  async function checkA11y(page: Page, name: string): Promise<void> {
    await expectAccessible(page, name);
    await shot(page, `people-${name}`);
  }

  let hr: Page;
  let recruiter: Page;

  it('the first HR admin joins from the e-mailed invitation (Japanese)', async () => {
    await api.app
      .get(PeopleService)
      .invite(
        { tenantId: tenant.id, role: 'hr_admin', name: 'cli' },
        { email: 'hanako@kita.test', displayName: '佐藤 花子', role: 'hr_admin', language: 'ja' },
      );
    const mail = await smtp.next('hanako@kita.test');
    hr = await newPage('ja-JP');
    await hr.goto(linkIn(mail.text, '/console/invitation'));
    expect(await hr.getByRole('heading', { name: 'Comeback への参加' }).count()).toBe(1);
    await checkA11y(hr, 'invitation-ja');
    await hr.getByLabel('新しいパスワード').fill('hanako-long-password');
    await hr.getByRole('button', { name: '承諾してサインイン' }).click();
    await hr.waitForURL(/\/console\/home/);
  });

  it('HR invites a recruiter from the People page; the recruiter joins (English) and signs in by password', async () => {
    await hr.getByRole('link', { name: 'ユーザー' }).click();
    await hr.waitForURL(/\/console\/people/);
    await hr.getByLabel('メールアドレス').fill('ken@kita.test');
    await hr.getByLabel('表示名').fill('Ken Ito');
    await hr.getByLabel('ロール', { exact: true }).selectOption('recruiter');
    await hr.locator('#invite-language').selectOption('en');
    await hr.getByRole('button', { name: '招待を送る' }).click();
    await hr.waitForURL(/flash=invited/);
    expect(await hr.getByRole('status').textContent()).toContain('招待を送りました');
    await checkA11y(hr, 'people-ja');

    const mail = await smtp.next('ken@kita.test');
    expect(mail.subject).toBe('You are invited to Comeback');
    recruiter = await newPage('en-GB');
    await recruiter.goto(linkIn(mail.text, '/console/invitation') + '&lang=en');
    await recruiter.getByLabel('New password').fill('ken-long-password');
    await recruiter.getByRole('button', { name: 'Accept and sign in' }).click();
    await recruiter.waitForURL(/\/console\/home/);
    await recruiter.getByRole('button', { name: /Log out/ }).click();
    await recruiter.waitForURL(/\/console\/login/);
    await recruiter.goto(`${api.baseUrl}/console/login?tenant=kita&lang=en`);
    await checkA11y(recruiter, 'sign-in-en');
    await recruiter.getByLabel('E-mail').fill('KEN@kita.test');
    await recruiter.getByLabel('Password', { exact: true }).fill('ken-long-password');
    await recruiter.getByRole('button', { name: 'Sign in', exact: true }).first().click();
    await recruiter.waitForURL(/\/console\/home/);
  });

  it('HR deactivates the recruiter: the recruiter’s open page is signed out on the next request', async () => {
    await hr.goto(`${api.baseUrl}/console/people`);
    await hr.getByRole('button', { name: '無効にする: Ken Ito' }).click();
    await hr.waitForURL(/flash=saved/);
    await recruiter.reload();
    await recruiter.waitForURL(/\/console\/login/);
    expect(new URL(recruiter.url()).pathname).toBe('/console/login');
  });

  it('an invited hiring manager joins through single sign-on', async () => {
    const saved = await http(api.baseUrl, 'PUT', '/api/v1/sso', {
      token: tenant.token('hr_admin'),
      json: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
    });
    expect(saved.status).toBe(200);
    await hr.goto(`${api.baseUrl}/console/people`);
    await hr.getByLabel('メールアドレス').fill('mika@kita.test');
    await hr.getByLabel('表示名').fill('三上 美香');
    await hr.getByLabel('ロール', { exact: true }).selectOption('hiring_manager');
    await hr.getByRole('button', { name: '招待を送る' }).click();
    await hr.waitForURL(/flash=invited/);
    await idp.nextLogin({ sub: 'idp-mika', email: 'mika@kita.test', email_verified: true });
    const page = await newPage('ja-JP');
    await page.goto(`${api.baseUrl}/console/login?tenant=kita`);
    await checkA11y(page, 'sign-in-sso-ja');
    await page.getByRole('link', { name: 'シングルサインオン（SSO）でサインイン' }).click();
    await page.waitForURL(/\/console\/home/);
    expect(await page.locator('.who').textContent()).toContain('三上 美香');
  });
});
