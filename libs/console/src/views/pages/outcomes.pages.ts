import type { DisclosureReport, Figure } from '@comeback/domain';
import { escapeHtml, html, trusted, type SafeHtml } from '../html';
import type { MessageKey } from '../i18n';
import { layout, table, type PageContext } from '../layout';

/** The report as the page shows it: the domain's figures plus where the inputs came from. */
export interface OutcomesPageData extends DisclosureReport {
  invitationsConnected: boolean;
  retentionSource: 'hr_system' | 'registry_imports';
}

export interface ReonboardingTaskView {
  id: string;
  candidateName: string | null;
  jobName: string | null;
  jobId: string;
  phase: string;
  titleEn: string;
  titleJa: string;
  dueOn: string;
  assigneeSubject: string | null;
  doneAt: Date | null;
}

const PHASE_KEYS: Record<string, MessageKey> = {
  before_day_1: 'phaseBeforeDay1',
  day_1: 'phaseDay1',
  day_30: 'phaseDay30',
  day_60: 'phaseDay60',
  day_90: 'phaseDay90',
};

function value(ctx: PageContext, f: Figure): string {
  return f.suppressed
    ? ctx.t('outcomesSuppressed')
    : f.value.toLocaleString(ctx.lang === 'ja' ? 'ja-JP' : 'en-US');
}

/** Every figure of the report, in order: [section, label, figure] (shared by the page, the print and the CSV). */
export function outcomeRows(ctx: PageContext, r: OutcomesPageData): [string, string, Figure | string][] {
  const { t } = ctx;
  const rows: [string, string, Figure | string][] = [
    [t('outcomesRegistry'), t('outcomesAlumni'), r.registry.alumni],
    [t('outcomesRegistry'), t('outcomesConsented'), r.registry.consented],
    [t('outcomesRegistry'), t('outcomesConsentRate'), r.registry.consentRatePercent],
  ];
  if (r.funnel) {
    for (const [key, f] of [
      ['funnelSent', r.funnel.sent],
      ['funnelOpened', r.funnel.opened],
      ['funnelApplied', r.funnel.applied],
      ['funnelFastTracked', r.funnel.fastTracked],
      ['funnelHired', r.funnel.hired],
    ] as const)
      rows.push([t('outcomesFunnel'), t(key), f]);
  } else rows.push([t('outcomesFunnel'), t('outcomesFunnel'), t('outcomesNotConnected')]);
  rows.push(
    [t('outcomesApplications'), t('outcomesReturneeApplications'), r.returneeApplications],
    [t('outcomesApplications'), t('outcomesFastTracked'), r.fastTracked],
    [t('outcomesHires'), t('outcomesAllHires'), r.hires.all],
    [t('outcomesHires'), t('outcomesReturneeHires'), r.hires.returnee],
    [t('outcomesHires'), t('outcomesShare'), r.hires.returneeSharePercent],
  );
  if (r.retention)
    rows.push(
      [t('outcomesRetention'), t('outcomesRetentionCohort'), r.retention.cohort],
      [t('outcomesRetention'), t('outcomesRetentionStayed'), r.retention.stayed],
      [t('outcomesRetention'), t('outcomesRetentionRate'), r.retention.ratePercent],
    );
  rows.push(
    [t('outcomesPay'), t('outcomesReturneeCompa'), r.payParity.returneeMedianCompaRatio],
    [t('outcomesPay'), t('outcomesIncumbentCompa'), r.payParity.incumbentMedianCompaRatio],
    [t('outcomesTimeSaved'), t('outcomesDaysSaved'), r.timeSaved.totalDaysSaved],
    [t('outcomesTimeSaved'), t('outcomesDaysToOfferReturnee'), r.timeSaved.returneeMedianDaysToOffer],
    [t('outcomesTimeSaved'), t('outcomesDaysToOfferOthers'), r.timeSaved.otherMedianDaysToOffer],
  );
  for (const q of r.quarters) {
    rows.push([`${t('outcomesTrend')} ${q.quarter}`, t('outcomesAllHires'), q.allHires]);
    rows.push([`${t('outcomesTrend')} ${q.quarter}`, t('outcomesReturneeHires'), q.returneeHires]);
  }
  return rows;
}

const csvCell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The CSV export: section, figure, value (empty when hidden) and a note column saying why; UTF-8 with a BOM so
 * Excel in Japan opens it correctly.
 */
