import { recruiterSummary } from '@comeback/domain';
import { html, type SafeHtml } from '../html';
import type { PageContext } from '../layout';
import { isMessageKey, type Lang, type MessageKey } from '../i18n';

/** A status badge: the code is the CSS class, the text is the viewer's language (`status_<code>`). */
export function badge(ctx: PageContext, value: string, known?: MessageKey): SafeHtml {
  const key = known ?? `status_${value}`;
  const text = isMessageKey(key) ? ctx.t(key) : value;
  return html`<span class="badge ${value.replace(/[^a-z_]/gi, '')}">${text}</span>`;
}

/** One ATS in a form's select: its kind (the value posted) and its product name (from the adapter). */
export interface AtsOption {
  kind: string;
  label: string;
}

export function atsOptions(options: readonly AtsOption[]): SafeHtml {
  return html`${options.map((o) => html`<option value="${o.kind}">${o.label}</option>`)}`;
}

export function resultBadge(ctx: PageContext, result: 'pass' | 'warn' | 'fail'): SafeHtml {
  return badge(ctx, result, result);
}

const DATE_TIME: Record<Lang, Intl.DateTimeFormat> = {
  // Japan time whatever the server's zone: what HR reads in Japan. Each language writes it its own way.
  ja: new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' }),
};

/** A moment in the viewer's language (Japan time): 2026/12/02 13:05, or 2 Dec 2026, 13:05. */
export function formatDateTime(d: Date | string, lang: Lang = 'ja'): string {
  return DATE_TIME[lang].format(typeof d === 'string' ? new Date(d) : d);
}

export function formatYen(n: number): string {
  return `¥${Math.round(n).toLocaleString('en-US')}`;
}

/**
 * The recruiter-safe summary of an application in the viewer's language, from its outcome and tier (the fixed
 * phrases of the eligibility domain), never the stored English sentence.
 */
export function applicationSummary(ctx: PageContext, outcome: string, tier: string | null): string {
  switch (outcome) {
    case 'fast_tracked':
    case 'flagged':
      return recruiterSummary('eligible', tier)[ctx.lang];
    case 'needs_hr_review':
      return recruiterSummary('needs_hr_review', null)[ctx.lang];
    case 'ineligible':
      return recruiterSummary('ineligible', null)[ctx.lang];
    case 'hr_declined':
      return ctx.t('summaryHrDeclined');
    case 'match_undone':
      return ctx.t('summaryMatchUndone');
    default:
      return '';
  }
}
