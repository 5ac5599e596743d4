// Rediscovery: open jobs, and per job the eligible, consenting, fitting former employees with reasons; HR and the
// job's hiring manager send personal invitations from here.
import { html } from '../html';
import { layout, table, type PageContext } from '../layout';
import { formatDateTime } from './common';

export interface RediscoveryJobRow {
  ats: string;
  jobId: string;
  title: string;
  department: string | null;
  level: string | null;
}

export interface RediscoveryEntryRow {
  employeeNumber: string;
  name: string;
  department: string | null;
  jobTitle: string | null;
  jobLevel: string | null;
  monthsAway: number;
  score: number;
  reasons: { code: string; en: string; ja: string }[];
  invitation: { status: 'none' | 'sent' | 'opened' | 'applied'; sentAt: string | null };
  eligibility?: { tier: string | null };
}

const STATUS_KEY = {
  none: 'invitationNone',
  sent: 'invitationSent',
  opened: 'invitationOpened',
  applied: 'invitationApplied',
} as const;

export function rediscoveryJobsPage(
  ctx: PageContext,
  data: { jobs: RediscoveryJobRow[]; unavailable: string[] },
): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('rediscoveryTitle'),
    html`<p>${t('rediscoveryIntro')}</p>
      ${data.unavailable.length ? html`<p class="empty">${t('rediscoveryNoAts')}: ${data.unavailable.join(', ')}</p>` : ''}
      ${table(
        t('rediscoveryJobs'),
        [t('job'), t('department'), t('jobLevel'), t('actions')],
        data.jobs.map(
          (j) => html`<tr>
            <td>${j.title}</td>
            <td>${j.department ?? '—'}</td>
            <td>${j.level ?? '—'}</td>
            <td>
              <a href="/console/rediscovery/${j.ats}/${encodeURIComponent(j.jobId)}"
                >${t('rediscoveryShow')}<span class="visually-hidden"> ${j.title}</span></a
              >
            </td>
          </tr>`,
        ),
        t('none'),
      )}`,
  ).value;
}

export function rediscoveryJobPage(
  ctx: PageContext,
  data: {
    job: RediscoveryJobRow;
    entries: RediscoveryEntryRow[];
    canInvite: boolean;
    flash?: string | null;
    error?: string | null;
  },
): string {
  const { t, lang } = ctx;
  const { job } = data;
  const row = (e: RediscoveryEntryRow, i: number) => {
    const formId = `invite-${i}`;
    const invite =
      data.canInvite && e.invitation.status === 'none'
        ? html`<form method="post" action="/console/rediscovery/${job.ats}/${encodeURIComponent(job.jobId)}/invite" class="stack">
            <input type="hidden" name="employeeNumber" value="${e.employeeNumber}" />
            <label for="${formId}-message">${t('invitationMessage')}<span class="visually-hidden"> ${e.name}</span></label>
            <textarea id="${formId}-message" name="message" rows="3" maxlength="4000" required></textarea>
            <label for="${formId}-language">${t('invitationLanguage')}<span class="visually-hidden"> ${e.name}</span></label>
            <select id="${formId}-language" name="language">
              <option value="ja">日本語</option>
              <option value="en">English</option>
            </select>
            <button type="submit">${t('invitationSend')}<span class="visually-hidden"> ${e.name}</span></button>
          </form>`
        : html`${t(STATUS_KEY[e.invitation.status])}${
            e.invitation.sentAt ? html` (${formatDateTime(e.invitation.sentAt, lang)})` : ''
          }`;
    return html`<tr>
      <td>${e.name}<br /><small>${e.employeeNumber}</small></td>
      <td>${e.department ?? '—'} / ${e.jobTitle ?? '—'} / ${e.jobLevel ?? '—'}</td>
      <td>${lang === 'ja' ? `${Math.floor(e.monthsAway / 12)}年${e.monthsAway % 12}か月` : `${Math.floor(e.monthsAway / 12)} y ${e.monthsAway % 12} m`}</td>
      <td>${e.score}${e.eligibility ? html`<br /><small>${t('tier')}: ${e.eligibility.tier ?? '—'}</small>` : ''}</td>
      <td>
        <ul>
          ${e.reasons.map((r) => html`<li>${lang === 'ja' ? r.ja : r.en}</li>`)}
        </ul>
      </td>
      <td>${invite}</td>
    </tr>`;
  };
  return layout(
    ctx,
    `${t('rediscoveryTitle')}: ${job.title}`,
    html`<p>${t('rediscoveryJobIntro')}</p>
      <p><a href="/console/rediscovery">${t('rediscoveryBack')}</a></p>
      ${table(
        t('rediscoveryCandidates'),
        [
          t('name'),
          t('rediscoveryFormerRole'),
          t('rediscoveryAway'),
          t('rediscoveryScore'),
          t('rediscoveryReasons'),
          t('rediscoveryInvitation'),
        ],
        data.entries.map(row),
        t('rediscoveryEmpty'),
      )}`,
    { flash: data.flash, error: data.error },
  ).value;
}
