// Stage mappings, the review queue, flagged applications and the audit log.
import { html, type SafeHtml } from '../html';
import { layout, table, type PageContext } from '../layout';
import { evidenceFieldLabel, evidenceOutcomeLabel, evidenceText, type EvidenceFacts } from '@comeback/domain';
import { applicationSummary, atsOptions, type AtsOption, badge, formatDateTime } from './common';

export interface StageMappingRow {
  ats: string;
  jobId: string;
  mapping: { tiers: Record<string, string[]>; protected: string[] };
  updatedBy: string;
}

export function stageMappingsPage(
  ctx: PageContext,
  data: {
    rows: StageMappingRow[];
    atsKinds: readonly AtsOption[];
    flash?: string | null;
    error?: string | null;
  },
): string {
  const { t } = ctx;
  const list = (xs: readonly string[] | undefined) => (xs?.length ? xs.join(', ') : '—');
  return layout(
    ctx,
    t('stageMappingsTitle'),
    html`${table(
      t('stageMappingsTitle'),
      [t('ats'), t('jobId'), t('tierFull'), t('tierLight'), t('protectedStages'), t('createdBy')],
      data.rows.map(
        (r) =>
          html`<tr><td>${r.ats}</td><td>${r.jobId}</td><td>${list(r.mapping.tiers.full)}</td><td>${list(r.mapping.tiers.light)}</td><td>${list(r.mapping.protected)}</td><td>${r.updatedBy}</td></tr>`,
      ),
      t('none'),
    )}
<h2>${t('save')}</h2>
<form method="post" action="/console/stage-mappings" class="stack">
  <div><label for="ats">${t('ats')}</label><select id="ats" name="ats">${atsOptions(data.atsKinds)}</select></div>
  <div><label for="jobId">${t('jobId')}</label><input id="jobId" name="jobId" type="text" required></div>
  <p class="hint" id="stages-hint">${t('stagesHint')}</p>
  <div><label for="full">${t('tierFull')}</label><input id="full" name="full" type="text" aria-describedby="stages-hint" placeholder="書類選考, 一次面接"></div>
  <div><label for="light">${t('tierLight')}</label><input id="light" name="light" type="text" aria-describedby="stages-hint" placeholder="書類選考"></div>
  <div><label for="protected">${t('protectedStages')}</label><input id="protected" name="protected" type="text" aria-describedby="stages-hint" placeholder="最終面接, Offer"></div>
  <div><button type="submit">${t('save')}</button></div>
</form>`,
    { flash: data.flash, error: data.error },
  ).value;
}

export interface ReviewItemRow {
  id: string;
  ats: string;
  applicationId: string;
  candidateName: string | null;
  status: string;
  candidates: {
    employeeNumber: string;
    score: number;
    evidence: (EvidenceFacts & { outcome: string; weight: number })[];
  }[];
  applicant: Record<string, unknown>;
  createdAt: Date;
}

/** What one piece of evidence says, in the viewer's language (older items kept only their English detail). */
function evidenceHint(e: EvidenceFacts, ctx: PageContext): SafeHtml | string {
  if (e.reason) return html`<br><span class="hint">${evidenceText(e, ctx.lang)}</span>`;
  return e.detail ? html`<br><span class="hint" lang="en">${e.detail}</span>` : '';
}

export function reviewListPage(
  ctx: PageContext,
  data: { items: ReviewItemRow[]; flash?: string | null },
): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('reviewTitle'),
    table(
      t('reviewTitle'),
      [t('applicant'), t('job'), t('candidates'), t('created'), t('actions')],
      data.items.map(
        (
          i,
        ) => html`<tr><td>${i.candidateName ?? '—'}</td><td>${typeof i.applicant.jobName === 'string' ? i.applicant.jobName : '—'}</td>
<td>${i.candidates.map((c) => c.employeeNumber).join(', ')}</td><td>${formatDateTime(i.createdAt, ctx.lang)}</td>
<td><a href="/console/review/${i.id}">${t('open')}<span class="visually-hidden"> ${i.candidateName ?? ''}</span></a></td></tr>`,
      ),
      t('none'),
    ),
    { flash: data.flash },
  ).value;
}

