import type { CanonicalColumn } from '@comeback/domain';

/**
 * The HR-system port, beside the ATS port. One adapter per HR system; nothing vendor-specific elsewhere.
 * SmartHR is the first adapter; HRMOS CORE and freee HR would each be one more (see libs/hris/README.md for
 * what differs: webhook authentication, pagination, how a resignation is stated).
 */
export const HRIS_KINDS = ['smarthr'] as const;
export type HrisKind = (typeof HRIS_KINDS)[number];

export function asHrisKind(value: string): HrisKind | null {
  return (HRIS_KINDS as readonly string[]).includes(value) ? (value as HrisKind) : null;
}

/** What an adapter needs of a saved connection (secrets already opened). */
export interface HrisConnectionSecrets {
  tenantId: string;
  kind: HrisKind;
  apiBaseUrl: string;
  accessToken: string;
  webhookToken: string;
}

/**
 * One employee as the HR system states them, already in the registry's canonical CSV columns (only the
 * columns the HR system owns), so the registry validates it exactly as a CSV row.
 */
export interface HrisEmployee {
  externalId: string;
  /** The HR system records a resignation date: the registry takes leavers only. */
  leaver: boolean;
  /** The HR system's own last-change time (ISO), when it states one. */
  updatedAt: string | null;
  raw: Partial<Record<CanonicalColumn, string>>;
  /** The HR system's field name per canonical column, for problems HR can find in their HR system. */
  labels: Partial<Record<CanonicalColumn, string>>;
  /** Fields whose JSON type was not what the documentation states (reported, the record not written). */
  typeProblems: { field: string; message: string }[];
}

export interface HrisEmployeePage {
  employees: HrisEmployee[];
  /** Opaque cursor of the next page, null after the last. */
  next: string | null;
  total: number | null;
}

export interface HrisWebhookRequest {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

export type HrisNotice =
  | { action: 'upsert'; deliveryId: string; externalId: string; event: string }
  | { action: 'deleted'; deliveryId: string; externalId: string; event: string }
  | { action: 'ignored'; deliveryId: string; event: string };

export interface HrisConnector {
  readonly kind: HrisKind;
  /** Hosts a production connection may point at (`*.domain` patterns). */
  readonly vendorHosts: readonly string[];
  /** Constant-time check of the delivery's authentication against the connection's webhook secret. */
  verifyWebhook(req: HrisWebhookRequest, webhookToken: string): boolean;
  /** Only after verification. Throws a ValidationFailedException on a body that is not the documented shape. */
  parseWebhook(req: HrisWebhookRequest): HrisNotice;
  listEmployees(conn: HrisConnectionSecrets, cursor: string | null): Promise<HrisEmployeePage>;
  /** Null when the HR system no longer has this employee. */
  getEmployee(conn: HrisConnectionSecrets, externalId: string): Promise<HrisEmployee | null>;
  /** Token check for the connection save: resolves when the credentials read one page. */
  check(conn: HrisConnectionSecrets): Promise<void>;
}

export const HRIS_CONNECTORS = Symbol('HRIS_CONNECTORS');
