// HR's pay data imports, the fairness policy editor (fields with help, JSON as the advanced view, dry run before
// activation) and the hiring managers of each job.
import { html, type SafeHtml } from '../html';
import { isMessageKey, type MessageKey } from '../i18n';
import { layout, table, type PageContext } from '../layout';
import type { PayDataKind } from '../../pay-console.dto';
import { atsOptions, badge, formatDateTime, formatYen, resultBadge, type AtsOption } from './common';
import type { ImportProblemRow } from './registry.pages';
import {
  dryRunRecordNote,
  type PolicyProblemRow,
  type PolicyVersionPageData,
  type PolicyVersionRow,
} from './policy.pages';

function text(ctx: PageContext, key: string, fallback: string): string {
  return isMessageKey(key) ? ctx.t(key) : fallback;
}

// ---- Pay data ----

export type PayImportOutcome =
  | {
      kind: PayDataKind;
      status: 'completed';
      rowsRead: number;
      rowsImported: number;
      warnings: ImportProblemRow[];
    }
  | {
      kind: PayDataKind;
      status: 'rejected';
      rowsRead: number;
      problemCount: number;
      problems: ImportProblemRow[];
      warnings: ImportProblemRow[];
    };

export interface PayDataCounts {
  benchmarks: number;
  bands: number;
  snapshots: { effectiveDate: string; incumbents: number }[];
}

/** Each problem with its row and column; the message in the viewer's language when its code is known. */
function problemRows(ctx: PageContext, caption: string, rows: readonly ImportProblemRow[]): SafeHtml {
  const { t } = ctx;
  return table(
    caption,
    [t('row'), t('column'), t('message')],
    rows.map(
      (p) =>
        html`<tr><td>${p.row}</td><td>${p.column ?? '—'}</td><td>${text(ctx, `importProblem_${p.code}`, p.message)}${ctx.lang === 'ja' ? '' : html``}<br><span class="hint" lang="en">${p.message}</span></td></tr>`,
    ),
    t('none'),
  );
}

function payImportForm(ctx: PageContext, kind: PayDataKind): SafeHtml {
  const { t } = ctx;
  const id = (f: string) => `${kind}-${f}`;
  return html`<section aria-labelledby="${id('h')}" class="card"><h2 id="${id('h')}">${t(`payKind_${kind}` as MessageKey)}</h2>
<p class="hint">${t(`payKindHint_${kind}` as MessageKey)}</p>
<form method="post" action="/console/pay-data/${kind}" enctype="multipart/form-data" class="row">
  <div><label for="${id('file')}">${t('importFile')}</label><input id="${id('file')}" name="file" type="file" accept=".csv,text/csv" required></div>
  <div><label for="${id('encoding')}">${t('encoding')}</label><select id="${id('encoding')}" name="encoding">
    <option value="auto">auto</option><option value="utf-8">UTF-8</option><option value="cp932">Shift_JIS (CP932)</option></select></div>
  ${kind === 'benchmarks' ? '' : html`<div><label for="${id('date')}">${t('effectiveDate')}</label><input id="${id('date')}" name="effectiveDate" type="date"${kind === 'incumbents' ? html` required` : ''}></div>`}
  <div><button type="submit">${t('importSubmit')}</button></div>
</form></section>`;
}

export function payDataPage(
  ctx: PageContext,
  data: { counts: PayDataCounts; report?: PayImportOutcome | null },
): string {
  const { t } = ctx;
  const r = data.report;
  const reportHtml = !r
    ? ''
    : r.status === 'completed'
      ? html`<section aria-labelledby="report-h" data-testid="pay-import-report"><h2 id="report-h">${t('payImportReport')}: ${t(`payKind_${r.kind}` as MessageKey)}</h2>
<p class="flash" role="status">${t('payImportDone')}</p>
<div class="numbers"><div class="card"><div>${t('rowsRead')}</div><div class="big">${r.rowsRead}</div></div>
<div class="card"><div>${t('rowsImported')}</div><div class="big">${r.rowsImported}</div></div></div>
${r.warnings.length ? problemRows(ctx, t('warnings'), r.warnings) : ''}</section>`
      : html`<section aria-labelledby="report-h" data-testid="pay-import-report"><h2 id="report-h">${t('payImportReport')}: ${t(`payKind_${r.kind}` as MessageKey)}</h2>
<p class="error" role="alert">${t('importRejected')} (${r.problemCount})</p>
${problemRows(ctx, t('problems'), r.problems)}
${r.warnings.length ? problemRows(ctx, t('warnings'), r.warnings) : ''}</section>`;
  const c = data.counts;
  return layout(
    ctx,
    t('payDataTitle'),
    html`<p>${t('payDataIntro')}</p>
${reportHtml}
<h2>${t('storedRows')}</h2>
<dl class="facts" data-testid="pay-counts"><dt>${t('payKind_benchmarks')}</dt><dd>${c.benchmarks}</dd><dt>${t('payKind_bands')}</dt><dd>${c.bands}</dd>
<dt>${t('snapshots')}</dt><dd>${c.snapshots.length ? c.snapshots.map((s) => `${s.effectiveDate} (${s.incumbents})`).join(', ') : t('none')}</dd></dl>
${payImportForm(ctx, 'benchmarks')}
${payImportForm(ctx, 'bands')}
${payImportForm(ctx, 'incumbents')}`,
  ).value;
}