export interface CandidateSummary {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  previousFamilyNames: string[];
  emails: string[];
  phones: string[];
  hireDate: string;
  leaveDate: string;
  department: string | null;
  jobTitle: string | null;
}

/** The CV's employments as stored on a review item: "company (start – end)", one after the other. */
function employments(v: unknown): string {
  if (!Array.isArray(v)) return '';
  return v
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => {
      const text = (x: unknown): string => (typeof x === 'string' ? x : '');
      const period = [text(e.startDate), text(e.endDate)].some(Boolean)
        ? ` (${text(e.startDate)} – ${text(e.endDate)})`
        : '';
      return `${text(e.company) || '—'}${period}`;
    })
    .join('; ');
}

function strings(v: unknown): string {
  return Array.isArray(v)
    ? v.filter((x) => typeof x === 'string').join(', ')
    : typeof v === 'string'
      ? v
      : '—';
}

/** Evidence side by side: the applicant as the ATS gave it, and each proposed former employee (no sensitive fields). */
export function reviewItemPage(
  ctx: PageContext,
  data: { item: ReviewItemRow; people: Map<string, CandidateSummary>; error?: string | null },
): string {
  const { t } = ctx;
  const { item } = data;
  const a = item.applicant;
  const applicantCard = html`<section class="card" aria-labelledby="applicant-h"><h2 id="applicant-h">${t('applicant')}</h2><dl class="facts">
<dt>${t('name')}</dt><dd>${strings(a.lastName)} ${strings(a.firstName)}</dd>${
    Array.isArray(a.formerFamilyNames) && a.formerFamilyNames.length > 0
      ? html`<dt>${t('formerSurnames')}</dt><dd>${strings(a.formerFamilyNames)}</dd>`
      : ''
  }${employments(a.workHistory) ? html`<dt>${t('workHistory')}</dt><dd>${employments(a.workHistory)}</dd>` : ''}
<dt>${evidenceFieldLabel('email', ctx.lang)}</dt><dd>${strings(a.emails)}</dd><dt>${evidenceFieldLabel('phone', ctx.lang)}</dt><dd>${strings(a.phones)}</dd><dt>${t('job')}</dt><dd>${strings(a.jobName)}</dd></dl></section>`;
  const cards = item.candidates.map((c, i) => {
    const p = data.people.get(c.employeeNumber);
    const headingId = `cand-${i}`;
    return html`<section class="card" aria-labelledby="${headingId}"><h2 id="${headingId}">${c.employeeNumber}${p ? html` — ${p.familyName} ${p.givenName}` : ''}</h2>
${
  p
    ? html`<dl class="facts"><dt>${t('reading')}</dt><dd>${[p.familyNameKana, p.givenNameKana].filter(Boolean).join(' ') || '—'}</dd>
<dt>${t('formerSurnames')}</dt><dd>${p.previousFamilyNames.join(', ') || '—'}</dd>
<dt>${evidenceFieldLabel('email', ctx.lang)}</dt><dd>${p.emails.join(', ') || '—'}</dd><dt>${evidenceFieldLabel('phone', ctx.lang)}</dt><dd>${p.phones.join(', ') || '—'}</dd>
<dt>${t('hireDate')}</dt><dd>${p.hireDate}</dd><dt>${t('leaveDate')}</dt><dd>${p.leaveDate}</dd><dt>${t('department')}</dt><dd>${p.department ?? '—'}</dd></dl>`
    : ''
}
<p>${t('score')}: <strong>${c.score.toFixed(1)}</strong></p>
${table(
  `${t('evidence')} (${c.employeeNumber})`,
  [t('evidence'), t('result'), t('score')],
  c.evidence.map(
    (e) =>
      html`<tr><td>${evidenceFieldLabel(e.field, ctx.lang)}</td><td>${evidenceOutcomeLabel(e.outcome, ctx.lang)}${evidenceHint(e, ctx)}</td><td>${e.weight.toFixed(1)}</td></tr>`,
  ),
  t('none'),
)}
${
  item.status === 'open'
    ? html`<form method="post" action="/console/review/${item.id}/confirm"><input type="hidden" name="employeeNumber" value="${c.employeeNumber}">
<button type="submit">${t('confirm')} (${c.employeeNumber})</button></form>`
    : ''
}</section>`;
  });
  return layout(
    ctx,
    `${t('reviewTitle')}: ${item.candidateName ?? ''}`,
    html`<p>${badge(ctx, item.status)}</p>
<div class="side-by-side">${applicantCard}${cards}</div>
${item.status === 'open' ? html`<form method="post" action="/console/review/${item.id}/reject"><button type="submit" class="secondary">${t('reject')}</button></form>` : ''}
<p><a href="/console/review">${t('back')}</a></p>`,
    { error: data.error },
  ).value;
}

