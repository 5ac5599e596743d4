import {
  DEPARTURE_REASON_CODES,
  DEPARTURE_REASON_LABELS_JA,
  type DepartureReasonCode,
} from '@comeback/domain';
import type { OverrideRow, PolicyFormModel } from '../../policies/policy-form';
import { html, type SafeHtml } from '../html';
import { isMessageKey, type MessageKey } from '../i18n';
import { layout, table, type PageContext } from '../layout';
import { badge, formatDateTime } from './common';

export interface PolicyVersionRow {
  version: number;
  status: string;
  comment: string | null;
  createdBy: string;
  createdAt: Date;
  activatedBy: string | null;
  activatedAt: Date | null;
  document: unknown;
}

/** A version's last dry run as recorded on its row, given only when it ran exactly the content the row holds now. */
export interface DryRunRecordView {
  by: string;
  at: Date;
}

/** What every policy editor's version page shows: the row, the dry run's report (if this process has it) and record. */
export interface PolicyVersionPageData<R> {
  row: PolicyVersionRow;
  dryRun: R | null;
  dryRunRecord: DryRunRecordView | null;
  flash?: string | null;
  error?: string | null;
}

/** A dry run recorded (maybe by another process, or before a restart) whose report this page does not have. */
export function dryRunRecordNote(ctx: PageContext, r: DryRunRecordView): SafeHtml {
  const text = ctx.t('dryRunRecorded').replace('{by}', r.by).replace('{at}', formatDateTime(r.at, ctx.lang));
  return html`<p class="hint" data-testid="dry-run-recorded">${text}</p>`;
}

export interface PolicyProblemRow {
  path: string;
  message: string;
  code?: string;
}

interface OutcomeCounts {
  eligible: number;
  needs_hr_review: number;
  ineligible: number;
}

export interface DryRunView {
  total: number;
  changed: number;
  byOutcome: { current: OutcomeCounts; draft: OutcomeCounts };
  transitions: readonly { from: string; to: string; count: number }[];
  examples: readonly {
    employeeNumber: string;
    from: string;
    to: string;
    decisiveRule: string | null;
    detail: string | null;
  }[];
}

export interface PolicyDryRunView {
  version: number;
  againstVersion: number;
  registry: DryRunView;
  openApplications: DryRunView;
}

function historyTable(ctx: PageContext, rows: readonly PolicyVersionRow[]) {
  const { t } = ctx;
  return table(
    t('history'),
    [t('version'), t('status'), t('comment'), t('createdBy'), t('activatedBy'), t('actions')],
    rows.map(
      (r) =>
        html`<tr>
          <td>v${r.version}</td>
          <td>${badge(ctx, r.status)}</td>
          <td>${r.comment ?? ''}</td>
          <td>${r.createdBy}<br /><span class="hint">${formatDateTime(r.createdAt, ctx.lang)}</span></td>
          <td>
            ${r.activatedBy ?? '—'}${r.activatedAt ? html`<br /><span class="hint">${formatDateTime(r.activatedAt, ctx.lang)}</span>` : ''}
          </td>
          <td>
            <a href="/console/policies/${r.version}"
              >${t('open')}<span class="visually-hidden"> v${r.version}</span></a
            >
          </td>
        </tr>`,
    ),
    t('none'),
  );
}

/** A validation problem, placed at its form field when the form shows that part of the document. */
export interface PolicyFieldProblem extends PolicyProblemRow {
  field: string | null;
}

