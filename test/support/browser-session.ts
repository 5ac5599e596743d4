// What the console's browser tests share: Debian's chromium (via playwright-core), a page in a fresh context that
// collects the page's errors, signing in with a pasted token, screenshots and the axe-core check.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SHOTS = join(__dirname, '../../test-artifacts/screenshots');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Headless chromium, quiet (no background network, updates or sync); makes the screenshot folder too. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors (and, with `consoleErrors`, console errors), each with the page's URL. */
  errors: string[];
}

export interface PageOptions {
  locale?: 'ja-JP' | 'en-GB';
  /** Only so that axe-core can be injected; the pages' own CSP is asserted by console-browser.test.ts. */
  bypassCSP?: boolean;
  /** Collect the console's `error` messages too (CSP refusals show only there). */
  consoleErrors?: boolean;
}

/** A page in a fresh context (its own cookies), 1366×900, Japanese unless asked otherwise. */
export async function openPage(browser: Browser, opts: PageOptions = {}): Promise<BrowserSession> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: opts.locale ?? 'ja-JP',
    ...(opts.bypassCSP ? { bypassCSP: true } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  if (opts.consoleErrors)
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
    });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return { context, page, errors };
}

/** Signs in on the console's login page by pasting the token, as a person would. */
export async function signIn(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/console/login`);
  await page.getByLabel(/アクセストークン|Access token/).fill(token);
  await page
    .locator('form', { has: page.getByLabel(/アクセストークン|Access token/) })
    .getByRole('button', { name: /ログイン|Sign in/ })
    .click();
  await page.waitForLoadState('load');
}

/** `openPage`, then `signIn` with the token. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  token: string,
  opts: PageOptions = {},
): Promise<BrowserSession> {
  const session = await openPage(browser, opts);
  await signIn(session.page, baseUrl, token);
  return session;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core in the page (opened with `bypassCSP`): no serious or critical violation. */
export async function expectAccessible(page: Page, name: string = page.url()): Promise<void> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const g = globalThis as any;
    const r = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}
