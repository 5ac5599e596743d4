import { CHANGE_CATEGORIES } from '@comeback/domain';
import { html } from '../html';
import { layout, table, type PageContext } from '../layout';
import { atsOptions, type AtsOption } from './common';

export interface ChangeLogRow {
  id: string;
  department: string | null;
  effectiveDate: string;
  category: (typeof CHANGE_CATEGORIES)[number];
  title: string;
  body: string;
  createdBy: string;
}

export function changeLogPage(
  ctx: PageContext,
  data: {
    rows: ChangeLogRow[];
    jobDepartments: { ats: string; jobId: string; department: string }[];
    atsKinds: readonly AtsOption[];
    flash?: string | null;
  },
): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('changeLogTitle'),
    html`${entryForm(ctx, '/console/change-log', null, t('add'))}
${table(
  t('changeLogTitle'),
  [t('effectiveDate'), t('department'), t('category'), t('title'), t('createdBy'), t('actions')],
  data.rows.map(
    (
      r,
    ) => html`<tr><td>${r.effectiveDate}</td><td>${r.department ?? t('companyWide')}</td><td>${t(r.category)}</td><td><strong>${r.title}</strong>${r.body ? html`<br>${r.body}` : ''}</td><td>${r.createdBy}</td>
<td><a href="/console/change-log/${r.id}/edit">${t('edit')}<span class="visually-hidden"> ${r.title}</span></a>
<form method="post" action="/console/change-log/${r.id}/delete"><button type="submit" class="link">${t('delete')}<span class="visually-hidden"> ${r.title}</span></button></form></td></tr>`,
  ),
  t('none'),
)}
<h2>${t('jobDepartments')}</h2>
${table(
  t('jobDepartments'),
  [t('ats'), t('jobId'), t('department')],
  data.jobDepartments.map((j) => html`<tr><td>${j.ats}</td><td>${j.jobId}</td><td>${j.department}</td></tr>`),
  t('none'),
)}
<form method="post" action="/console/change-log/job-departments" class="row">
  <div><label for="jd-ats">${t('ats')}</label><select id="jd-ats" name="ats">${atsOptions(data.atsKinds)}</select></div>
  <div><label for="jd-job">${t('jobId')}</label><input id="jd-job" name="jobId" type="text" required></div>
  <div><label for="jd-dep">${t('department')}</label><input id="jd-dep" name="department" type="text" required></div>
  <div><button type="submit">${t('save')}</button></div>
</form>`,
    { flash: data.flash },
  ).value;
}

/** The entry's fields; empty for a new entry, filled for an edit. */
function entryForm(ctx: PageContext, action: string, row: ChangeLogRow | null, submit: string) {
  const { t } = ctx;
  return html`<form method="post" action="${action}" class="stack">
  <div><label for="effectiveDate">${t('effectiveDate')}</label><input id="effectiveDate" name="effectiveDate" type="date" required value="${row?.effectiveDate ?? ''}"></div>
  <div><label for="department">${t('department')} <span class="hint">(${t('companyWide')}: —)</span></label><input id="department" name="department" type="text" value="${row?.department ?? ''}"></div>
  <div><label for="category">${t('category')}</label><select id="category" name="category">${CHANGE_CATEGORIES.map((c) => html`<option value="${c}"${row?.category === c ? html` selected` : ''}>${t(c)}</option>`)}</select></div>
  <div><label for="title">${t('title')}</label><input id="title" name="title" type="text" required value="${row?.title ?? ''}"></div>
  <div><label for="body">${t('body')}</label><textarea id="body" name="body" class="token">${row?.body ?? ''}</textarea></div>
  <div><button type="submit">${submit}</button></div>
</form>`;
}

/** One entry, edited in place (the briefings show the corrected text from then on). */
export function changeLogEditPage(ctx: PageContext, row: ChangeLogRow): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('changeLogEditTitle'),
    html`${entryForm(ctx, `/console/change-log/${row.id}`, row, t('save'))}
<p><a href="/console/change-log">${t('changeLogTitle')}</a></p>`,
  ).value;
}