export interface ApplicationRow {
  ats: string;
  applicationId: string;
  candidateName: string | null;
  jobName: string | null;
  currentStageName: string | null;
  outcome: string;
  employeeNumber: string | null;
  tier: string | null;
  policyVersion: number | null;
  recruiterSummary: string | null;
  fastTrack: { action: string; skipped: { name: string }[]; targetStage?: { name: string } } | null;
  updatedAt: string;
}

/** The fast-track column: where we moved it and what was skipped, in the viewer's language. */
export function fastTrackText(
  ctx: PageContext,
  r: Pick<ApplicationRow, 'fastTrack' | 'tier' | 'policyVersion'>,
): string {
  const ft = r.fastTrack;
  if (ft?.action === 'move' && ft.targetStage) {
    const skipped = ft.skipped.map((x) => x.name).join(', ');
    return `${ctx.t('movedTo')}: ${ft.targetStage.name} (${ctx.t('skipping')}: ${skipped}; ${r.tier ?? ''} v${r.policyVersion ?? '?'})`;
  }
  return r.tier ?? '—';
}

/** Recruiter-safe by construction: only the fields TrackedApplicationsService gives a recruiter. */
export function applicationsPage(ctx: PageContext, rows: ApplicationRow[]): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('applicationsTitle'),
    table(
      t('applicationsTitle'),
      [t('applicant'), t('job'), t('stage'), t('outcome'), t('fastTrack'), t('summary'), t('actions')],
      rows.map((r) => {
        const base = `/console/applications/${encodeURIComponent(r.ats)}/${encodeURIComponent(r.applicationId)}`;
        return html`<tr><td>${r.candidateName ?? '—'}</td><td>${r.jobName ?? '—'}</td><td>${r.currentStageName ?? '—'}</td><td>${badge(ctx, r.outcome)}</td>
<td>${fastTrackText(ctx, r)}</td><td>${applicationSummary(ctx, r.outcome, r.tier)}</td>
<td><a href="${base}">${t('open')}<span class="visually-hidden"> ${r.candidateName ?? ''}</span></a>${r.employeeNumber ? html`<br><a href="/console/briefings/${encodeURIComponent(r.ats)}/${encodeURIComponent(r.applicationId)}">${t('briefing')}<span class="visually-hidden"> ${r.candidateName ?? ''}</span></a>` : ''}</td></tr>`;
      }),
      t('none'),
    ),
  ).value;
}

export interface AuditRow {
  id: string;
  createdAt: Date;
  actor: string;
  /** The person's e-mail as it was when they acted (null for machine tokens). */
  actorEmail?: string | null;
  actorRole: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

export function auditPage(ctx: PageContext, rows: AuditRow[]): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('auditTitle'),
    table(
      t('auditTitle'),
      [t('when'), t('actor'), t('role'), t('action'), t('target'), t('body')],
      rows.map(
        (
          r,
        ) => html`<tr><td>${formatDateTime(r.createdAt, ctx.lang)}</td><td>${r.actor}${r.actorEmail ? html` <span class="hint">${r.actorEmail}</span>` : ''}</td><td>${r.actorRole}</td><td><code>${r.action}</code></td>
<td>${r.targetType ? `${r.targetType}: ${r.targetId ?? ''}` : '—'}</td><td><code class="details">${JSON.stringify(r.details).slice(0, 300)}</code></td></tr>`,
      ),
      t('none'),
    ),
  ).value;
}
