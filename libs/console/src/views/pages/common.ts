import { html, type SafeHtml } from '../html';
import type { PageContext } from '../layout';
import type { MessageKey } from '../i18n';

export function badge(ctx: PageContext, value: string, known?: MessageKey): SafeHtml {
  return html`<span class="badge ${value.replace(/[^a-z_]/gi, '')}">${known ? ctx.t(known) : value}</span>`;
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

export function formatDateTime(d: Date | string): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  // JST, minute precision: what HR reads in Japan.
  return new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function formatYen(n: number): string {
  return `¥${Math.round(n).toLocaleString('en-US')}`;
}
