import type { FairnessResultView } from '@comeback/domain';
import { html } from '../html';
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
        ) => html`<tr><td>${r.candidateName ?? r.applicationId}</td><td>${r.jobId}</td><td>${r.kind}</td><td>${resultBadge(ctx, r.result)}</td><td>${formatDateTime(r.createdAt, ctx.lang)}</td>
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
  approval: { approved: boolean; approvedBy?: string; reason?: string } | null;
  fairness: FairnessResultView;
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
        html`<li><strong>${r.severity}</strong> ${r.message}${'detail' in r && r.detail ? html`<br><span class="hint">${r.detail}</span>` : ''}</li>`,
    );
    latestHtml = html`<section aria-labelledby="latest-h" class="card"><h2 id="latest-h">${t('offerDetail')}: ${formatYen(latest.amount)} ${resultBadge(ctx, latest.result)}</h2>
<dl class="facts"><dt>${t('kind')}</dt><dd>${latest.kind}</dd><dt>${t('checkedAt')}</dt><dd>${formatDateTime(latest.createdAt, ctx.lang)}</dd>
<dt>${t('approval')}</dt><dd>${latest.result === 'pass' ? t('approvalNotNeeded') : latest.approval?.approved ? `${t('approvalDone')} (${latest.approval.approvedBy ?? ''})` : t('approvalPending')}</dd>
${full?.position.percentile != null ? html`<dt>${t('percentile')}</dt><dd>${full.position.percentile.toFixed(1)}</dd>` : ''}
${full?.position.compaRatio != null ? html`<dt>${t('compaRatio')}</dt><dd>${full.position.compaRatio.toFixed(2)}</dd>` : ''}</dl>
${chartBlock}
<h3>${t('reasons')}</h3>${reasons.length ? html`<ul>${reasons}</ul>` : html`<p class="empty">${t('none')}</p>`}</section>`;
  }
  return layout(
    ctx,
    `${t('offersTitle')}: ${data.candidateName ?? data.applicationId}`,
    html`${latestHtml}
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
    ) => html`<tr><td>${formatDateTime(c.createdAt, ctx.lang)}</td><td>${c.kind}</td><td>${formatYen(c.amount)}</td><td>${resultBadge(ctx, c.result)}</td>
<td>${c.result === 'pass' ? t('approvalNotNeeded') : c.approval?.approved ? t('approvalDone') : t('approvalPending')}</td></tr>`,
  ),
  t('none'),
)}
<p><a href="/console/offers">${t('back')}</a></p>`,
    { error: data.error },
  ).value;
}