export function policiesPage(
  ctx: PageContext,
  data: {
    activeVersion: number;
    form: PolicyFormModel;
    /** The document the form started from (kept for what the form does not show). */
    baseText: string;
    /** The advanced view's JSON. */
    documentText: string;
    comment: string;
    problems: PolicyFieldProblem[] | null;
    /** The problems came from the JSON view: open it. */
    jsonOpen: boolean;
    tiers: string[];
    valid: boolean;
    history: PolicyVersionRow[];
  },
): string {
  const { t } = ctx;
  const problems = data.problems ?? [];
  const unplaced = problems.filter((p) => p.field === null);
  const fieldErrors = new Map<string, string[]>();
  for (const p of problems)
    if (p.field) fieldErrors.set(p.field, [...(fieldErrors.get(p.field) ?? []), p.message]);
  const problemsTable = unplaced.length
    ? html`<section aria-labelledby="problems-h" class="card">
        <h2 id="problems-h">${data.jsonOpen ? t('policyProblems') : t('policyOtherProblems')}</h2>
        ${table(
          t('policyProblems'),
          [t('path'), t('message')],
          unplaced.map(
            (p) =>
              html`<tr>
                <td><code>${p.path || '/'}</code></td>
                <td>${p.message}</td>
              </tr>`,
          ),
          t('none'),
        )}
      </section>`
    : '';
  return layout(
    ctx,
    t('policyTitle'),
    html`<p>${t('policyActive')}: <strong>v${data.activeVersion}</strong></p>
      ${fieldErrors.size ? html`<p class="error" role="alert">${t('policyFieldProblems')}</p>` : ''}
      ${problemsTable}
      ${policyForm(ctx, data.form, data.baseText, data.comment, data.tiers, fieldErrors)}
      <details class="card" ${data.jsonOpen ? html`open` : ''}>
        <summary>${t('policyAdvanced')}</summary>
        <form method="post" action="/console/policies" class="stack" aria-describedby="json-status">
          <div>
            <label for="document">${t('policyEditor')}</label>
            <textarea
              id="document"
              name="document"
              data-json="${t('policyInvalidJson')}"
              spellcheck="false"
              ${data.jsonOpen && problems.length ? html` aria-invalid="true"` : ''}
            >
${data.documentText}</textarea
            >
            <p id="json-status" class="hint" aria-live="polite"></p>
          </div>
          <div>
            <label for="json-comment">${t('policyComment')}</label
            ><input id="json-comment" name="comment" type="text" value="${data.comment}" />
          </div>
          <div>
            <button type="submit" name="intent" value="validate" class="secondary">
              ${t('policyValidate')}
            </button>
            <button type="submit" name="intent" value="save">${t('policySave')}</button>
          </div>
        </form>
      </details>
      <h2>${t('history')}</h2>
      ${historyTable(ctx, data.history)}`,
    { flash: data.valid ? t('policyValid') : null },
  ).value;
}