export function outcomesCsv(ctx: PageContext, r: OutcomesPageData): string {
  const { t } = ctx;
  const lines = [[t('outcomesPeriod'), t('outcomesMetric'), t('outcomesValue'), ''].map(csvCell).join(',')];
  lines.push([`${r.from} – ${r.to}`, '', '', ''].map(csvCell).join(','));
  for (const [section, label, f] of outcomeRows(ctx, r)) {
    const cells =
      typeof f === 'string'
        ? [section, label, '', f]
        : [section, label, f.suppressed ? '' : String(f.value), f.suppressed ? t('outcomesSuppressed') : ''];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const W = 640;

/** Grouped bars per quarter (all hires, returnee hires); a hidden figure draws no bar and says so in its label. */
export function quarterTrendSvg(ctx: PageContext, r: OutcomesPageData): SafeHtml {
  const H = 220;
  const base = 180;
  const max = Math.max(1, ...r.quarters.flatMap((q) => [q.allHires.value ?? 0, q.returneeHires.value ?? 0]));
  const slot = (W - 80) / Math.max(1, r.quarters.length);
  const bar = Math.min(40, slot / 3);
  const h = (v: number): number => Math.round((v / max) * 140);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="trend-title trend-desc">`,
    `<title id="trend-title">${escapeHtml(ctx.t('outcomesTrend'))}</title>`,
    `<desc id="trend-desc">${escapeHtml(ctx.t('outcomesTrendDesc'))}</desc>`,
    `<line class="axis" x1="40" y1="${base}" x2="${W - 40}" y2="${base}"/>`,
  ];
  r.quarters.forEach((q, i) => {
    const x0 = 40 + i * slot + slot / 2 - bar;
    for (const [j, f, cls] of [
      [0, q.allHires, 'bar-all'],
      [1, q.returneeHires, 'bar-returnee'],
    ] as const) {
      const x = x0 + j * bar;
      if (!f.suppressed && f.value > 0)
        parts.push(
          `<rect class="${cls}" x="${x}" y="${base - h(f.value)}" width="${bar - 2}" height="${h(f.value)}"/>`,
        );
      parts.push(
        `<text x="${x + bar / 2}" y="${base - (f.suppressed ? 0 : h(f.value)) - 4}" text-anchor="middle">${f.suppressed ? '–' : f.value}</text>`,
      );
    }
    parts.push(
      `<text x="${40 + i * slot + slot / 2}" y="${base + 18}" text-anchor="middle">${escapeHtml(q.quarter)}</text>`,
    );
  });
  parts.push('</svg>');
  return trusted(parts.join(''));
}

/** Horizontal bars from sent to hired. */
export function funnelSvg(ctx: PageContext, funnel: NonNullable<OutcomesPageData['funnel']>): SafeHtml {
  const steps: [MessageKey, Figure][] = [
    ['funnelSent', funnel.sent],
    ['funnelOpened', funnel.opened],
    ['funnelApplied', funnel.applied],
    ['funnelFastTracked', funnel.fastTracked],
    ['funnelHired', funnel.hired],
  ];
  const max = Math.max(1, ...steps.map(([, f]) => f.value ?? 0));
  const H = steps.length * 30 + 20;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="funnel-title funnel-desc">`,
    `<title id="funnel-title">${escapeHtml(ctx.t('outcomesFunnelChart'))}</title>`,
    `<desc id="funnel-desc">${escapeHtml(ctx.t('outcomesFunnelChartDesc'))}</desc>`,
  ];
  steps.forEach(([key, f], i) => {
    const y = 10 + i * 30;
    const w = f.suppressed ? 0 : Math.round((f.value / max) * (W - 260));
    parts.push(`<text x="150" y="${y + 16}" text-anchor="end">${escapeHtml(ctx.t(key))}</text>`);
    if (w > 0) parts.push(`<rect class="bar-all" x="160" y="${y}" width="${w}" height="22"/>`);
    parts.push(`<text x="${166 + w}" y="${y + 16}">${f.suppressed ? '–' : f.value}</text>`);
  });
  parts.push('</svg>');
  return trusted(parts.join(''));
}

function reportBody(ctx: PageContext, r: OutcomesPageData): SafeHtml {
  const { t } = ctx;
  const rows = outcomeRows(ctx, r).filter(([section]) => !section.startsWith(t('outcomesTrend')));
  return html`<p>${t('outcomesPeriod')}: ${r.from} – ${r.to}</p>
<p class="hint">${t('outcomesPrivacyNote').replace('{k}', String(r.minCohort))}</p>
${table(
  t('outcomesTitle'),
  [t('outcomesPeriod'), t('outcomesMetric'), t('outcomesValue')],
  rows.map(
    ([section, label, f]) =>
      html`<tr><td>${section}</td><td>${label}</td><td>${typeof f === 'string' ? f : value(ctx, f)}</td></tr>`,
  ),
  t('none'),
)}
${r.retention ? html`<p class="hint">${t(r.retentionSource === 'hr_system' ? 'outcomesRetentionSourceHr' : 'outcomesRetentionSourceImports')}</p>` : ''}
<h2>${t('outcomesTrend')}</h2>
<figure class="chart">${quarterTrendSvg(ctx, r)}</figure>
${table(
  t('outcomesTrend'),
  [t('outcomesQuarter'), t('outcomesAllHires'), t('outcomesReturneeHires')],
  r.quarters.map(
    (q) =>
      html`<tr><td>${q.quarter}</td><td>${value(ctx, q.allHires)}</td><td>${value(ctx, q.returneeHires)}</td></tr>`,
  ),
  t('none'),
)}
<h2>${t('outcomesFunnelChart')}</h2>
${r.funnel ? html`<figure class="chart">${funnelSvg(ctx, r.funnel)}</figure>` : html`<p>${t('outcomesNotConnected')}</p>`}
<p class="hint">${t('outcomesDefinitions')}</p>`;
}

export function outcomesReportPage(ctx: PageContext, r: OutcomesPageData): string {
  const { t } = ctx;
  const q = `from=${encodeURIComponent(r.from)}&to=${encodeURIComponent(r.to)}&lang=${ctx.lang}`;
  return layout(
    ctx,
    t('outcomesTitle'),
    html`<p>${t('outcomesIntro')}</p>
<form method="get" action="/console/reports/outcomes" class="row">
  <div><label for="from">${t('outcomesFrom')}</label><input id="from" name="from" type="date" value="${r.from}" required></div>
  <div><label for="to">${t('outcomesTo')}</label><input id="to" name="to" type="date" value="${r.to}" required></div>
  <input type="hidden" name="lang" value="${ctx.lang}">
  <div><button type="submit">${t('outcomesShow')}</button></div>
</form>
<p><a href="/console/reports/outcomes/csv?${q}">${t('outcomesCsv')}</a> · <a href="/console/reports/outcomes/print?${q}">${t('outcomesPrint')}</a></p>
${reportBody(ctx, r)}`,
  ).value;
}

/** The same figures without navigation or forms, for the integrated report (print from the browser). */
export function outcomesPrintPage(ctx: PageContext, r: OutcomesPageData): string {
  const { t } = ctx;
  return html`<!DOCTYPE html>
<html lang="${ctx.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('outcomesTitle')} ${r.from} – ${r.to} — ${t('appName')}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/console/assets/console.css"></head>
<body class="print"><main id="main"><h1>${t('outcomesTitle')}</h1>
<p>${t('outcomesIntro')}</p>
${reportBody(ctx, r)}
</main></body></html>`.value;
}

export function tasksPage(
  ctx: PageContext,
  data: { tasks: ReonboardingTaskView[]; today: string; showAssignee: boolean },
): string {
  const { t } = ctx;
  const headers = [t('taskDue'), t('taskPhase'), t('taskItem'), t('taskReturnee'), t('taskJob')];
  if (data.showAssignee) headers.push(t('taskAssignee'));
  headers.push(t('taskStatus'), t('actions'));
  return layout(
    ctx,
    t('tasksTitle'),
    html`<p>${t('tasksIntro')}</p>
${table(
  t('tasksTitle'),
  headers,
  data.tasks.map((task) => {
    const title = ctx.lang === 'ja' ? task.titleJa : task.titleEn;
    const done = task.doneAt !== null;
    const status = done ? t('taskDoneState') : task.dueOn < data.today ? t('taskOverdue') : t('taskOpen');
    return html`<tr><td>${task.dueOn}</td><td>${t(PHASE_KEYS[task.phase] ?? 'phaseDay1')}</td><td>${title}</td><td>${task.candidateName ?? '—'}</td><td>${task.jobName ?? task.jobId}</td>${data.showAssignee ? html`<td>${task.assigneeSubject ?? t('taskUnassigned')}</td>` : ''}<td>${status}</td>
<td><form method="post" action="/console/tasks/${task.id}"><input type="hidden" name="done" value="${done ? 'false' : 'true'}"><button type="submit" class="link">${done ? t('taskReopen') : t('taskMarkDone')}<span class="visually-hidden"> ${title}</span></button></form></td></tr>`;
  }),
  t('none'),
)}`,
  ).value;
}
