import { DEPARTURE_REASON_LABELS_JA, REHIRE_RECOMMENDATION_VALUES } from '@comeback/domain';
import { html, type SafeHtml } from '../html';
import { layout, table, type PageContext } from '../layout';
import { formatDateTime } from './common';
import { exitTexts, type ExitTextKey, type ExitTranslate } from './exit-texts';

const WISHES = ['someday', 'maybe', 'no'] as const;

/** An exit interview as the page shows it (HR gets every field; the interviewer only the manager's part). */
export interface ExitInterviewView {
  alumnusId: string;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  leaveDate: string;
  department: string | null;
  version: number;
  rehireRecommendation: string | null;
  welcomeBackSaid: boolean | null;
  regrettable: boolean | null;
  returnWish: string | null;
  returnAreas: string[];
  returnRoles: string[];
  interviewerEmail?: string | null;
  departureCategory?: string | null;
  hrDetail?: string | null;
  personalEmails?: string[];
  personalPhones?: string[];
  consent?: string;
  networkOptIn?: boolean;
  rejoinedAt?: string | null;
}

export interface ExitHistoryView {
  version: number;
  source: string;
  actor: string;
  changes: Record<string, unknown>;
  at: string;
}

function x(ctx: PageContext): ExitTranslate {
  return exitTexts(ctx.lang);
}

function key(prefix: string, value: string): ExitTextKey {
  return `${prefix}${value}` as ExitTextKey;
}

function isHr(ctx: PageContext): boolean {
  return ctx.user?.role === 'hr_admin';
}

/** Departure categories with Japanese labels (the registry's codes); English shows the code in words. */
function categoryLabel(ctx: PageContext, code: string): string {
  const ja = (DEPARTURE_REASON_LABELS_JA as Record<string, string>)[code];
  return ctx.lang === 'ja' && ja ? ja : code.replace(/_/g, ' ');
}

export function exitListPage(ctx: PageContext, rows: readonly ExitInterviewView[]): string {
  const t = x(ctx);
  const hr = isHr(ctx);
  return layout(
    ctx,
    t('exitListTitle'),
    html`<p>${hr ? t('exitListIntro') : t('exitListMine')}</p>
      ${hr ? html`<p><a href="/console/hris">${t('registryHris')}</a></p>` : ''}
      ${table(
        t('exitListTitle'),
        [
          ctx.t('name'),
          ctx.t('leaveDate'),
          ctx.t('department'),
          ...(hr ? [t('interviewer')] : []),
          t('status'),
          '',
        ],
        rows.map(
          (r) => html`<tr>
            <td>${r.familyName} ${r.givenName}</td>
            <td>${r.leaveDate}</td>
            <td>${r.department ?? '—'}</td>
            ${hr ? html`<td>${r.interviewerEmail ?? '—'}</td>` : ''}
            <td>${r.version > 0 ? t('filled', { v: r.version }) : t('notFilled')}</td>
            <td><a href="/console/exit-interviews/${r.alumnusId}">${t('open')}</a></td>
          </tr>`,
        ),
        t('none'),
      )}`,
  ).value;
}

function select(
  id: string,
  label: string,
  options: readonly { value: string; text: string }[],
  selected: string | null | undefined,
): SafeHtml {
  return html`<div>
    <label for="${id}">${label}</label>
    <select id="${id}" name="${id}">
      ${options.map(
        (o) =>
          html`<option value="${o.value}" ${o.value === (selected ?? '') ? html`selected` : ''}>${o.text}</option>`,
      )}
    </select>
  </div>`;
}

function yesNo(ctx: PageContext, id: string, label: string, value: boolean | null): SafeHtml {
  const t = x(ctx);
  const v = value === null ? '' : String(value);
  return select(
    id,
    label,
    [
      { value: '', text: t('notSet') },
      { value: 'true', text: t('yes') },
      { value: 'false', text: t('no') },
    ],
    v,
  );
}

