// HR's ATS connection: the form (secrets are never shown back), the connection check, and backfills with progress.
import { html, type SafeHtml } from '../html';
import { layout, table, type PageContext } from '../layout';
import { badge, formatDateTime } from './common';

/** What the page may show of a saved connection: never a secret, only whether one is stored. */
export interface ConnectionSummary {
  apiBaseUrl: string;
  authUrl: string | null;
  clientId: string | null;
  actingUserId: string | null;
  offerSalaryField: string | null;
  hasWebhookSecret: boolean;
}

export interface AtsPanel {
  kind: string;
  label: string;
  /** From the connector: an OAuth client with a separate webhook secret, or one API token. */
  credentialStyle: 'oauth_client' | 'api_token';
  saved: ConnectionSummary | null;
  webhookUrl: string;
}

export interface CheckItemView {
  check: string;
  status: 'pass' | 'fail' | 'skipped';
  message: { en: string; ja: string };
}

export interface BackfillView {
  id: string;
  ats: string;
  status: 'running' | 'completed' | 'failed';
  pages: number;
  applicationsQueued: number;
  error: string | null;
  startedBy: string;
  createdAt: Date;
  finishedAt: Date | null;
}

const CHECK_LABELS: Record<string, { ja: string; en: string }> = {
  credentials: { ja: '認証情報（トークン）', en: 'Credentials (token)' },
  acting_user: { ja: '操作するユーザー', en: 'Acting user' },
  read_access: { ja: '読み取り権限', en: 'Read access' },
  job_stages: { ja: '求人の選考段階', en: "A job's stages" },
  webhook_delivery: { ja: 'Webhook の受信', en: 'Webhook delivery' },
};

function field(
  id: string,
  label: string,
  opts: { value?: string | null; type?: string; required?: boolean; hint?: string; autocomplete?: string },
): SafeHtml {
  const hintId = opts.hint ? `${id}-hint` : null;
  return html`<div>
    <label for="${id}">${label}</label>
    <input
      id="${id}"
      name="${id.split('--')[1] ?? id}"
      type="${opts.type ?? 'text'}"
      value="${opts.value ?? ''}"
      ${opts.required ? html` required` : ''}
      ${hintId ? html` aria-describedby="${hintId}"` : ''}
      autocomplete="${opts.autocomplete ?? 'off'}"
    />
    ${hintId ? html`<p class="hint" id="${hintId}">${opts.hint}</p>` : ''}
  </div>`;
}

function panel(ctx: PageContext, p: AtsPanel): SafeHtml {
  const { t } = ctx;
  const s = p.saved;
  const id = (name: string) => `${p.kind}--${name}`;
  const oauth = p.credentialStyle === 'oauth_client';
  return html`<section class="card" aria-labelledby="${p.kind}-h">
    <h2 id="${p.kind}-h">${p.label}</h2>
    <p>${s ? badge(ctx, 'connected', 'connectionSaved') : badge(ctx, 'none', 'connectionNone')}</p>
    <form method="post" action="/console/ats/${p.kind}" class="stack">
      ${field(id('apiBaseUrl'), t('apiBaseUrl'), { value: s?.apiBaseUrl, type: 'url', required: true })}
      ${oauth ? field(id('authUrl'), t('authUrl'), { value: s?.authUrl, type: 'url' }) : ''}
      ${oauth ? field(id('clientId'), t('clientId'), { value: s?.clientId }) : ''}
      ${field(id('secret'), oauth ? t('clientSecret') : t('apiToken'), {
        type: 'password',
        required: true,
        hint: s ? t('secretStoredHint') : t('secretHint'),
        autocomplete: 'new-password',
      })}
      ${
        oauth
          ? field(id('webhookSecret'), t('webhookSecret'), {
              type: 'password',
              hint: s?.hasWebhookSecret ? t('secretStoredHint') : t('secretHint'),
              autocomplete: 'new-password',
            })
          : ''
      }
      ${field(id('actingUserId'), t('actingUserId'), { value: s?.actingUserId, required: true })}
      ${field(id('offerSalaryField'), t('offerSalaryField'), { value: s?.offerSalaryField })}
      <p class="hint">${t('webhookUrl')}: <code>${p.webhookUrl}</code></p>
      <div><button type="submit">${t('save')}<span class="visually-hidden"> (${p.label})</span></button></div>
    </form>
    ${
      s
        ? html`<form method="post" action="/console/ats/${p.kind}/check">
              <button type="submit" class="secondary">
                ${t('checkConnection')}<span class="visually-hidden"> (${p.label})</span>
              </button>
            </form>
            <form method="post" action="/console/ats/${p.kind}/backfills">
              <button type="submit" class="secondary">
                ${t('startBackfill')}<span class="visually-hidden"> (${p.label})</span>
              </button>
            </form>`
        : ''
    }
  </section>`;
}

