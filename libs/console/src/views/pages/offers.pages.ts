import type { FairnessResultView } from '@comeback/domain';
import type { OfferProposal } from '@comeback/domain/compensation';
import { html, type SafeHtml } from '../html';
import { isMessageKey } from '../i18n';
import { layout, table, type PageContext } from '../layout';
import { fairnessChartSvg } from '../fairness-chart';
import { formatDateTime, formatYen, resultBadge } from './common';

export interface OfferListRow {
  ats: string;
  applicationId: string;
  candidateName: string | null;
  jobId: string;
  kind: string;
  result: 'pass' | 'warn' | 'fail';
  createdAt: Date;
}

export function offersPage(ctx: PageContext, rows: OfferListRow[]): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('offersTitle'),
    table(
      t('offersTitle'),
      [t('applicant'), t('jobId'), t('kind'), t('result'), t('checkedAt'), t('actions')],
      rows.map(
        (
          r,
        ) => html`<tr><td>${r.candidateName ?? r.applicationId}</td><td>${r.jobId}</td><td>${kindLabel(ctx, r.kind)}</td><td>${resultBadge(ctx, r.result)}</td><td>${formatDateTime(r.createdAt, ctx.lang)}</td>
<td><a href="/console/offers/${encodeURIComponent(r.ats)}/${encodeURIComponent(r.applicationId)}">${t('open')}<span class="visually-hidden"> ${r.candidateName ?? r.applicationId}</span></a></td></tr>`,
      ),
      t('none'),
    ),
  ).value;
}

export interface OfferCheckRow {
  id: string;
  kind: string;
  amount: number;
  result: 'pass' | 'warn' | 'fail';
  createdAt: string;
  approvalRequired: boolean;
  approval: {
    approved: boolean;
    declined?: boolean;
    approvedBy?: string;
    reason?: string;
    approvedAt?: string;
  } | null;
  fairness: FairnessResultView;
  /** hr_admin only: the factors behind a proposal. */
  proposal?: OfferProposal;
}

/** Offer kinds, reason codes, factors and severities in the viewer's language; an unknown code shows as is. */
function label(ctx: PageContext, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return isMessageKey(key) ? ctx.t(key) : code;
}

export function kindLabel(ctx: PageContext, kind: string): string {
  return label(ctx, 'kind_', kind);
}

function decisionText(ctx: PageContext, c: OfferCheckRow): string {
  if (c.result === 'pass') return ctx.t('approvalNotNeeded');
  if (c.approval?.declined) return ctx.t('offerDeclined');
  return c.approval?.approved ? ctx.t('approvalDone') : ctx.t('approvalPending');
}

/** Who decided, when and why, or the form to decide (approve the result or decline the offer). */
function decisionBlock(ctx: PageContext, ats: string, applicationId: string, c: OfferCheckRow): SafeHtml {
  const { t } = ctx;
  if (c.result === 'pass') return html``;
  if (c.approval && (c.approval.approved || c.approval.declined))
    return html`<dl class="facts" data-testid="offer-decision"><dt>${t('decision')}</dt><dd>${decisionText(ctx, c)}</dd>
<dt>${t('decidedBy')}</dt><dd>${c.approval.approvedBy ?? ''}</dd>
${c.approval.approvedAt ? html`<dt>${t('decidedAt')}</dt><dd>${formatDateTime(c.approval.approvedAt, ctx.lang)}</dd>` : ''}
<dt>${t('reasons')}</dt><dd>${c.approval.reason ?? ''}</dd></dl>`;
  const id = `decision-reason-${c.id}`;
  return html`<form method="post" action="/console/offers/${encodeURIComponent(ats)}/${encodeURIComponent(applicationId)}/checks/${c.id}/decision" class="stack" data-testid="offer-decision-form">
  <div><label for="${id}">${t('decisionReason')}</label><textarea id="${id}" name="reason" required minlength="5" maxlength="2000" rows="2"></textarea></div>
  <div class="row"><button type="submit" name="decision" value="approved">${t('approveOffer')}</button>
  <button type="submit" name="decision" value="declined" class="secondary">${t('declineOffer')}</button></div>
</form>`;
}

function factorsTable(ctx: PageContext, p: OfferProposal): SafeHtml {
  const { t } = ctx;
  return html`<h3>${t('factorsTitle')}</h3>
${table(
  t('factorsTitle'),
  [t('factor'), t('effect')],
  p.factors.map(
    (f) =>
      html`<tr><td>${label(ctx, 'factor_', f.factor)}<br><span class="hint" lang="en">${f.detail}</span></td><td>${f.effect >= 0 && f.factor !== 'market_median' ? '+' : ''}${formatYen(f.effect)}</td></tr>`,
  ),
  t('none'),
)}
<dl class="facts">${p.priorSalary !== null ? html`<dt>${t('priorSalary')}</dt><dd>${formatYen(p.priorSalary)}</dd>` : ''}
${p.priorSalaryAdjustedForWageGrowth !== null ? html`<dt>${t('priorSalaryAdjusted')}</dt><dd>${formatYen(p.priorSalaryAdjustedForWageGrowth)}</dd>` : ''}</dl>`;
}

