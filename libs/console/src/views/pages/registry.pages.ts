import { html } from '../html';
import { layout, table, type PageContext } from '../layout';

export interface AlumnusRow {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  hireDate: string;
  leaveDate: string;
  department: string | null;
  jobTitle: string | null;
  jobLevel: string | null;
}

export interface ImportProblemRow {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export type ImportOutcome =
  | {
      status: 'completed';
      rowsRead: number;
      rowsImported: number;
      inserted: number;
      updated: number;
      problems: ImportProblemRow[];
      warnings: ImportProblemRow[];
    }
  | {
      status: 'rejected';
      rowsRead: number;
      problemCount: number;
      problems: ImportProblemRow[];
      warnings: ImportProblemRow[];
      message: string;
    };

function problemTable(ctx: PageContext, caption: string, rows: readonly ImportProblemRow[]) {
  const { t } = ctx;
  return table(
    caption,
    [t('row'), t('column'), t('code'), t('message')],
    rows.map(
      (p) =>
        html`<tr><td>${p.row}</td><td>${p.column ?? '—'}</td><td><code>${p.code}</code></td><td>${p.message}</td></tr>`,
    ),
    t('none'),
  );
}

function importForm(ctx: PageContext) {
  const { t } = ctx;
  return html`<h2 id="import">${t('importTitle')}</h2>
<form method="post" action="/console/registry/import" enctype="multipart/form-data" class="row">
  <div><label for="file">${t('importFile')}</label><input id="file" name="file" type="file" accept=".csv,text/csv" required></div>
  <div><label for="mode">${t('importMode')}</label><select id="mode" name="mode">
    <option value="all-or-nothing">${t('modeAll')}</option><option value="valid-rows">${t('modeValid')}</option></select></div>
  <div><label for="encoding">${t('encoding')}</label><select id="encoding" name="encoding">
    <option value="auto">auto</option><option value="utf-8">UTF-8</option><option value="cp932">Shift_JIS (CP932)</option></select></div>
  <div><button type="submit">${t('importSubmit')}</button></div>
</form>`;
}

export function registryPage(
  ctx: PageContext,
  data: { q: string; items: AlumnusRow[]; flash?: string | null; report?: ImportOutcome | null },
): string {
  const { t } = ctx;
  const report = data.report;
  const reportHtml = !report
    ? ''
    : report.status === 'completed'
      ? html`<section aria-labelledby="report-h"><h2 id="report-h">${t('importDone')}</h2>
<div class="numbers"><div class="card"><div>${t('rowsRead')}</div><div class="big">${report.rowsRead}</div></div>
<div class="card"><div>${t('rowsImported')}</div><div class="big">${report.rowsImported}</div></div>
<div class="card"><div>${t('inserted')} / ${t('updated')}</div><div class="big">${report.inserted} / ${report.updated}</div></div></div>
${report.problems.length ? problemTable(ctx, t('problems'), report.problems) : ''}
${report.warnings.length ? problemTable(ctx, t('warnings'), report.warnings) : ''}
<p><a href="/console/re-evaluation">${t('reEvalAfterImport')}</a></p></section>`
      : html`<section aria-labelledby="report-h"><h2 id="report-h">${t('problems')}</h2>
<p class="error" role="alert">${t('importRejected')} (${report.problemCount})</p>
${problemTable(ctx, t('problems'), report.problems)}
${report.warnings.length ? problemTable(ctx, t('warnings'), report.warnings) : ''}</section>`;
  const rows = data.items.map(
    (
      a,
    ) => html`<tr><td>${a.employeeNumber}</td><td>${a.familyName} ${a.givenName}</td><td>${[a.familyNameKana, a.givenNameKana].filter(Boolean).join(' ')}</td>
<td>${a.hireDate}</td><td>${a.leaveDate}</td><td>${a.department ?? '—'}</td><td>${a.jobTitle ?? '—'}</td><td>${a.jobLevel ?? '—'}</td>
<td><a href="/console/registry/${encodeURIComponent(a.employeeNumber)}/erase">${t('erase')}<span class="visually-hidden"> ${a.employeeNumber}</span></a></td></tr>`,
  );
  return layout(
    ctx,
    t('navRegistry'),
    html`${reportHtml}
<p><a href="/console/exit-interviews">${t('navExitInterviews')}</a> · <a href="/console/hris">${t('navHris')}</a></p>
<form method="get" action="/console/registry" class="row" role="search">
  <div><label for="q">${t('searchLabel')}</label><input id="q" name="q" type="search" value="${data.q}"></div>
  <div><button type="submit">${t('search')}</button></div>
</form>
${table(t('navRegistry'), [t('employeeNumber'), t('name'), t('reading'), t('hireDate'), t('leaveDate'), t('department'), t('jobTitle'), t('jobLevel'), t('actions')], rows, t('none'))}
${importForm(ctx)}`,
    { flash: data.flash },
  ).value;
}

export function erasePage(ctx: PageContext, a: AlumnusRow, error: string | null): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('eraseTitle'),
    html`<div class="card"><dl class="facts"><dt>${t('employeeNumber')}</dt><dd>${a.employeeNumber}</dd><dt>${t('name')}</dt><dd>${a.familyName} ${a.givenName}</dd>
<dt>${t('leaveDate')}</dt><dd>${a.leaveDate}</dd></dl></div>
<p class="error">${t('eraseWarning')}</p>
<form method="post" action="/console/registry/${encodeURIComponent(a.employeeNumber)}/erase" class="stack">
  <div><label for="confirm">${t('eraseConfirmLabel')}</label><input id="confirm" name="confirmEmployeeNumber" type="text" required autocomplete="off"></div>
  <div><button type="submit" class="danger">${t('eraseSubmit')}</button> <a href="/console/registry">${t('cancel')}</a></div>
</form>`,
    { error },
  ).value;
}
