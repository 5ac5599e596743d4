import type { BilingualText, Briefing, ChangeCategory } from '@comeback/domain';
import { html } from '../html';
import { layout, table, type PageContext } from '../layout';
import { applicationSummary, badge, formatDateTime, formatYen, resultBadge } from './common';

export interface BriefingListRow {
  ats: string;
  applicationId: string;
  jobId: string;
  jobName: string | null;
  candidateName: string | null;
  outcome: string;
  currentStageName: string | null;
  updatedAt: Date;
}

export function briefingsListPage(ctx: PageContext, rows: BriefingListRow[]): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('briefingsTitle'),
    table(
      t('briefingsTitle'),
      [t('applicant'), t('job'), t('stage'), t('outcome'), t('checkedAt')],
      rows.map(
        (r) =>
          html`<tr>
            <td>
              <a href="/console/briefings/${encodeURIComponent(r.ats)}/${encodeURIComponent(r.applicationId)}"
                >${r.candidateName ?? r.applicationId}</a
              >
            </td>
            <td>${r.jobName ?? r.jobId}</td>
            <td>${r.currentStageName ?? '—'}</td>
            <td>${badge(ctx, r.outcome)}</td>
            <td>${formatDateTime(r.updatedAt, ctx.lang)}</td>
          </tr>`,
      ),
      t('none'),
    ),
  ).value;
}

/**
 * The page renders only what `composeBriefing` put in for this viewer: the privacy decision is the domain's,
 * the page never looks anything up itself.
 */