/** One labelled field with its help text and, when the validator named it, its error (linked for screen readers). */
function field(
  id: string,
  label: string,
  help: string | null,
  errors: Map<string, string[]>,
  control: (describedBy: string, invalid: SafeHtml | string) => SafeHtml,
) {
  const errs = errors.get(id) ?? [];
  const describedBy = [help ? `${id}-help` : '', errs.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for="${id}">${label}</label>
    ${control(describedBy, errs.length ? html` aria-invalid="true"` : '')}
    ${help ? html`<p id="${id}-help" class="hint">${help}</p>` : ''}
    ${errs.length ? html`<p id="${id}-error" class="error">${errs.join(' ')}</p>` : ''}
  </div>`;
}

function numberInput(id: string, name: string, value: string) {
  return (describedBy: string, invalid: SafeHtml | string) =>
    html`<input id="${id}" name="${name}" type="text" inputmode="numeric" value="${value}"
      ${describedBy ? html`aria-describedby="${describedBy}"` : ''}${invalid} />`;
}

function textInput(id: string, name: string, value: string) {
  return (describedBy: string, invalid: SafeHtml | string) =>
    html`<input id="${id}" name="${name}" type="text" value="${value}"
      ${describedBy ? html`aria-describedby="${describedBy}"` : ''}${invalid} />`;
}

function select(id: string, name: string, value: string, options: readonly [string, string][]) {
  return (describedBy: string, invalid: SafeHtml | string) =>
    html`<select id="${id}" name="${name}" ${describedBy ? html`aria-describedby="${describedBy}"` : ''}${invalid}>
      ${options.map(([v, label]) => html`<option value="${v}" ${v === value ? html`selected` : ''}>${label}</option>`)}
    </select>`;
}

/** A group of checkboxes as one field: a fieldset with its legend, help and error. */
function checkboxes(
  id: string,
  name: string,
  legend: string,
  help: string,
  checked: readonly string[],
  options: readonly [string, string][],
  errors: Map<string, string[]>,
) {
  const errs = errors.get(id) ?? [];
  return html`<fieldset id="${id}" aria-describedby="${id}-help${errs.length ? ` ${id}-error` : ''}"${errs.length ? html` aria-invalid="true"` : ''}>
    <legend>${legend}</legend>
    ${options.map(
      ([v, label], i) =>
        html`<label class="check"
          ><input type="checkbox" id="${id}-${i}" name="${name}" value="${v}" ${checked.includes(v) ? html`checked` : ''} />
          ${label}</label
        >`,
    )}
    <p id="${id}-help" class="hint">${help}</p>
    ${errs.length ? html`<p id="${id}-error" class="error">${errs.join(' ')}</p>` : ''}
  </fieldset>`;
}

function reasonLabel(ctx: PageContext, code: DepartureReasonCode): string {
  return ctx.lang === 'ja' ? DEPARTURE_REASON_LABELS_JA[code] : code.replace(/_/g, ' ');
}

function policyForm(
  ctx: PageContext,
  f: PolicyFormModel,
  baseText: string,
  comment: string,
  tiers: readonly string[],
  errors: Map<string, string[]>,
) {
  const { t } = ctx;
  const tierOptions = (blank: boolean): [string, string][] => [
    ...(blank ? ([['', '—']] as [string, string][]) : []),
    ...tiers.map((x): [string, string] => [x, x]),
  ];
  const missing: [string, string][] = [
    ['pass', t('missingPass')],
    ['needs_hr_review', t('missingReview')],
    ['fail', t('missingFail')],
  ];
  const rows = f.overrides.length ? f.overrides : [];
  return html`<form method="post" action="/console/policies/form" class="stack" id="policy-form" novalidate>
    <h2>${t('policyFormTitle')}</h2>
    <p class="hint">${t('policyFormIntro')}</p>
    <input type="hidden" name="base" value="${baseText}" />
    ${field('minTenureMonths', t('ruleMinTenure'), t('ruleMinTenureHelp'), errors, numberInput('minTenureMonths', 'minTenureMonths', f.minTenureMonths))}
    ${checkboxes(
      'excludedReasons',
      'excludedReasons',
      t('ruleExcludedReasons'),
      t('ruleExcludedReasonsHelp'),
      f.excludedReasons,
      DEPARTURE_REASON_CODES.map((c): [string, string] => [c, reasonLabel(ctx, c)]),
      errors,
    )}
    ${field('coolingOffMonths', t('ruleCoolingOff'), t('ruleCoolingOffHelp'), errors, numberInput('coolingOffMonths', 'coolingOffMonths', f.coolingOffMonths))}
    <fieldset>
      <legend>${t('ruleMaxMonths')}</legend>
      ${field('maxMonths', t('ruleMaxMonths'), t('ruleMaxMonthsHelp'), errors, numberInput('maxMonths', 'maxMonths', f.maxMonths))}
      ${field(
        'maxBeyond',
        t('ruleMaxBeyond'),
        null,
        errors,
        select('maxBeyond', 'maxBeyond', f.maxBeyond, [
          ['tier', t('beyondTier')],
          ['ineligible', t('beyondIneligible')],
          ['needs_hr_review', t('beyondReview')],
        ]),
      )}
      ${field('maxTier', t('ruleMaxTier'), null, errors, select('maxTier', 'maxTier', f.maxTier, tierOptions(true)))}
    </fieldset>
    ${checkboxes(
      'rehireAccepted',
      'rehireAccepted',
      t('ruleRehire'),
      t('ruleRehireHelp'),
      f.rehireAccepted,
      [
        ['yes', t('rehire_yes')],
        ['conditional', t('rehire_conditional')],
        ['no', t('rehire_no')],
      ],
      errors,
    )}
    ${field('rehireUnknown', t('ruleRehireUnknown'), null, errors, select('rehireUnknown', 'rehireUnknown', f.rehireUnknown, missing))}
    <fieldset>
      <legend>${t('ruleRating')}</legend>
      <p class="hint">${t('ruleRatingHelp')}</p>
      ${field('ratingFloor', t('ruleRatingFloor'), null, errors, textInput('ratingFloor', 'ratingFloor', f.ratingFloor))}
      ${field('ratingScale', t('ruleRatingScale'), null, errors, textInput('ratingScale', 'ratingScale', f.ratingScale))}
      ${field('ratingLastN', t('ruleRatingLastN'), null, errors, numberInput('ratingLastN', 'ratingLastN', f.ratingLastN))}
      ${field('ratingMissing', t('ruleRatingMissing'), null, errors, select('ratingMissing', 'ratingMissing', f.ratingMissing, missing))}
    </fieldset>
    ${field('defaultTier', t('ruleDefaultTier'), t('ruleDefaultTierHelp'), errors, select('defaultTier', 'defaultTier', f.defaultTier, tierOptions(false)))}
    <section aria-labelledby="overrides-h">
      <h3 id="overrides-h">${t('overridesTitle')}</h3>
      <p class="hint" id="overrides-help">${t('overridesHelp')}</p>
      ${rows.map((row, i) => overrideRow(ctx, row, i, tierOptions(true), errors))}
      <button type="submit" name="intent" value="add_override" class="secondary">${t('overrideAdd')}</button>
    </section>
    <div>
      <label for="comment">${t('policyComment')}</label
      ><input id="comment" name="comment" type="text" value="${comment}" />
    </div>
    <div>
      <button type="submit" name="intent" value="validate" class="secondary">${t('policyValidate')}</button>
      <button type="submit" name="intent" value="save">${t('policySave')}</button>
    </div>
  </form>`;
}

function overrideRow(
  ctx: PageContext,
  row: OverrideRow,
  i: number,
  tiers: [string, string][],
  errors: Map<string, string[]>,
) {
  const { t } = ctx;
  const id = (k: string) => `ov-${i}-${k}`;
  const name = (k: string) => `ov[${i}][${k}]`;
  return html`<fieldset class="card override" data-testid="override-${i}">
    <legend>${t('overrideRow')} ${i + 1}</legend>
    ${field(id('id'), t('overrideId'), null, errors, textInput(id('id'), name('id'), row.id))}
    ${field(id('departments'), t('overrideDepartments'), null, errors, textInput(id('departments'), name('departments'), row.departments))}
    ${field(id('jobLevels'), t('overrideJobLevels'), null, errors, textInput(id('jobLevels'), name('jobLevels'), row.jobLevels))}
    ${field(id('jobLevelPrefixes'), t('overrideJobLevelPrefixes'), null, errors, textInput(id('jobLevelPrefixes'), name('jobLevelPrefixes'), row.jobLevelPrefixes))}
    ${field(id('jobIds'), t('overrideJobIds'), null, errors, textInput(id('jobIds'), name('jobIds'), row.jobIds))}
    ${field(id('minTenureMonths'), t('ruleMinTenure'), null, errors, numberInput(id('minTenureMonths'), name('minTenureMonths'), row.minTenureMonths))}
    ${field(id('coolingOffMonths'), t('ruleCoolingOff'), null, errors, numberInput(id('coolingOffMonths'), name('coolingOffMonths'), row.coolingOffMonths))}
    ${field(id('defaultTier'), t('ruleDefaultTier'), null, errors, select(id('defaultTier'), name('defaultTier'), row.defaultTier, tiers))}
    <input type="hidden" name="${name('comment')}" value="${row.comment}" />
    <label class="check"
      ><input type="checkbox" id="${id('remove')}" name="${name('remove')}" value="1" /> ${t('overrideRemove')}
      <span class="visually-hidden">${t('overrideRow')} ${i + 1}</span></label
    >
  </fieldset>`;
}

const OUTCOME_KEYS: Record<string, MessageKey> = {
  eligible: 'eligible',
  needs_hr_review: 'needsHrReview',
  ineligible: 'ineligible',
};

function outcomeLabel(ctx: PageContext, outcome: string): string {
  const key = OUTCOME_KEYS[outcome];
  return key ? ctx.t(key) : outcome;
}

function ruleLabel(ctx: PageContext, rule: string): string {
  const key = `rule_${rule}`;
  return isMessageKey(key) ? ctx.t(key) : rule;
}

function dryRunBlock(ctx: PageContext, caption: string, id: string, d: DryRunView) {
  const { t } = ctx;
  const outcomes: [keyof OutcomeCounts, string][] = [
    ['eligible', t('eligible')],
    ['needs_hr_review', t('needsHrReview')],
    ['ineligible', t('ineligible')],
  ];
  return html`<section aria-labelledby="${id}">
    <h3 id="${id}">${caption}</h3>
    <div class="numbers">
      <div class="card">
        <div>${t('total')}</div>
        <div class="big" data-testid="${id}-total">${d.total}</div>
      </div>
      <div class="card">
        <div>${t('changed')}</div>
        <div class="big" data-testid="${id}-changed">${d.changed}</div>
      </div>
    </div>
    ${table(
      caption,
      ['', t('current'), t('draft')],
      outcomes.map(
        ([k, label]) =>
          html`<tr>
            <th scope="row">${label}</th>
            <td>${d.byOutcome.current[k]}</td>
            <td>${d.byOutcome.draft[k]}</td>
          </tr>`,
      ),
      t('none'),
    )}
    ${table(
      `${caption}: ${t('changed')}`,
      [t('from'), t('to'), t('total')],
      d.transitions.map(
        (x) =>
          html`<tr>
            <td>${outcomeLabel(ctx, x.from)}</td>
            <td>${outcomeLabel(ctx, x.to)}</td>
            <td>${x.count}</td>
          </tr>`,
      ),
      t('none'),
    )}
    ${
      d.examples.length
        ? table(
            `${caption}: ${t('dryRunChangedPeople')}`,
            [t('employeeNumber'), t('from'), t('to'), t('decisiveRule'), t('message')],
            d.examples.map(
              (x) =>
                html`<tr>
                  <td>${x.employeeNumber}</td>
                  <td>${outcomeLabel(ctx, x.from)}</td>
                  <td>${outcomeLabel(ctx, x.to)}</td>
                  <td>${x.decisiveRule ? ruleLabel(ctx, x.decisiveRule) : '—'}</td>
                  <td>${x.detail ?? ''}</td>
                </tr>`,
            ),
            t('none'),
          )
        : ''
    }
  </section>`;
}

export function policyVersionPage(ctx: PageContext, data: PolicyVersionPageData<PolicyDryRunView>): string {
  const { t } = ctx;
  const r = data.row;
  return layout(
    ctx,
    `${t('policyTitle')} v${r.version}`,
    html`<p>${badge(ctx, r.status)} ${r.comment ?? ''}</p>
      ${
        data.dryRun
          ? html`<section aria-labelledby="dry-h">
              <h2 id="dry-h">
                ${t('dryRunTitle')} (v${data.dryRun.againstVersion} → v${data.dryRun.version})
              </h2>
              ${dryRunBlock(ctx, t('registry'), 'dry-registry', data.dryRun.registry)}
              ${dryRunBlock(ctx, t('openApplications'), 'dry-open', data.dryRun.openApplications)}
            </section>`
          : r.status === 'active'
            ? ''
            : html`<section aria-labelledby="dry-h">
                <h2 id="dry-h">${t('dryRunTitle')}</h2>
                ${data.dryRunRecord ? dryRunRecordNote(ctx, data.dryRunRecord) : html`<p>${t('dryRunNotRun')}</p>`}
                <form method="post" action="/console/policies/${r.version}/dry-run">
                  <button type="submit" class="secondary">${t('runDryRun')}</button>
                </form>
              </section>`
      }
      ${
        r.status === 'draft' || r.status === 'retired'
          ? data.dryRunRecord
            ? html`<form method="post" action="/console/policies/${r.version}/activate">
                <button type="submit">${t('activate')}</button>
              </form>`
            : html`<p class="hint" data-testid="activate-after-dry-run">${t('activateAfterDryRun')}</p>`
          : ''
      }
      ${
        r.status === 'active'
          ? html`<p><a href="/console/re-evaluation">${t('reEvaluateAfterActivation')}</a></p>`
          : ''
      }
      <h2>${t('policyEditor')}</h2>
      <pre class="card">${JSON.stringify(r.document, null, 2)}</pre>
      <p><a href="/console/policies">${t('back')}</a></p>`,
    { flash: data.flash, error: data.error },
  ).value;
}