export function checkResultTable(ctx: PageContext, label: string, items: readonly CheckItemView[]): SafeHtml {
  const { t } = ctx;
  return table(
    `${t('checkConnection')}: ${label}`,
    [t('check'), t('result'), t('message')],
    items.map(
      (i) =>
        html`<tr>
          <td>${CHECK_LABELS[i.check]?.[ctx.lang] ?? i.check}</td>
          <td>${badge(ctx, i.status, i.status === 'pass' ? 'pass' : i.status === 'fail' ? 'fail' : 'skippedCheck')}</td>
          <td>${i.message[ctx.lang]}</td>
        </tr>`,
    ),
    t('none'),
  );
}

function backfillRows(ctx: PageContext, runs: readonly BackfillView[]): SafeHtml {
  const { t } = ctx;
  return table(
    t('backfillsTitle'),
    [t('ats'), t('status'), t('backfillProgress'), t('created'), t('actions')],
    runs.map(
      (r) =>
        html`<tr>
          <td>${r.ats}</td>
          <td>${badge(ctx, r.status)}</td>
          <td>${r.applicationsQueued} / ${r.pages} ${t('pagesRead')}</td>
          <td>${formatDateTime(r.createdAt, ctx.lang)}</td>
          <td><a href="/console/backfills/${r.id}">${t('open')}<span class="visually-hidden"> ${r.id}</span></a></td>
        </tr>`,
    ),
    t('none'),
  );
}

export function atsConnectionsPage(
  ctx: PageContext,
  data: {
    panels: AtsPanel[];
    check?: { label: string; ok: boolean; items: CheckItemView[] } | null;
    backfills: BackfillView[];
    flash?: string | null;
    error?: string | null;
  },
): string {
  const { t } = ctx;
  const check = data.check
    ? html`<section aria-labelledby="check-h" data-testid="check-result">
        <h2 id="check-h">${t('checkConnection')}</h2>
        <p role="status">${data.check.ok ? t('checkAllPassed') : t('checkSomeFailed')}</p>
        ${checkResultTable(ctx, data.check.label, data.check.items)}
      </section>`
    : '';
  return layout(
    ctx,
    t('atsTitle'),
    html`${check}
      <div class="side-by-side">${data.panels.map((p) => panel(ctx, p))}</div>
      <h2>${t('backfillsTitle')}</h2>
      <p class="hint">${t('backfillHint')}</p>
      ${backfillRows(ctx, data.backfills)}`,
    { flash: data.flash, error: data.error },
  ).value;
}