export function briefingPage(ctx: PageContext, b: Briefing): string {
  const { t, lang } = ctx;
  const tx = (x: BilingualText): string => x[lang];
  const section = (id: string, title: string, body: unknown) =>
    html`<section aria-labelledby="${id}">
      <h2 id="${id}">${title}</h2>
      ${body as ReturnType<typeof html>}
    </section>`;
  const before = b.before;
  const beforeHtml = before
    ? html`<dl class="facts">
        <dt>${t('hireDate')}</dt>
        <dd>${before.hireDate}</dd>
        <dt>${t('leaveDate')}</dt>
        <dd>${before.leaveDate}</dd>
        <dt>${t('tenure')}</dt>
        <dd>${tx(before.tenure)}</dd>
        <dt>${t('department')}</dt>
        <dd>${before.department ?? '—'}</dd>
        <dt>${t('jobTitle')}</dt>
        <dd>${before.jobTitle ?? '—'}</dd>
        <dt>${t('jobLevel')}</dt>
        <dd>${before.jobLevel ?? '—'}</dd>
        ${
          before.performance
            ? html`<dt>${t('performance')}</dt>
                <dd>${tx(before.performance.text)}</dd>`
            : ''
        }
        ${
          before.performance?.ratings
            ? html`<dt>${t('rawRatings')}</dt>
                <dd>${before.performance.ratings.map((r) => `${r.year}: ${r.rating}`).join(', ') || '—'}</dd>`
            : ''
        }
        ${
          before.lastBaseSalary !== undefined
            ? html`<dt>${t('lastSalary')}</dt>
                <dd>${before.lastBaseSalary === null ? '—' : formatYen(before.lastBaseSalary)}</dd>`
            : ''
        }
        <dt>${t('rehire')}</dt>
        <dd>${tx(before.rehireRecommendation.text)}</dd>
      </dl>`
    : html`<p class="empty">${t('none')}</p>`;
  const awayHtml = html`<dl class="facts">
      <dt>${t('timeAway')}</dt>
      <dd>${b.away.text ? tx(b.away.text) : '—'}</dd>
      <dt>${t('newSkills')}</dt>
      <dd>${b.away.newSkills.join(', ') || '—'}</dd>
    </dl>
    ${table(
      t('workHistory'),
      [t('jobTitle'), t('from'), t('to')],
      b.away.workHistory.map(
        (w) =>
          html`<tr>
            <td>${[w.title, w.company].filter(Boolean).join(' — ')}</td>
            <td>${w.startDate ?? '—'}</td>
            <td>${w.endDate ?? '—'}</td>
          </tr>`,
      ),
      t('none'),
    )}`;
  const departureHtml = b.departure
    ? html`<p>${tx(b.departure.text)}</p>
        ${b.departure.reasonCode ? html`<p class="hint">${t('reasonCode')}: <code>${b.departure.reasonCode}</code></p>` : ''}
        ${b.departure.retentionNote ? html`<p><strong>${t('retentionNote')}:</strong> ${tx(b.departure.retentionNote)}</p>` : ''}`
    : html`<p class="empty">${t('none')}</p>`;
  const changesHtml = b.changes.items.length
    ? table(
        `${t('whatChanged')} (${b.changes.department ?? t('companyWide')})`,
        [t('effectiveDate'), t('category'), t('department'), t('title')],
        b.changes.items.map(
          (c) =>
            html`<tr>
              <td>${c.effectiveDate}</td>
              <td>${t(c.category satisfies ChangeCategory)}</td>
              <td>${c.department ?? t('companyWide')}</td>
              <td><strong>${c.title}</strong>${c.body ? html`<br />${c.body}` : ''}</td>
            </tr>`,
        ),
        t('noChanges'),
      )
    : html`<p class="empty">${t('noChanges')}</p>`;
  const ft = b.fastTrack;
  const ftHtml = html`<p>${badge(ctx, ft.outcome)} ${tx(ft.text)}</p>
    <dl class="facts">
      <dt>${t('skipped')}</dt>
      <dd>${ft.skippedStages.join(', ') || '—'}</dd>
      <dt>${t('policyVersion')}</dt>
      <dd>${ft.policyVersion === null ? '—' : `v${ft.policyVersion}`}</dd>
      ${
        ft.recruiterSummary
          ? html`<dt>${t('summary')}</dt>
              <dd>${applicationSummary(ctx, ft.outcome, ft.tier) || ft.recruiterSummary}</dd>`
          : ''
      }
    </dl>
    ${
      ft.ruleResults !== undefined
        ? html`<details>
            <summary>${t('ruleResults')}</summary>
            <pre>${JSON.stringify(ft.ruleResults, null, 2)}</pre>
          </details>`
        : ''
    }`;
  const o = b.offer;
  const offerHtml =
    o.status === 'none'
      ? html`<p class="empty">${tx(o.text)}</p>`
      : html`<p>
            ${o.result ? resultBadge(ctx, o.result) : ''}
            ${tx(o.text)}${o.amount !== undefined ? html` — ${formatYen(o.amount)}` : ''}
          </p>
          <dl class="facts">
            <dt>${t('approval')}</dt>
            <dd>
              ${o.approval === 'approved' ? t('approvalDone') : o.approval === 'declined' ? t('offerDeclined') : o.approval === 'pending' ? t('approvalPending') : t('approvalNotNeeded')}
            </dd>
            ${
              o.checkedAt
                ? html`<dt>${t('checkedAt')}</dt>
                    <dd>${formatDateTime(o.checkedAt, ctx.lang)}</dd>`
                : ''
            }
          </dl>
          ${
            o.reasons.length
              ? html`<ul>
                  ${o.reasons.map((r) => html`<li>${r}</li>`)}
                </ul>`
              : ''
          }`;
  const w = b.who;
  return layout(
    ctx,
    `${t('briefingTitle')}: ${w.name}`,
    html`<p class="no-print">
        <button type="button" data-print class="secondary">${t('print')}</button>
        <a href="/console/briefings">${t('back')}</a>
      </p>
      <p class="print-only hint">${t('appName')} — ${b.asOf}</p>
      ${section(
        'who-h',
        t('who'),
        html`<dl class="facts">
          <dt>${t('name')}</dt>
          <dd>${w.name}${w.nameKana ? html` <span class="hint">(${w.nameKana})</span>` : ''}</dd>
          <dt>${t('employeeNumber')}</dt>
          <dd>${w.employeeNumber ?? '—'}</dd>
          <dt>${t('job')}</dt>
          <dd>${w.jobName ?? w.jobId}</dd>
          <dt>${t('stage')}</dt>
          <dd>${w.currentStage ?? '—'}</dd>
          <dt>${t('atsLink')}</dt>
          <dd>
            ${w.atsApplicationUrl ? html`<a href="${w.atsApplicationUrl}" rel="noreferrer noopener" target="_blank">${w.ats} #${w.applicationId}</a>` : `${w.ats} #${w.applicationId}`}
          </dd>
        </dl>`,
      )}
      ${section('before-h', t('before'), beforeHtml)} ${section('away-h', t('away'), awayHtml)}
      ${b.viewer === 'recruiter' ? '' : section('why-h', t('whyLeft'), departureHtml)}
      ${section('changes-h', t('whatChanged'), changesHtml)} ${section('ft-h', t('fastTrackStatus'), ftHtml)}
      ${section('offer-h', t('offer'), offerHtml)}
      ${section(
        'focus-h',
        t('interviewFocus'),
        html`<ul class="plain">
          ${b.interviewFocus.map((f) => html`<li>${tx(f)}</li>`)}
        </ul>`,
      )}
      ${section(
        'onb-h',
        t('reonboarding'),
        html`<ol class="checklist">
          ${b.reonboarding.map((r) => html`<li><strong>${t(r.when)}:</strong> ${tx(r.item)}</li>`)}
        </ol>`,
      )}`,
  ).value;
}
