import { html, trusted, type SafeHtml } from './html';
import { translator, type Lang, type MessageKey, type Translate } from './i18n';

export type ConsoleRole = 'hr_admin' | 'recruiter' | 'hiring_manager' | 'integration';

/** What every page needs to know about the request. */
export interface PageContext {
  lang: Lang;
  t: Translate;
  /** Path + query of this page (for the language switch). */
  path: string;
  user: { name: string; role: ConsoleRole } | null;
  /** This browser's CSRF token: `layout` puts it into every POST form (double-submit with a __Host- cookie). */
  csrfToken: string;
}

export function pageContext(
  lang: Lang,
  path: string,
  user: PageContext['user'],
  csrfToken = '',
): PageContext {
  return { lang, t: translator(lang), path, user, csrfToken };
}

/** Every POST form gets the CSRF field first thing: no form can be written without it. */
function withCsrfFields(markup: string, token: string): string {
  const field = html`<input type="hidden" name="_csrf" value="${token}" />`.value;
  return markup.replace(/<form\b[^>]*\bmethod="post"[^>]*>/gi, (open) => `${open}${field}`);
}

const NAV: Readonly<Record<ConsoleRole, readonly [MessageKey, string][]>> = {
  hr_admin: [
    ['navHome', '/console/home'],
    ['navHrReviews', '/console/hr-reviews'],
    ['navAts', '/console/ats'],
    ['navSettings', '/console/settings'],
    ['navRegistry', '/console/registry'],
    ['navExitInterviews', '/console/exit-interviews'],
    ['navPolicies', '/console/policies'],
    ['navStageMappings', '/console/stage-mappings'],
    ['navReview', '/console/review'],
    ['navApplications', '/console/applications'],
    ['navRediscovery', '/console/rediscovery'],
    ['navOffers', '/console/offers'],
    ['navPayData', '/console/pay-data'],
    ['navFairnessPolicy', '/console/fairness-policy'],
    ['navAssignments', '/console/assignments'],
    ['navBriefings', '/console/briefings'],
    ['navChangeLog', '/console/change-log'],
    ['navOperations', '/console/operations'],
    ['navAccuracy', '/console/matching/accuracy'],
    ['navAudit', '/console/audit'],
    ['navPeople', '/console/people'],
    ['navTasks', '/console/tasks'],
    ['navOutcomes', '/console/reports/outcomes'],
    ['navSso', '/console/sso'],
    ['navTokens', '/console/tokens'],
  ],
  recruiter: [
    ['navHome', '/console/home'],
    ['navApplications', '/console/applications'],
    ['navReview', '/console/review'],
    ['navRediscovery', '/console/rediscovery'],
    ['navBriefings', '/console/briefings'],
  ],
  hiring_manager: [
    ['navHome', '/console/home'],
    ['navRediscovery', '/console/rediscovery'],
    ['navBriefings', '/console/briefings'],
    ['navTasks', '/console/tasks'],
    ['navExitInterviews', '/console/exit-interviews'],
  ],
  integration: [],
};

/** Same page in the other language: keeps the path and query, replaces `lang`. */
export function withLang(path: string, lang: Lang): string {
  const u = new URL(path, 'http://x');
  u.searchParams.set('lang', lang);
  return `${u.pathname}${u.search}`;
}

export function layout(
  ctx: PageContext,
  title: string,
  body: SafeHtml,
  opts: { flash?: string | null; error?: string | null; refreshSeconds?: number } = {},
): SafeHtml {
  const { t, user, path } = ctx;
  const nav = user ? NAV[user.role] : [];
  const current = new URL(path, 'http://x').pathname;
  const page = html`<!DOCTYPE html>
    <html lang="${ctx.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — ${t('appName')}</title>
        <link rel="icon" href="data:," />
        ${opts.refreshSeconds ? html`<meta http-equiv="refresh" content="${opts.refreshSeconds}" />` : ''}
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/console.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">${t('skip')}</a>
        <header class="top" role="banner">
          <a class="brand" href="/console">${t('appName')}</a>
          ${
            nav.length
              ? html`<nav aria-label="${t('navMain')}">
                  <ul>
                    ${nav.map(
                      ([key, href]) =>
                        html`<li>
                          <a
                            href="${href}"
                            ${current === href || current.startsWith(`${href}/`) ? html` aria-current="page"` : ''}
                            >${t(key)}</a
                          >
                        </li>`,
                    )}
                  </ul>
                </nav>`
              : ''
          }
          <div class="tools">
            <span class="langs" role="group" aria-label="${t('language')}">
              <a
                href="${withLang(path, 'ja')}"
                lang="ja"
                hreflang="ja"
                ${ctx.lang === 'ja' ? html` aria-current="true"` : ''}
                >日本語</a
              >
              <a
                href="${withLang(path, 'en')}"
                lang="en"
                hreflang="en"
                ${ctx.lang === 'en' ? html` aria-current="true"` : ''}
                >English</a
              >
            </span>
            ${
              user
                ? html`<span class="who">${t('signedInAs')}: ${user.name}</span>
                    <form method="post" action="/console/logout" class="inline">
                      <button type="submit" class="link">${t('logout')}</button>
                    </form>`
                : ''
            }
          </div>
        </header>
        <main id="main" tabindex="-1">
          <h1>${title}</h1>
          ${opts.flash ? html`<p class="flash" role="status">${opts.flash}</p>` : ''}
          ${opts.error ? html`<p class="error" role="alert">${opts.error}</p>` : ''} ${body}
        </main>
      </body>
    </html>`;
  return trusted(withCsrfFields(page.value, ctx.csrfToken));
}

/** A small helper for tables: an empty list gets a sentence instead of an empty table. */
export function table(
  caption: string,
  headers: readonly string[],
  rows: readonly SafeHtml[],
  empty: string,
): SafeHtml {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<div class="table-wrap">
    <table>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${headers.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}
