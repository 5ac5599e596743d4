// Failed and uncertain work, and the backlog: what HR (or an operator) sees and fixes without reading logs.
import { html } from '../html';
import type { MessageKey } from '../i18n';
import { layout, table, type PageContext } from '../layout';
import { formatDateTime } from './common';

export interface FailedWorkView {
  jobId: string;
  type: string;
  reason: string;
  message: string;
  attempts: number;
  failedAt: string | null;
}

export interface UncertainStepView {
  id: string;
  ats: string;
  applicationId: string;
  step: string;
  claimedAt: Date;
}

export interface BacklogView {
  waiting: number;
  heldBehindEarlier: number;
  oldestWaitingSeconds: number;
  drainedPerMinute: number;
  etaSeconds: number | null;
}

const REASON_KEYS: Record<string, { what: MessageKey; fix: MessageKey }> = {
  credentials_refused: { what: 'opsReasonCredentials', fix: 'opsFixCredentials' },
  permission_refused: { what: 'opsReasonPermission', fix: 'opsFixPermission' },
  resource_missing: { what: 'opsReasonMissing', fix: 'opsFixMissing' },
  rate_limited: { what: 'opsReasonRateLimited', fix: 'opsFixRateLimited' },
  unavailable: { what: 'opsReasonUnavailable', fix: 'opsFixUnavailable' },
  not_connected: { what: 'opsReasonNotConnected', fix: 'opsFixNotConnected' },
  unknown: { what: 'opsReasonUnknown', fix: 'opsFixUnknown' },
};

const STEP_KEYS: Record<string, MessageKey> = {
  note: 'opsStepNote',
  offer_note: 'opsStepOfferNote',
  tag: 'opsStepTag',
  untag: 'opsStepTag',
  move: 'opsStepMove',
};

function duration(ctx: PageContext, seconds: number): string {
  const { t } = ctx;
  if (seconds < 90) return t('opsSeconds').replace('{n}', String(Math.round(seconds)));
  if (seconds < 5400) return t('opsMinutes').replace('{n}', String(Math.round(seconds / 60)));
  return t('opsHours').replace('{n}', String(Math.round(seconds / 360) / 10));
}

export function operationsPage(
  ctx: PageContext,
  data: {
    failures: FailedWorkView[];
    uncertain: UncertainStepView[];
    backlog: BacklogView;
    flash?: string | null;
  },
): string {
  const { t } = ctx;
  const b = data.backlog;
  const backlog = html`<section aria-labelledby="ops-backlog-h">
    <h2 id="ops-backlog-h">${t('opsBacklogTitle')}</h2>
    <dl class="facts" data-testid="ops-backlog">
      <dt>${t('opsWaiting')}</dt>
      <dd>${b.waiting}</dd>
      <dt>${t('opsHeld')}</dt>
      <dd data-testid="ops-held">${b.heldBehindEarlier}</dd>
      <dt>${t('opsOldest')}</dt>
      <dd>${b.waiting > 0 ? duration(ctx, b.oldestWaitingSeconds) : '—'}</dd>
      <dt>${t('opsDrainRate')}</dt>
      <dd>${t('opsPerMinute').replace('{n}', String(b.drainedPerMinute))}</dd>
      <dt>${t('opsEta')}</dt>
      <dd>${b.etaSeconds === null ? t('opsEtaUnknown') : b.etaSeconds === 0 ? t('opsEtaNone') : duration(ctx, b.etaSeconds)}</dd>
    </dl>
    <p class="hint">${t('opsHeldHint')}</p>
  </section>`;
  const failures = html`<section aria-labelledby="ops-failed-h">
    <h2 id="ops-failed-h">${t('opsFailedTitle')}</h2>
    <p class="hint">${t('opsFailedIntro')}</p>
    ${
      data.failures.length > 0
        ? html`<form method="post" action="/console/operations/retry-all">
            <button type="submit">${t('opsRetryAll')}</button>
          </form>`
        : ''
    }
    ${table(
      t('opsFailedTitle'),
      [t('opsWhat'), t('opsReason'), t('opsFix'), t('opsFailedAt'), t('actions')],
      data.failures.map((f) => {
        const keys = REASON_KEYS[f.reason] ?? REASON_KEYS.unknown;
        return html`<tr data-testid="ops-failure" data-reason="${f.reason}">
          <td><code>${f.type}</code></td>
          <td>${t(keys.what)}<br /><small class="hint">${f.message}</small></td>
          <td>${t(keys.fix)}</td>
          <td>${f.failedAt ? formatDateTime(new Date(f.failedAt), ctx.lang) : '—'}</td>
          <td>
            <form method="post" action="/console/operations/failures/${encodeURIComponent(f.jobId)}/retry">
              <button type="submit">${t('opsRetry')}<span class="visually-hidden"> (${f.type})</span></button>
            </form>
          </td>
        </tr>`;
      }),
      t('opsNoFailures'),
    )}
  </section>`;
  const uncertain = html`<section aria-labelledby="ops-uncertain-h">
    <h2 id="ops-uncertain-h">${t('opsUncertainTitle')}</h2>
    <p class="hint">${t('opsUncertainIntro')}</p>
    ${table(
      t('opsUncertainTitle'),
      [t('opsStep'), t('opsApplication'), t('opsClaimedAt'), t('actions')],
      data.uncertain.map(
        (u) => html`<tr data-testid="ops-uncertain">
          <td>${t(STEP_KEYS[u.step] ?? 'opsStepNote')}</td>
          <td><a href="/console/applications/${encodeURIComponent(u.ats)}/${encodeURIComponent(u.applicationId)}">${u.ats} ${u.applicationId}</a></td>
          <td>${formatDateTime(u.claimedAt, ctx.lang)}</td>
          <td class="decide">
            <form method="post" action="/console/operations/uncertain/${u.id}/resolve">
              <input type="hidden" name="existsInAts" value="true" />
              <button type="submit">${t('opsExists')}<span class="visually-hidden"> (${u.applicationId})</span></button>
            </form>
            <form method="post" action="/console/operations/uncertain/${u.id}/resolve">
              <input type="hidden" name="existsInAts" value="false" />
              <button type="submit">${t('opsMissing')}<span class="visually-hidden"> (${u.applicationId})</span></button>
            </form>
          </td>
        </tr>`,
      ),
      t('opsNoUncertain'),
    )}
  </section>`;
  return layout(ctx, t('opsTitle'), html`${backlog}${failures}${uncertain}`, { flash: data.flash }).value;
}
