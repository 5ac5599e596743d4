import { html } from '../html';
import { layout, table, type PageContext } from '../layout';
import { badge } from './common';

export interface ReEvaluationRowView {
  ats: string;
  applicationId: string;
  candidateName: string | null;
  jobName: string | null;
  employeeNumber: string;
  before: string;
  after: string;
  wouldMove: boolean;
  targetStage: string | null;
}

export interface ReEvaluationView {
  policyVersion: number;
  checked: number;
  skipped: number;
  changed: readonly ReEvaluationRowView[];
}

/**
 * Loop 3 in the console: the dry run (what the active policy and the current registry would decide now for the
 * open returnee applications, and which would move), then HR applies it from the same page.
 */
export function reEvaluationPage(
  ctx: PageContext,
  data: { dryRun: ReEvaluationView | null; applied: number | null },
): string {
  const { t } = ctx;
  const d = data.dryRun;
  return layout(
    ctx,
    t('reEvalTitle'),
    html`<p>${t('reEvalIntro')}</p>
      <form method="post" action="/console/re-evaluation/dry-run">
        <button type="submit" class="secondary">${t('reEvalRunDryRun')}</button>
      </form>
      ${
        d
          ? html`<section aria-labelledby="reeval-h">
              <h2 id="reeval-h">${t('reEvalDryRunTitle')} (v${d.policyVersion})</h2>
              <div class="numbers">
                <div class="card">
                  <div>${t('reEvalChecked')}</div>
                  <div class="big" data-testid="reeval-checked">${d.checked}</div>
                </div>
                <div class="card">
                  <div>${t('changed')}</div>
                  <div class="big" data-testid="reeval-changed">${d.changed.length}</div>
                </div>
                <div class="card">
                  <div>${t('reEvalSkipped')}</div>
                  <div class="big">${d.skipped}</div>
                </div>
              </div>
              ${table(
                t('reEvalChangesCaption'),
                [t('candidate'), t('job'), t('employeeNumber'), t('from'), t('to'), t('reEvalWouldMove')],
                d.changed.map(
                  (r) =>
                    html`<tr>
                      <td>
                        <a href="/console/applications/${r.ats}/${encodeURIComponent(r.applicationId)}"
                          >${r.candidateName ?? r.applicationId}</a
                        >
                      </td>
                      <td>${r.jobName ?? '—'}</td>
                      <td>${r.employeeNumber}</td>
                      <td>${badge(ctx, r.before)}</td>
                      <td>${badge(ctx, r.after)}</td>
                      <td>${r.wouldMove ? html`${t('yes')}: ${r.targetStage ?? ''}` : t('no')}</td>
                    </tr>`,
                ),
                t('reEvalNoChange'),
              )}
              ${
                d.changed.length
                  ? html`<form method="post" action="/console/re-evaluation">
                      <p class="hint">${t('reEvalApplyHint')}</p>
                      <button type="submit">${t('reEvalApply')}</button>
                    </form>`
                  : ''
              }
            </section>`
          : html`<p class="hint">${t('reEvalNotRun')}</p>`
      }`,
    { flash: data.applied === null ? null : `${t('reEvalApplied')}: ${data.applied}` },
  ).value;
}