// ---- Fairness policy ----

const CHECKS = [
  { name: 'checks_premiumOverIncumbents', numbers: ['tolerancePercent'] },
  { name: 'checks_returneePenalty', numbers: ['tolerancePercent'] },
  { name: 'checks_outsideBand', numbers: [] },
  { name: 'checks_unexplainedPay', numbers: ['minCohort', 'maxStandardErrors'] },
  { name: 'checks_genderGapImpact', numbers: ['thresholdPercent'] },
  { name: 'checks_smallCohort', numbers: [] },
] as const;
const PROPOSAL_FIELDS = [
  'proposal_experienceAwayPercentPerYear',
  'proposal_experienceAwayMaxYears',
  'proposal_levelDifferencePercentPerStep',
  'proposal_levelDifferenceMaxSteps',
  'proposal_roundToYen',
] as const;
const PRIVACY_FIELDS = ['wageGrowth_annualRate', 'privacy_minCohort'] as const;

/** Every form field: its name (path segments joined by `_`) and kind. */
export const FAIRNESS_FORM_FIELDS: readonly { name: string; kind: 'number' | 'bool' | 'severity' }[] = [
  ...PRIVACY_FIELDS.map((name) => ({ name, kind: 'number' as const })),
  ...PROPOSAL_FIELDS.map((name) => ({ name, kind: 'number' as const })),
  ...CHECKS.flatMap((c) => [
    { name: `${c.name}_enabled`, kind: 'bool' as const },
    { name: `${c.name}_severity`, kind: 'severity' as const },
    ...c.numbers.map((n) => ({ name: `${c.name}_${n}`, kind: 'number' as const })),
  ]),
];

/**
 * The document the form describes: a copy of `base` (the version being edited) with each field written in.
 * A number that does not parse is kept as typed, so the policy's validator reports it at its field.
 */