function proposeForm(ctx: PageContext, ats: string, applicationId: string): SafeHtml {
  const { t } = ctx;
  return html`<section aria-labelledby="propose-h"><h2 id="propose-h">${t('proposeTitle')}</h2>
<p class="hint">${t('proposeHint')}</p>
<form method="post" action="/console/offers/${encodeURIComponent(ats)}/${encodeURIComponent(applicationId)}/proposal" class="row">
  <div><label for="jobFamily">${t('jobFamily')}</label><input id="jobFamily" name="jobFamily" maxlength="200"></div>
  <div><label for="jobLevel">${t('jobLevel')}</label><input id="jobLevel" name="jobLevel" maxlength="200"></div>
  <div><label for="location">${t('location')}</label><input id="location" name="location" maxlength="200"></div>
  <div><label for="yearsAway">${t('yearsAway')}</label><input id="yearsAway" name="yearsOfExperienceAway" type="number" min="0" max="60" step="0.5"></div>
  <div><button type="submit">${t('propose')}</button></div>
</form></section>`;
}

/** HR's view of one application's checks: the latest with its chart, then the history. */
export function offerDetailPage(
  ctx: PageContext,
  data: {
    ats: string;
    applicationId: string;
    candidateName: string | null;
    checks: OfferCheckRow[];
    error?: string | null;
    flash?: string | null;
  },
): string {
  const { t } = ctx;
  const latest = data.checks[0];
  let latestHtml = html`<p class="empty">${t('none')}</p>`;
  if (latest) {
    const f = latest.fairness;
    const full = f.view === 'full' ? f : null;
    const stats = full?.cohort?.statistics;
    const n = full?.cohort?.n ?? null;
    const minCohort = full?.privacy.minCohort ?? 5;
    const chart = fairnessChartSvg({
      offer: latest.amount,
      cohort: stats && n !== null ? { n, ...stats } : null,
      minCohort,
      labels: {
        title: t('chartTitle'),
        description: `${t('amount')} ${formatYen(latest.amount)}; P10–P90, P25–P75, P50`,
      },
    });
    const chartBlock = chart
      ? html`<figure class="chart" data-testid="fairness-chart">${chart}<figcaption>${t('chartTitle')} (${t('cohortSize')}: ${n ?? ''})</figcaption></figure>`
      : html`<p class="hint" data-testid="fairness-chart-withheld">${full?.cohort ? t('chartSmallCohort') : t('chartNoCohort')}</p>`;
    const reasons = f.reasons.map(
      (r) =>
        html`<li><strong>${label(ctx, 'severity_', r.severity)}</strong> ${label(ctx, 'reason_', r.code)}<br><span class="hint" lang="en">${r.message}${'detail' in r && r.detail ? html` ${r.detail}` : ''}</span></li>`,
    );
    latestHtml = html`<section aria-labelledby="latest-h" class="card"><h2 id="latest-h">${t('offerDetail')}: ${formatYen(latest.amount)} ${resultBadge(ctx, latest.result)}</h2>
<dl class="facts"><dt>${t('kind')}</dt><dd>${kindLabel(ctx, latest.kind)}</dd><dt>${t('checkedAt')}</dt><dd>${formatDateTime(latest.createdAt, ctx.lang)}</dd>
<dt>${t('approval')}</dt><dd data-testid="latest-decision">${decisionText(ctx, latest)}</dd>
${full?.position.percentile != null ? html`<dt>${t('percentile')}</dt><dd>${full.position.percentile.toFixed(1)}</dd>` : ''}
${full?.position.compaRatio != null ? html`<dt>${t('compaRatio')}</dt><dd>${full.position.compaRatio.toFixed(2)}</dd>` : ''}</dl>
${chartBlock}
<h3>${t('reasons')}</h3>${reasons.length ? html`<ul>${reasons}</ul>` : html`<p class="empty">${t('none')}</p>`}
${latest.proposal ? factorsTable(ctx, latest.proposal) : ''}
${latest.result !== 'pass' ? html`<h3>${t('decisionTitle')}</h3>${decisionBlock(ctx, data.ats, data.applicationId, latest)}` : ''}</section>`;
  }
  return layout(
    ctx,
    `${t('offersTitle')}: ${data.candidateName ?? data.applicationId}`,
    html`${latestHtml}
${proposeForm(ctx, data.ats, data.applicationId)}
<h2>${t('tryAmount')}</h2>
<form method="post" action="/console/offers/${encodeURIComponent(data.ats)}/${encodeURIComponent(data.applicationId)}/checks" class="row">
  <div><label for="amount">${t('amount')} (JPY)</label><input id="amount" name="amount" type="number" min="1" step="1" required></div>
  <div><button type="submit">${t('check')}</button></div>
</form>
<h2>${t('history')}</h2>
${table(
  t('history'),
  [t('checkedAt'), t('kind'), t('amount'), t('result'), t('approval')],
  data.checks.map(
    (
      c,
    ) => html`<tr><td>${formatDateTime(c.createdAt, ctx.lang)}</td><td>${kindLabel(ctx, c.kind)}</td><td>${formatYen(c.amount)}</td><td>${resultBadge(ctx, c.result)}</td>
<td>${decisionText(ctx, c)}${c.approval?.approvedBy ? html` (${c.approval.approvedBy}: ${c.approval.reason ?? ''})` : ''}</td></tr>`,
  ),
  t('none'),
)}
<p><a href="/console/offers">${t('back')}</a></p>`,
    { error: data.error, flash: data.flash },
  ).value;
}