/** The form: HR sees and sets everything; the named interviewer only the manager's part. */
export function exitFormPage(
  ctx: PageContext,
  data: {
    view: ExitInterviewView;
    history: readonly ExitHistoryView[] | null;
    flash?: string | null;
    error?: string | null;
  },
): string {
  const t = x(ctx);
  const hr = isHr(ctx);
  const v = data.view;
  const hrFields = hr
    ? html`<div>
          <label for="interviewerEmail">${t('interviewerEmail')}</label>
          <input id="interviewerEmail" name="interviewerEmail" type="email" maxlength="254" value="${v.interviewerEmail ?? ''}" />
        </div>
        ${select(
          'departureCategory',
          t('departureCategory'),
          [
            { value: '', text: t('notSet') },
            ...Object.keys(DEPARTURE_REASON_LABELS_JA).map((c) => ({
              value: c,
              text: categoryLabel(ctx, c),
            })),
          ],
          v.departureCategory,
        )}
        <div>
          <label for="hrDetail">${t('hrDetail')}</label>
          <textarea id="hrDetail" name="hrDetail" rows="3" maxlength="4000">${v.hrDetail ?? ''}</textarea>
        </div>`
    : '';
  const form = html`<form method="post" action="/console/exit-interviews/${v.alumnusId}" class="stack">
    ${hrFields}
    ${select(
      'rehireRecommendation',
      t('rehireRecommendation'),
      [
        { value: '', text: t('notSet') },
        ...REHIRE_RECOMMENDATION_VALUES.map((r) => ({ value: r, text: t(key('rehire_', r)) })),
      ],
      v.rehireRecommendation,
    )}
    ${yesNo(ctx, 'welcomeBackSaid', t('welcomeBackSaid'), v.welcomeBackSaid)}
    ${yesNo(ctx, 'regrettable', t('regrettable'), v.regrettable)}
    ${select(
      'returnWish',
      t('returnWish'),
      [{ value: '', text: t('notSet') }, ...WISHES.map((w) => ({ value: w, text: t(key('wish_', w)) }))],
      v.returnWish,
    )}
    <div>
      <label for="returnAreas">${t('returnAreas')}</label>
      <input id="returnAreas" name="returnAreas" maxlength="1000" value="${v.returnAreas.join(', ')}" />
    </div>
    <div>
      <label for="returnRoles">${t('returnRoles')}</label>
      <input id="returnRoles" name="returnRoles" maxlength="1000" value="${v.returnRoles.join(', ')}" />
    </div>
    <div><button type="submit">${t('save')}</button></div>
  </form>`;
  const leaverPart = hr
    ? html`<section aria-labelledby="leaver-h">
          <h2 id="leaver-h">${t('leaverPart')}</h2>
          <dl>
            <dt>${t('consent')}</dt>
            <dd>${t(key('consent_', v.consent ?? 'unknown'))}</dd>
            <dt>${t('personalContacts')}</dt>
            <dd>${[...(v.personalEmails ?? []), ...(v.personalPhones ?? [])].join(', ') || '—'}</dd>
            ${v.rejoinedAt ? html`<dt>${t('rejoined')}</dt><dd>${v.rejoinedAt}</dd>` : ''}
          </dl>
          <h3>${t('sendLinkTitle')}</h3>
          <p>${t('sendLinkIntro')}</p>
          <form method="post" action="/console/exit-interviews/${v.alumnusId}/leaver-link" class="row">
            <div>
              <label for="to">${t('sendTo')}</label>
              <input id="to" name="to" type="email" maxlength="254" value="${v.personalEmails?.[0] ?? ''}" />
            </div>
            ${select(
              'language',
              t('linkLanguage'),
              [
                { value: 'ja', text: '日本語' },
                { value: 'en', text: 'English' },
              ],
              'ja',
            )}
            <div><button type="submit">${t('sendLink')}</button></div>
          </form>
        </section>`
    : '';
  const history = data.history
    ? html`<section aria-labelledby="history-h">
        <h2 id="history-h">${t('history')}</h2>
        ${table(
          t('history'),
          [t('version'), t('source'), t('actor'), t('at'), t('changes')],
          data.history.map(
            (h) => html`<tr>
              <td>${h.version}</td>
              <td>${t(key('source_', h.source))}</td>
              <td>${h.actor}</td>
              <td>${formatDateTime(h.at, ctx.lang)}</td>
              <td><code>${JSON.stringify(h.changes)}</code></td>
            </tr>`,
          ),
          t('none'),
        )}
      </section>`
    : '';
  return layout(
    ctx,
    `${t('exitFormTitle')}: ${v.familyName} ${v.givenName}`,
    html`<dl>
        <dt>${ctx.t('leaveDate')}</dt>
        <dd>${v.leaveDate}</dd>
        <dt>${ctx.t('department')}</dt>
        <dd>${v.department ?? '—'}</dd>
        <dt>${t('version')}</dt>
        <dd>${v.version}</dd>
      </dl>
      ${form} ${leaverPart} ${history}
      <p><a href="/console/exit-interviews">${t('exitListTitle')}</a></p>`,
    { flash: data.flash ?? null, error: data.error ?? null },
  ).value;
}

