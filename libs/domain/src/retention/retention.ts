/** How long raw copies are kept, per tenant. Defaults apply to tenants that set nothing. */
export interface RetentionSettings {
  /** Raw webhook bodies and their normalised events (names, contacts of applicants). */
  rawWebhookBodyDays?: number;
  /** The details of audit entries (the entry itself — who, what, when — is kept). */
  auditDetailDays?: number;
}

export const DEFAULT_RETENTION = { rawWebhookBodyDays: 90, auditDetailDays: 365 } as const;
export const RETENTION_LIMITS = { minDays: 1, maxDays: 3650 } as const;

const DAY_MS = 86_400_000;

/** The instants before which each kind of copy is purged, for a tenant's settings at `now`. */
export function retentionCutoffs(
  settings: RetentionSettings | undefined,
  now: Date,
): { rawWebhookBodies: Date; auditDetails: Date } {
  const days = (v: number | undefined, d: number): number =>
    typeof v === 'number' &&
    Number.isInteger(v) &&
    v >= RETENTION_LIMITS.minDays &&
    v <= RETENTION_LIMITS.maxDays
      ? v
      : d;
  return {
    rawWebhookBodies: new Date(
      now.getTime() - days(settings?.rawWebhookBodyDays, DEFAULT_RETENTION.rawWebhookBodyDays) * DAY_MS,
    ),
    auditDetails: new Date(
      now.getTime() - days(settings?.auditDetailDays, DEFAULT_RETENTION.auditDetailDays) * DAY_MS,
    ),
  };
}