/** One backfill: progress while it runs (the page reloads itself every 2 s), why it stopped, and resume. */
export function backfillPage(ctx: PageContext, run: BackfillView): string {
  const { t } = ctx;
  return layout(
    ctx,
    `${t('backfillTitle')} (${run.ats})`,
    html`<dl class="facts" data-testid="backfill">
        <dt>${t('status')}</dt>
        <dd>${badge(ctx, run.status)}</dd>
        <dt>${t('backfillQueued')}</dt>
        <dd data-testid="backfill-queued">${run.applicationsQueued}</dd>
        <dt>${t('pagesRead')}</dt>
        <dd>${run.pages}</dd>
        <dt>${t('created')}</dt>
        <dd>${formatDateTime(run.createdAt, ctx.lang)} (${run.startedBy})</dd>
        ${run.finishedAt ? html`<dt>${t('finished')}</dt><dd>${formatDateTime(run.finishedAt, ctx.lang)}</dd>` : ''}
      </dl>
      ${run.status === 'running' ? html`<p class="hint" aria-live="polite">${t('backfillRunning')}</p>` : ''}
      ${
        run.status === 'failed'
          ? html`<p class="error" role="alert">${t('backfillFailed')}: ${run.error ?? '—'}</p>
              <form method="post" action="/console/backfills/${run.id}/resume">
                <button type="submit">${t('resume')}</button>
              </form>`
          : ''
      }
      <p><a href="/console/ats">${t('back')}</a></p>`,
    { refreshSeconds: run.status === 'running' ? 2 : undefined },
  ).value;
}

/** HR's tenant settings: the matching thresholds and the language of the notes written into the ATS. */
/** What the settings form shows (and shows again, with what HR typed, when it is refused). */
export interface SettingsFormData {
  match: number;
  /** "budget": the review threshold follows the review budget; "fixed": HR's score. */
  reviewMode: 'budget' | 'fixed';
  /** The review budget in percent of applicants. */
  maxReviewSharePercent: number;
  /** The fixed review score (shown, and used only in "fixed" mode). */
  review: number;
  language: 'ja' | 'en';
  /** One per line, as the textarea shows them. */
  companyNames: string;
  flash?: string | null;
  error?: string | null;
}

export function settingsPage(ctx: PageContext, data: SettingsFormData): string {
  const { t } = ctx;
  const checked = (mode: SettingsFormData['reviewMode']) => (data.reviewMode === mode ? html`checked` : '');
  return layout(
    ctx,
    t('settingsTitle'),
    html`<form method="post" action="/console/settings" class="stack">
      <p class="hint" id="thresholds-hint">${t('thresholdsHint')}</p>
      <div>
        <label for="match">${t('thresholdMatch')}</label>
        <input id="match" name="match" type="number" step="0.5" min="-50" max="100" required
          value="${data.match}" aria-describedby="thresholds-hint" />
      </div>
      <fieldset>
        <legend>${t('reviewModeLegend')}</legend>
        <div>
          <input type="radio" id="review-mode-budget" name="reviewMode" value="budget" ${checked('budget')} />
          <label for="review-mode-budget">${t('reviewModeBudget')}</label>
          <label for="max-review-share">${t('maxReviewShare')}</label>
          <input id="max-review-share" name="maxReviewSharePercent" type="number" step="0.5" min="1" max="50"
            required value="${data.maxReviewSharePercent}" aria-describedby="budget-hint" />
          <p class="hint" id="budget-hint">${t('reviewBudgetHint')}</p>
        </div>
        <div>
          <input type="radio" id="review-mode-fixed" name="reviewMode" value="fixed" ${checked('fixed')} />
          <label for="review-mode-fixed">${t('reviewModeFixed')}</label>
          <label for="review">${t('thresholdReview')}</label>
          <input id="review" name="review" type="number" step="0.5" min="-50" max="100" required
            value="${data.review}" aria-describedby="thresholds-hint" />
        </div>
      </fieldset>
      <div>
        <label for="language">${t('noteLanguage')}</label>
        <select id="language" name="language">
          <option value="ja" ${data.language === 'ja' ? html`selected` : ''}>日本語</option>
          <option value="en" ${data.language === 'en' ? html`selected` : ''}>English</option>
        </select>
      </div>
      <div>
        <label for="company-names">${t('companyNames')}</label>
        <textarea id="company-names" name="companyNames" rows="4" maxlength="2100"
          aria-describedby="company-names-hint">${data.companyNames}</textarea>
        <p class="hint" id="company-names-hint">${t('companyNamesHint')}</p>
      </div>
      <div><button type="submit">${t('save')}</button></div>
    </form>`,
    { flash: data.flash, error: data.error },
  ).value;
}