export function fairnessDocumentFromForm(
  base: unknown,
  form: Readonly<Record<string, string | undefined>>,
): Record<string, unknown> {
  const doc = JSON.parse(JSON.stringify(base ?? {})) as Record<string, unknown>;
  for (const f of FAIRNESS_FORM_FIELDS) {
    const raw = form[f.name];
    let value: unknown;
    if (f.kind === 'bool') value = raw === 'on' || raw === 'true';
    else if (raw === undefined) continue;
    else if (f.kind === 'number') value = /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw.trim();
    else value = raw;
    const path = f.name.split('_');
    let node = doc;
    for (const key of path.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return doc;
}

/** The form field a problem's JSON pointer names (or its check's group), if the form shows it. */
function fieldOf(pointer: string): string | null {
  const name = pointer.replace(/^\//, '').split('/').join('_');
  if (FAIRNESS_FORM_FIELDS.some((f) => f.name === name)) return name;
  const group = CHECKS.find((c) => name === c.name);
  return group ? `${group.name}_enabled` : null;
}

function valueAt(doc: unknown, name: string): unknown {
  let node: unknown = doc;
  for (const key of name.split('_')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export interface FairnessEditorData {
  activeVersion: number;
  document: unknown;
  json: string;
  comment: string;
  problems: PolicyProblemRow[] | null;
  valid: boolean;
  history: PolicyVersionRow[];
}

export function fairnessPolicyPage(ctx: PageContext, data: FairnessEditorData): string {
  const { t } = ctx;
  const errors = new Map<string, string[]>();
  const general: PolicyProblemRow[] = [];
  for (const p of data.problems ?? []) {
    const f = fieldOf(p.path);
    if (f) errors.set(f, [...(errors.get(f) ?? []), p.message]);
    else general.push(p);
  }
  const errorOf = (name: string): SafeHtml =>
    errors.has(name)
      ? html`<p class="field-error" id="${name}-error">${errors.get(name)!.join(' ')}</p>`
      : html``;
  const described = (name: string): string =>
    [`${name}-help`, errors.has(name) ? `${name}-error` : ''].filter(Boolean).join(' ');
  const numberField = (name: string, label: string, help: string): SafeHtml => {
    const v = valueAt(data.document, name);
    return html`<div class="field"><label for="${name}">${label}</label>
<input id="${name}" name="${name}" inputmode="decimal" value="${typeof v === 'number' || typeof v === 'string' ? String(v) : ''}" aria-describedby="${described(name)}"${errors.has(name) ? html` aria-invalid="true"` : ''}>
<p class="hint" id="${name}-help">${help}</p>${errorOf(name)}</div>`;
  };
  const simple = (name: string) =>
    numberField(name, t(`fp_${name}` as MessageKey), t(`fpHelp_${name}` as MessageKey));
  const checkGroup = (c: (typeof CHECKS)[number]): SafeHtml => {
    const enabled = valueAt(data.document, `${c.name}_enabled`) === true;
    const severity = valueAt(data.document, `${c.name}_severity`);
    const en = `${c.name}_enabled`;
    const sev = `${c.name}_severity`;
    return html`<fieldset class="card"><legend>${t(`fp_${c.name}` as MessageKey)}</legend>
<p class="hint" id="${c.name}-help">${t(`fpHelp_${c.name}` as MessageKey)}</p>
<div class="field"><input type="checkbox" id="${en}" name="${en}"${enabled ? html` checked` : ''} aria-describedby="${described(en)}"> <label for="${en}">${t('fpEnabled')}</label>${errorOf(en)}</div>
<div class="field"><label for="${sev}">${t('fpSeverity')}</label><select id="${sev}" name="${sev}" aria-describedby="${described(sev)}"${errors.has(sev) ? html` aria-invalid="true"` : ''}>
<option value="warn"${severity === 'warn' ? html` selected` : ''}>${t('fpSeverityWarn')}</option>
<option value="fail"${severity === 'fail' ? html` selected` : ''}>${t('fpSeverityFail')}</option></select><span class="visually-hidden" id="${sev}-help">${t('fpSeverity')}</span>${errorOf(sev)}</div>
${c.numbers.map((n) => simple(`${c.name}_${n}`))}
</fieldset>`;
  };
  const problemsHtml = data.problems?.length
    ? html`<div class="error" role="alert"><p>${t('fpProblems')}</p>${
        general.length
          ? html`<ul>${general.map((p) => html`<li><code>${p.path || '/'}</code> ${p.message}</li>`)}</ul>`
          : ''
      }</div>`
    : data.valid
      ? html`<p class="flash" role="status">${t('fpValid')}</p>`
      : '';
  return layout(
    ctx,
    t('fairnessPolicyTitle'),
    html`<p>${t('fairnessPolicyIntro')}</p>
<p>${t('policyActive')}: v${data.activeVersion}</p>
${problemsHtml}
<form method="post" action="/console/fairness-policy" class="stack" data-testid="fairness-form">
<h2>${t('fpSectionPrivacy')}</h2>${PRIVACY_FIELDS.map(simple)}
<h2>${t('fpSectionProposal')}</h2>${PROPOSAL_FIELDS.map(simple)}
<h2>${t('fpSectionChecks')}</h2>${CHECKS.map(checkGroup)}
<div class="field"><label for="fp-comment">${t('comment')}</label><input id="fp-comment" name="comment" maxlength="2000" value="${data.comment}"></div>
<details><summary>${t('fpAdvanced')}</summary><p class="hint" id="fp-json-help">${t('fpAdvancedHint')}</p>
<label for="fp-json">JSON</label><textarea id="fp-json" name="json" rows="16" aria-describedby="fp-json-help">${data.json}</textarea>
<button type="submit" name="intent" value="json" class="secondary">${t('fpSaveJson')}</button></details>
<div class="row"><button type="submit" name="intent" value="save">${t('fpSaveDraft')}</button>
<button type="submit" name="intent" value="validate" class="secondary">${t('fpValidate')}</button></div>
</form>
<h2>${t('history')}</h2>
${table(
  t('history'),
  [t('version'), t('status'), t('comment'), t('createdBy'), t('checkedAt'), t('actions')],
  data.history.map(
    (r) =>
      html`<tr><td>v${r.version}</td><td>${badge(ctx, r.status)}</td><td>${r.comment ?? ''}</td><td>${r.createdBy}</td><td>${formatDateTime(r.createdAt, ctx.lang)}</td>
<td><a href="/console/fairness-policy/${r.version}">${t('open')}<span class="visually-hidden"> v${r.version}</span></a></td></tr>`,
  ),
  t('none'),
)}`,
  ).value;
}

type Outcome = 'pass' | 'warn' | 'fail';
export interface FairnessDryRunView {
  version: number;
  againstVersion: number;
  openOffers: number;
  before: Record<Outcome, number>;
  after: Record<Outcome, number>;
  changed: number;
  transitions: Record<string, number>;
  examples: { ats: string; applicationId: string; amount: number; before: Outcome; after: Outcome }[];
}

export function fairnessVersionPage(
  ctx: PageContext,
  data: PolicyVersionPageData<FairnessDryRunView>,
): string {
  const { t } = ctx;
  const r = data.row;
  const d = data.dryRun;
  const outcomes: Outcome[] = ['pass', 'warn', 'fail'];
  const dry = d
    ? html`<section aria-labelledby="fdry-h" data-testid="fairness-dry-run"><h2 id="fdry-h">${t('fpDryRunTitle')}</h2>
<p>${t('fpAgainst')}: v${d.againstVersion}</p>
<dl class="facts"><dt>${t('fpOpenOffers')}</dt><dd data-testid="fdry-open">${d.openOffers}</dd><dt>${t('fpChanged')}</dt><dd data-testid="fdry-changed">${d.changed}</dd></dl>
${table(
  t('fpDryRunTitle'),
  [t('result'), t('fpBefore'), t('fpAfter')],
  outcomes.map(
    (o) => html`<tr><td>${resultBadge(ctx, o)}</td><td>${d.before[o]}</td><td>${d.after[o]}</td></tr>`,
  ),
  t('none'),
)}
${table(
  t('fpChanged'),
  [t('applicant'), t('amount'), t('fpTransition')],
  d.examples.map(
    (e) =>
      html`<tr><td><a href="/console/offers/${encodeURIComponent(e.ats)}/${encodeURIComponent(e.applicationId)}">${e.applicationId}</a></td><td>${formatYen(e.amount)}</td><td>${resultBadge(ctx, e.before)} → ${resultBadge(ctx, e.after)}</td></tr>`,
  ),
  t('none'),
)}</section>`
    : data.dryRunRecord && r.status !== 'active'
      ? dryRunRecordNote(ctx, data.dryRunRecord)
      : html``;
  const canActivate = r.status === 'draft' || r.status === 'retired';
  return layout(
    ctx,
    `${t('fpVersionTitle')} v${r.version}`,
    html`<p>${badge(ctx, r.status)} ${r.comment ?? ''}</p>
${
  r.status === 'active'
    ? ''
    : html`<section aria-labelledby="fdry-run-h"><h2 id="fdry-run-h">${t('fpRunDryRun')}</h2><p class="hint">${t('fpDryRunHint')}</p>
<form method="post" action="/console/fairness-policy/${r.version}/dry-run"><button type="submit" class="secondary">${t('fpRunDryRun')}</button></form></section>`
}
${dry}
${
  canActivate
    ? data.dryRunRecord
      ? html`<form method="post" action="/console/fairness-policy/${r.version}/activate"><button type="submit">${t('fpActivate')}</button></form>`
      : html`<p class="hint" data-testid="activate-after-dry-run">${t('fpActivateAfterDryRun')}</p>`
    : ''
}
<h2>JSON</h2><pre class="card">${JSON.stringify(r.document, null, 2)}</pre>
<p><a href="/console/fairness-policy">${t('back')}</a></p>`,
    { flash: data.flash, error: data.error },
  ).value;
}

// ---- Hiring-manager assignments ----

export interface AssignmentJob {
  ats: string;
  jobId: string;
  jobName: string | null;
}

export interface AssignmentPerson {
  subject: string;
  name: string;
  email: string;
}

export function assignmentsPage(
  ctx: PageContext,
  data: {
    jobs: AssignmentJob[];
    atsKinds: readonly AtsOption[];
    selected: AssignmentJob | null;
    details: {
      assignments: { userSubject: string; source: string }[];
      removedByHand: string[];
      lastSyncedAt: string | null;
    } | null;
    people: AssignmentPerson[];
    hiringManagers: AssignmentPerson[];
    flash?: string | null;
    error?: string | null;
  },
): string {
  const { t } = ctx;
  const who = (subject: string): string => {
    const p = data.people.find((x) => x.subject === subject);
    return p ? `${p.name} <${p.email}>` : `${t('unknownPerson')} (${subject})`;
  };
  const sel = data.selected;
  const jobLabel = (j: AssignmentJob) => `${j.jobName ?? j.jobId} (${j.ats} ${j.jobId})`;
  const picker = html`<form method="get" action="/console/assignments" class="row">
  <div><label for="job-pick">${t('job')}</label><select id="job-pick" name="job">${data.jobs.map(
    (j) =>
      html`<option value="${j.ats}:${j.jobId}"${sel && sel.ats === j.ats && sel.jobId === j.jobId ? html` selected` : ''}>${jobLabel(j)}</option>`,
  )}</select></div>
  <div><button type="submit">${t('chooseJob')}</button></div>
</form>
<details><summary>${t('jobId')}</summary><form method="get" action="/console/assignments" class="row">
  <div><label for="job-ats">ATS</label><select id="job-ats" name="ats">${atsOptions(data.atsKinds)}</select></div>
  <div><label for="job-id">${t('jobId')}</label><input id="job-id" name="jobId" maxlength="100" required></div>
  <div><button type="submit">${t('chooseJob')}</button></div></form></details>`;
  let detail: SafeHtml = html``;
  if (sel && data.details) {
    const d = data.details;
    const assigned = new Set(d.assignments.map((a) => a.userSubject));
    const candidates = data.hiringManagers.filter((p) => !assigned.has(p.subject));
    const hidden = html`<input type="hidden" name="ats" value="${sel.ats}"><input type="hidden" name="jobId" value="${sel.jobId}">`;
    detail = html`<section aria-labelledby="assigned-h"><h2 id="assigned-h">${t('assignedPeople')}: ${jobLabel(sel)}</h2>
<p>${t('lastSynced')}: ${d.lastSyncedAt ? formatDateTime(d.lastSyncedAt, ctx.lang) : t('neverSynced')}</p>
${table(
  t('assignedPeople'),
  [t('person'), t('source'), t('actions')],
  d.assignments.map(
    (a) =>
      html`<tr><td>${who(a.userSubject)}</td><td>${text(ctx, `source_${a.source}`, a.source)}</td>
<td><form method="post" action="/console/assignments/remove">${hidden}<input type="hidden" name="subject" value="${a.userSubject}"><button type="submit" class="secondary">${t('remove')}<span class="visually-hidden"> ${who(a.userSubject)}</span></button></form></td></tr>`,
  ),
  t('none'),
)}
<h3>${t('addAssignee')}</h3>
${
  candidates.length
    ? html`<form method="post" action="/console/assignments/add" class="row">${hidden}
<div><label for="add-subject">${t('person')}</label><select id="add-subject" name="subject">${candidates.map(
        (p) => html`<option value="${p.subject}">${p.name} &lt;${p.email}&gt;</option>`,
      )}</select></div><div><button type="submit">${t('addAssignee')}</button></div></form>`
    : html`<p class="empty">${t('noHiringManagers')}</p>`
}
<h3>${t('removedByHand')}</h3>
${d.removedByHand.length ? html`<ul>${d.removedByHand.map((s) => html`<li>${who(s)}</li>`)}</ul>` : html`<p class="empty">${t('none')}</p>`}
<form method="post" action="/console/assignments/sync">${hidden}<button type="submit" class="secondary">${t('syncNow')}</button></form>
</section>`;
  }
  return layout(ctx, t('assignmentsTitle'), html`<p>${t('assignmentsIntro')}</p>${picker}${detail}`, {
    flash: data.flash,
    error: data.error,
  }).value;
}
