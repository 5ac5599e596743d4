import { html } from '../html';
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

export function policiesPage(
  ctx: PageContext,
  data: {
    activeVersion: number;
    documentText: string;
    comment: string;
    problems: PolicyProblemRow[] | null;
    valid: boolean;
    history: PolicyVersionRow[];
  },
): string {
  const { t } = ctx;
  const problems = data.problems?.length
    ? html`<section aria-labelledby="problems-h" class="card">
        <h2 id="problems-h">${t('policyProblems')}</h2>
        ${table(
          t('policyProblems'),
          [t('path'), t('message')],
          data.problems.map(
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
      ${problems}
      <form method="post" action="/console/policies" class="stack" aria-describedby="json-status">
        <div>
          <label for="document">${t('policyEditor')}</label>
          <textarea
            id="document"
            name="document"
            data-json="${t('policyInvalidJson')}"
            spellcheck="false"
            ${data.problems?.length ? html` aria-invalid="true"` : ''}
          >
${data.documentText}</textarea>
          <p id="json-status" class="hint" aria-live="polite"></p>
        </div>
        <div>
          <label for="comment">${t('policyComment')}</label
          ><input id="comment" name="comment" type="text" value="${data.comment}" />
        </div>
        <div>
          <button type="submit" name="intent" value="validate" class="secondary">
            ${t('policyValidate')}
          </button>
          <button type="submit" name="intent" value="save">${t('policySave')}</button>
        </div>
      </form>
      <h2>${t('history')}</h2>
      ${historyTable(ctx, data.history)}`,
    { flash: data.valid ? t('policyValid') : null },
  ).value;
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
            <td>${x.from}</td>
            <td>${x.to}</td>
            <td>${x.count}</td>
          </tr>`,
      ),
      t('none'),
    )}
    ${
      d.examples.length
        ? table(
            `${caption}: ${t('examples')}`,
            [t('employeeNumber'), t('from'), t('to'), t('decisiveRule'), t('message')],
            d.examples.map(
              (x) =>
                html`<tr>
                  <td>${x.employeeNumber}</td>
                  <td>${x.from}</td>
                  <td>${x.to}</td>
                  <td>${x.decisiveRule ?? '—'}</td>
                  <td>${x.detail ?? ''}</td>
                </tr>`,
            ),
            t('none'),
          )
        : ''
    }
  </section>`;
}

export function policyVersionPage(
  ctx: PageContext,
  data: { row: PolicyVersionRow; dryRun: PolicyDryRunView | null; flash?: string | null },
): string {
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
                <p>${t('dryRunNotRun')}</p>
                <form method="post" action="/console/policies/${r.version}/dry-run">
                  <button type="submit" class="secondary">${t('runDryRun')}</button>
                </form>
              </section>`
      }
      ${
        r.status === 'draft' || r.status === 'retired'
          ? html`<form method="post" action="/console/policies/${r.version}/activate">
              <button type="submit">${t('activate')}</button>
            </form>`
          : ''
      }
      <h2>${t('policyEditor')}</h2>
      <pre class="card">${JSON.stringify(r.document, null, 2)}</pre>
      <p><a href="/console/policies">${t('back')}</a></p>`,
    { flash: data.flash },
  ).value;
}
