// The per-role home page, the HR-review queue and one application's page (HR's decisions on it).
import { html, type SafeHtml } from '../html';
import type { MessageKey } from '../i18n';
import { layout, table, type PageContext } from '../layout';
import { applicationSummary, badge, formatDateTime } from './common';
import { type ApplicationRow, fastTrackText } from './workflow.pages';

/** One line of the home page: how many wait, and where to act on them. */
export interface WaitingItem {
  key: MessageKey;
  count: number;
  href: string;
}

export function homePage(ctx: PageContext, data: { items: WaitingItem[] }): string {
  const { t } = ctx;
  const waiting = data.items.filter((i) => i.count > 0);
  const body: SafeHtml = waiting.length
    ? html`<ul class="waiting" aria-label="${t('homeTitle')}">
        ${waiting.map(
          (i) =>
            html`<li data-testid="wait-${i.key}">
              <strong class="count">${i.count}</strong> ${t(i.key)} —
              <a href="${i.href}">${t('openList')}<span class="visually-hidden">: ${t(i.key)}</span></a>
            </li>`,
        )}
      </ul>`
    : html`<p class="empty">${t('homeNothing')}</p>`;
  return layout(ctx, t('homeTitle'), body).value;
}

export interface HrReviewRowView {
  ats: string;
  applicationId: string;
  candidateName: string | null;
  jobName: string | null;
  currentStageName: string | null;
  employeeNumber: string | null;
  reasons: { rule: string; detail: string }[];
  updatedAt: Date;
}

function appHref(ats: string, applicationId: string): string {
  return `/console/applications/${encodeURIComponent(ats)}/${encodeURIComponent(applicationId)}`;
}

function reasonList(reasons: HrReviewRowView['reasons']): SafeHtml {
  return reasons.length
    ? html`<ul class="plain">
        ${reasons.map((r) => html`<li><code>${r.rule}</code>${r.detail ? html` — ${r.detail}` : ''}</li>`)}
      </ul>`
    : html`—`;
}

/** The forms HR decides with; used on the queue (one per row) and on the application page. */
function decisionForms(
  ctx: PageContext,
  r: { ats: string; applicationId: string; candidateName: string | null },
  tiers: readonly string[],
  idSuffix: string,
): SafeHtml {
  const { t } = ctx;
  const base = `${appHref(r.ats, r.applicationId)}/hr-review`;
  const who = r.candidateName ?? r.applicationId;
  return html`<div class="decide">
    <form method="post" action="${base}/approve" class="stack">
      ${
        tiers.length > 1
          ? html`<div>
              <label for="tier-${idSuffix}">${t('tier')}</label>
              <select id="tier-${idSuffix}" name="tier">
                ${tiers.map((x) => html`<option value="${x}">${x}</option>`)}
              </select>
            </div>`
          : ''
      }
      <div>
        <label for="approve-comment-${idSuffix}">${t('reasonForAudit')}</label>
        <input id="approve-comment-${idSuffix}" name="comment" type="text" maxlength="2000" />
      </div>
      <div>
        <button type="submit">${t('approveFastTrack')}<span class="visually-hidden"> (${who})</span></button>
      </div>
    </form>
    <form method="post" action="${base}/decline" class="stack">
      <div>
        <label for="decline-comment-${idSuffix}">${t('reasonForAudit')}</label>
        <input id="decline-comment-${idSuffix}" name="comment" type="text" maxlength="2000" />
      </div>
      <div>
        <button type="submit" class="secondary">
          ${t('declineFastTrack')}<span class="visually-hidden"> (${who})</span>
        </button>
      </div>
    </form>
  </div>`;
}

export function hrReviewsPage(
  ctx: PageContext,
  data: { rows: HrReviewRowView[]; tiers: readonly string[]; flash?: string | null },
): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('hrReviewsTitle'),
    html`<p class="hint">${t('hrReviewsIntro')}</p>
      ${table(
        t('hrReviewsTitle'),
        [t('applicant'), t('job'), t('stage'), t('matchedTo'), t('whyReview'), t('created'), t('actions')],
        data.rows.map(
          (r, i) =>
            html`<tr>
              <td><a href="${appHref(r.ats, r.applicationId)}">${r.candidateName ?? r.applicationId}</a></td>
              <td>${r.jobName ?? '—'}</td>
              <td>${r.currentStageName ?? '—'}</td>
              <td>${r.employeeNumber ?? '—'}</td>
              <td>${reasonList(r.reasons)}</td>
              <td>${formatDateTime(r.updatedAt, ctx.lang)}</td>
              <td>${decisionForms(ctx, r, data.tiers, String(i))}</td>
            </tr>`,
        ),
        t('none'),
      )}`,
    { flash: data.flash },
  ).value;
}

/** One application. HR sees who it was matched to, why a review is needed, and the decisions it can take. */
export function applicationDetailPage(
  ctx: PageContext,
  data: {
    app: ApplicationRow;
    hr: { reasons: HrReviewRowView['reasons']; tiers: readonly string[] } | null;
    flash?: string | null;
  },
): string {
  const { t } = ctx;
  const a = data.app;
  const matched = a.employeeNumber !== null;
  const facts = html`<dl class="facts">
    <dt>${t('status')}</dt>
    <dd>${badge(ctx, a.outcome)}</dd>
    <dt>${t('job')}</dt>
    <dd>${a.jobName ?? '—'}</dd>
    <dt>${t('stage')}</dt>
    <dd>${a.currentStageName ?? '—'}</dd>
    <dt>${t('fastTrack')}</dt>
    <dd>${fastTrackText(ctx, a)}</dd>
    <dt>${t('summary')}</dt>
    <dd>${applicationSummary(ctx, a.outcome, a.tier) || '—'}</dd>
    ${data.hr && matched ? html`<dt>${t('matchedTo')}</dt><dd>${a.employeeNumber}</dd>` : ''}
    <dt>${t('checkedAt')}</dt>
    <dd>${formatDateTime(a.updatedAt, ctx.lang)}</dd>
  </dl>`;
  const hr = data.hr;
  const review =
    hr && a.outcome === 'needs_hr_review'
      ? html`<section aria-labelledby="hr-review-h">
          <h2 id="hr-review-h">${t('hrReviewsTitle')}</h2>
          <h3>${t('whyReview')}</h3>
          ${reasonList(hr.reasons)} ${decisionForms(ctx, a, hr.tiers, 'app')}
        </section>`
      : '';
  const undo =
    hr && matched
      ? html`<section aria-labelledby="undo-h">
          <h2 id="undo-h">${t('notReturneeTitle')}</h2>
          <p class="hint">${t('notReturneeHelp')}</p>
          <form method="post" action="${appHref(a.ats, a.applicationId)}/not-returnee" class="stack">
            <div>
              <label for="undo-comment">${t('reasonForAudit')}</label>
              <input id="undo-comment" name="comment" type="text" maxlength="2000" />
            </div>
            <div><button type="submit" class="secondary">${t('notReturneeSubmit')}</button></div>
          </form>
        </section>`
      : '';
  return layout(
    ctx,
    `${t('applicationTitle')}: ${a.candidateName ?? a.applicationId}`,
    html`${facts} ${review} ${undo}
      <p><a href="/console/applications">${t('back')}</a></p>`,
    { flash: data.flash },
  ).value;
}
