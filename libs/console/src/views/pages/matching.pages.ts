import type { AccuracyReport } from '@comeback/domain';
import { html } from '../html';
import { layout, table, type PageContext } from '../layout';
import type { MessageKey } from '../i18n';

/** The report as the API gives it (see MatchingAccuracyService). */
export interface AccuracyPageData extends AccuracyReport {
  thresholds: {
    match: number;
    review: number | null;
    maxReviewShare: number;
    budget: { reviewFrom: number; decisions: number; minDecisions: number; spent: number | null };
  };
  parameters: {
    source: 'estimated' | 'defaults';
    pairs: number;
    labelled: number;
    estimatedAt: string | null;
  };
  tolerances: { review: number; auto: number; minMeasured: number; window: number };
}

const pct = (x: number | null, notYet: string): string =>
  x === null ? notYet : `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

const fill = (s: string, v: Record<string, string | number>): string =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

const METRIC: Record<'auto_precision' | 'review_precision', MessageKey> = {
  auto_precision: 'accuracyAutoPrecision',
  review_precision: 'accuracyReviewPrecision',
};

/** What other review budgets would have bought on the same decisions; HR's own share is marked. */
function budgetTable(ctx: PageContext, r: AccuracyPageData, notYet: string) {
  const { t } = ctx;
  if (r.decisions === 0) return html``;
  return html`<h2>${t('accuracyBudgetsTitle')}</h2>
<p>${t('accuracyBudgetsIntro')}</p>
${table(
  t('accuracyBudgetsTitle'),
  [
    t('accuracyBudgetShare'),
    t('accuracyBudgetReviews'),
    t('accuracyFoundRecall'),
    t('accuracyReviewPrecision'),
    t('accuracyBudgetMarginal'),
  ],
  r.budgets.map((b) => {
    const yours = b.share === r.thresholds.maxReviewShare;
    return html`<tr${yours ? html` class="current"` : html``}><th scope="row">${pct(b.share, notYet)}${
      yours ? ` ${t('accuracyBudgetYours')}` : ''
    }</th><td>${b.reviews}</td><td>${pct(b.foundRecall, notYet)}</td><td>${pct(b.reviewPrecision, notYet)}</td><td>${pct(
      b.marginalPrecision,
      notYet,
    )}</td></tr>`;
  }),
  t('none'),
)}`;
}

export function matchingAccuracyPage(ctx: PageContext, r: AccuracyPageData): string {
  const { t } = ctx;
  const notYet = t('accuracyNotYet');
  const row = (key: MessageKey, est: number | null, meas: number | null) =>
    html`<tr><th scope="row">${t(key)}</th><td>${pct(est, notYet)}</td><td>${pct(meas, notYet)}</td></tr>`;
  const drift = r.drift.length
    ? html`<section class="error" role="alert"><h2>${t('accuracyDriftTitle')}</h2><ul>${r.drift.map(
        (d) =>
          html`<li>${fill(t('accuracyDrift'), {
            metric: t(METRIC[d.metric]),
            estimated: pct(d.estimated, notYet),
            measured: pct(d.measured, notYet),
            samples: d.samples,
            tolerance: pct(d.tolerance, notYet),
          })}</li>`,
      )}</ul></section>`
    : html`<p>${fill(t('accuracyNoDrift'), {
        tolerance: pct(r.tolerances.review, notYet),
        min: r.tolerances.minMeasured,
      })}</p>`;
  const params =
    r.parameters.source === 'estimated'
      ? fill(t('accuracyParamsEstimated'), { pairs: r.parameters.pairs, labelled: r.parameters.labelled })
      : fill(t('accuracyParamsDefaults'), { pairs: r.parameters.pairs });
  return layout(
    ctx,
    t('accuracyTitle'),
    html`<p>${t('accuracyIntro')}</p>
${drift}
${table(
  t('accuracyTitle'),
  [t('accuracyMetric'), t('accuracyEstimated'), t('accuracyMeasured')],
  [
    row('accuracyAutoPrecision', r.estimated.autoPrecision, r.measured.autoPrecision),
    row('accuracyReviewPrecision', r.estimated.reviewPrecision, r.measured.reviewPrecision),
    row('accuracyFoundRecall', r.estimated.foundRecall, r.measured.foundRecall),
    row('accuracyAutoRecall', r.estimated.autoRecall, r.measured.autoRecall),
    html`<tr><th scope="row">${t('accuracyReviewLoad')}</th><td colspan="2">${pct(r.reviewLoad, notYet)}</td></tr>`,
  ],
  t('none'),
)}
<p>${t('accuracyRecallCaveat')}</p>
${budgetTable(ctx, r, notYet)}
<dl>
  <dt>${t('accuracyDecisions')}</dt><dd>${r.decisions}</dd>
  <dt>${t('accuracyReturneeShare')}</dt><dd>${pct(r.estimated.returneeShare, notYet)}</dd>
  <dt>${t('accuracyCounts')}</dt><dd>${r.auto} / ${r.review} / ${r.none}</dd>
  <dt>${t('accuracyVerdicts')}</dt><dd>${r.measured.confirmed} / ${r.measured.rejected} / ${r.measured.undone}</dd>
  <dt>${t('accuracyThresholds')}</dt><dd>${t('accuracyMatchFrom')}: ${r.thresholds.match.toFixed(2)}; ${t('accuracyReviewFrom')}: ${
    r.thresholds.review === null
      ? `${fill(t('accuracyReviewBudget'), { share: pct(r.thresholds.maxReviewShare, notYet) })}; ${fill(
          t(
            r.thresholds.budget.decisions < r.thresholds.budget.minDecisions
              ? 'accuracyBudgetWarming'
              : 'accuracyBudgetNow',
          ),
          {
            score: r.thresholds.budget.reviewFrom.toFixed(2),
            n: r.thresholds.budget.decisions,
            min: r.thresholds.budget.minDecisions,
          },
        )}${
          r.thresholds.budget.spent === null
            ? ''
            : `; ${fill(t('accuracyBudgetSpent'), {
                spent: pct(r.thresholds.budget.spent, notYet),
                n: r.thresholds.budget.decisions,
              })}`
        }`
      : r.thresholds.review.toFixed(2)
  }</dd>
  <dt>${t('accuracyParameters')}</dt><dd>${params}</dd>
</dl>`,
  ).value;
}