/** The leaver's own page (no account): contacts, staying in touch, what we keep and why, withdraw, erase. */
export function leaverPage(
  ctx: PageContext,
  data: {
    token: string;
    name: string;
    email: string;
    phone: string;
    consent: string;
    flash?: string | null;
    error?: string | null;
  },
): string {
  const t = x(ctx);
  const optedIn = data.consent === 'opted_in';
  return layout(
    ctx,
    t('leaverTitle'),
    html`<p>${t('leaverHello', { name: data.name })}</p>
      <p>${t('leaverIntro')}</p>
      <p>${t('currentChoice')}: ${t(key('consent_', data.consent))}</p>
      <form method="post" action="/console/leaver" class="stack">
        <input type="hidden" name="t" value="${data.token}" />
        <div>
          <label for="email">${t('personalEmail')}</label>
          <input id="email" name="email" type="email" maxlength="254" autocomplete="email" value="${data.email}" />
        </div>
        <div>
          <label for="phone">${t('personalPhone')}</label>
          <input id="phone" name="phone" type="tel" maxlength="40" autocomplete="tel" value="${data.phone}" />
        </div>
        <div class="check">
          <input id="stayInTouch" name="stayInTouch" type="checkbox" value="true" ${optedIn ? html`checked` : ''} />
          <label for="stayInTouch">${t('stayInTouch')}</label>
        </div>
        <div><button type="submit">${t('saveMine')}</button></div>
      </form>
      <section aria-labelledby="kept-h">
        <h2 id="kept-h">${t('whatKeptTitle')}</h2>
        <p>${t('whatKept1')}</p>
        <p>${t('whatKept2')}</p>
        <p>${t('whatKept3')}</p>
        <p>${t('whatKept4')}</p>
      </section>
      <section aria-labelledby="withdraw-h">
        <h2 id="withdraw-h">${t('withdrawTitle')}</h2>
        <p>${t('withdrawIntro')}</p>
        <form method="post" action="/console/leaver/withdraw">
          <input type="hidden" name="t" value="${data.token}" />
          <button type="submit">${t('withdraw')}</button>
        </form>
      </section>
      <section aria-labelledby="erase-h">
        <h2 id="erase-h">${t('eraseTitle')}</h2>
        <p>${t('eraseIntro')}</p>
        <form method="post" action="/console/leaver/erase" class="stack">
          <input type="hidden" name="t" value="${data.token}" />
          <div class="check">
            <input id="confirm" name="confirm" type="checkbox" value="yes" required />
            <label for="confirm">${t('eraseConfirmLabel')}</label>
          </div>
          <div><button type="submit" class="danger">${t('erase')}</button></div>
        </form>
      </section>`,
    { flash: data.flash ?? null, error: data.error ?? null },
  ).value;
}

export function leaverLinkRefusedPage(ctx: PageContext, reason: 'invalid' | 'expired'): string {
  const t = x(ctx);
  return reason === 'expired'
    ? layout(ctx, t('linkExpiredTitle'), html`<p>${t('linkExpired')}</p>`).value
    : layout(ctx, t('linkInvalidTitle'), html`<p>${t('linkInvalid')}</p>`).value;
}

export function leaverErasedPage(ctx: PageContext): string {
  const t = x(ctx);
  return layout(ctx, t('erasedTitle'), html`<p role="status">${t('erasedBody')}</p>`).value;
}

/** A run of the HR-system sync as the page lists it. */
export interface HrisRunView {
  id: string;
  kind: string;
  trigger: string;
  status: string;
  recordsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  notLeavers: number;
  markedDeleted: number;
  problemCount: number;
  problems: { row: number; column: string | null; code: string; message: string; externalId: string }[];
  error: string | null;
  createdAt: Date;
}

export function hrisRunsPage(
  ctx: PageContext,
  data: {
    runs: readonly HrisRunView[];
    selected: HrisRunView | null;
    connected: boolean;
    flash?: string | null;
  },
): string {
  const t = x(ctx);
  const selected = data.selected;
  const problems = selected
    ? html`<section aria-labelledby="problems-h">
        <h2 id="problems-h">${t('problemsOf', { at: formatDateTime(selected.createdAt, ctx.lang) })}</h2>
        ${selected.error ? html`<p class="error">${selected.error}</p>` : ''}
        ${table(
          t('problems'),
          [t('row'), t('field'), t('code'), t('message'), t('externalId')],
          selected.problems.map(
            (p) => html`<tr>
              <td>${p.row}</td>
              <td>${p.column ?? '—'}</td>
              <td><code>${p.code}</code></td>
              <td>${p.message}</td>
              <td>${p.externalId}</td>
            </tr>`,
          ),
          t('none'),
        )}
      </section>`
    : '';
  return layout(
    ctx,
    t('hrisTitle'),
    html`<p>${t('hrisIntro')}</p>
      ${
        data.connected
          ? html`<form method="post" action="/console/hris/reconcile"><button type="submit">${t('reconcile')}</button></form>`
          : html`<p>${t('noConnection')}</p>`
      }
      ${table(
        t('hrisTitle'),
        [
          t('started'),
          t('trigger'),
          t('status'),
          t('recordsRead'),
          t('inserted'),
          t('updated'),
          t('unchanged'),
          t('rejected'),
          t('notLeavers'),
          t('markedDeleted'),
          t('problems'),
        ],
        data.runs.map(
          (r) => html`<tr>
            <td>${formatDateTime(r.createdAt, ctx.lang)}</td>
            <td>${t(key('trigger_', r.trigger))}</td>
            <td>${t(key('run_', r.status))}</td>
            <td>${r.recordsRead}</td>
            <td>${r.inserted}</td>
            <td>${r.updated}</td>
            <td>${r.unchanged}</td>
            <td>${r.rejected}</td>
            <td>${r.notLeavers}</td>
            <td>${r.markedDeleted}</td>
            <td>${r.problemCount > 0 || r.error ? html`<a href="/console/hris?run=${r.id}">${r.problemCount}</a>` : '0'}</td>
          </tr>`,
        ),
        t('none'),
      )}
      ${problems}
      <p><a href="/console/registry">${ctx.t('navRegistry')}</a></p>`,
    { flash: data.flash ?? null },
  ).value;
}
