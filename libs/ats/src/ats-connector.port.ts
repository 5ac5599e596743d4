/**
 * The ATS port: everything the pipeline needs from an applicant tracking system, in our words.
 * Vendor names, ids, routes and payload shapes live only in the adapters (`greenhouse/`, `workable/`).
 */
export type AtsKind = 'greenhouse' | 'workable';

/** Decrypted connection settings of one tenant for one ATS (see AtsConnectionEntity). */
export interface AtsConnection {
  tenantId: string;
  kind: AtsKind;
  /** API base URL (the real vendor's, or the simulator's). */
  apiBaseUrl: string;
  /** Token endpoint (OAuth2 client credentials) where the ATS uses one. */
  authUrl: string | null;
  clientId: string | null;
  /** Client secret or API token. */
  secret: string;
  webhookSecret: string;
  /** The ATS user/member our writes are attributed to. */
  actingUserId: string | null;
  /** Where the applicant's salary lives on offers (custom field key), for the fairness check. */
  offerSalaryField: string | null;
}

export interface WorkHistoryEntry {
  company: string | null;
  title: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** An application as we reason about it. Ids are strings whatever the vendor uses. */
export interface AtsApplication {
  applicationId: string;
  candidateId: string;
  jobId: string;
  jobName: string | null;
  currentStageId: string | null;
  currentStageName: string | null;
  status: 'active' | 'rejected' | 'hired' | 'other';
  candidate: {
    firstName: string | null;
    lastName: string | null;
    emails: string[];
    phones: string[];
    tags: string[];
    /** Custom fields that may carry kana, date of birth or a claimed employee number. */
    customFields: Record<string, string | null>;
  };
  workHistory: WorkHistoryEntry[];
}

export interface AtsStage {
  id: string;
  name: string;
  position: number;
}

export interface AtsOffer {
  offerId: string;
  applicationId: string;
  /** Version or updated-at marker: a changed offer is checked again. */
  version: string;
  status: string;
  salary: number | null;
}

export type AtsEvent =
  | { kind: 'ping'; eventId: string }
  | { kind: 'application_created'; eventId: string; application: AtsApplication }
  | { kind: 'stage_changed'; eventId: string; application: AtsApplication }
  | {
      kind: 'offer_changed';
      eventId: string;
      applicationId: string;
      candidateId: string;
      offer: AtsOffer | null;
    }
  | { kind: 'ignored'; eventId: string; action: string };

/** The event kinds that carry work: each has exactly one registered handler (ping and ignored have none). */
export type DispatchedEventKind = Exclude<AtsEvent['kind'], 'ping' | 'ignored'>;
export type AtsEventOf<K extends AtsEvent['kind']> = Extract<AtsEvent, { kind: K }>;
/** Every dispatched kind, listed once; the `satisfies` clause fails to compile when a new kind is left out. */
export const DISPATCHED_EVENT_KINDS = [
  'application_created',
  'stage_changed',
  'offer_changed',
] as const satisfies readonly DispatchedEventKind[];
type _AllListed = DispatchedEventKind extends (typeof DISPATCHED_EVENT_KINDS)[number] ? true : never;
const _allListed: _AllListed = true;
void _allListed;

export interface WebhookRequest {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

export interface NoteInput {
  body: string;
  /** 'team': every ATS user of the job; 'hr': restricted to admins/HR where the ATS allows it. */
  audience: 'team' | 'hr';
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export abstract class AtsConnector {
  abstract readonly kind: AtsKind;
  /** The ATS's product name as people know it (form labels in the console). */
  abstract readonly displayName: string;

  /** Timing-safe signature check over the raw bytes. */
  abstract verifySignature(req: WebhookRequest, secret: string): boolean;
  /** Parses a verified delivery; throws a 4xx-mapped AppException on a malformed body. */
  abstract parseWebhook(req: WebhookRequest): AtsEvent;

  abstract getApplication(
    conn: AtsConnection,
    applicationId: string,
    candidateId?: string,
  ): Promise<AtsApplication>;
  /** Ordered stages of a job (cached by the caller). */
  abstract listStages(conn: AtsConnection, jobId: string): Promise<AtsStage[]>;
  /** Adds tags without dropping the ones already there; returns the tags that were actually added. */
  abstract addTags(conn: AtsConnection, app: AtsApplication, tags: string[]): Promise<string[]>;
  abstract addNote(conn: AtsConnection, app: AtsApplication, note: NoteInput): Promise<void>;
  /** Moves from the current stage to `toStageId`; 'stale' when the application moved meanwhile. */
  abstract moveToStage(
    conn: AtsConnection,
    app: AtsApplication,
    toStageId: string,
  ): Promise<'moved' | 'stale'>;
  abstract listOpenApplications(conn: AtsConnection, cursor: string | null): Promise<Page<AtsApplication>>;
  abstract getOffer(conn: AtsConnection, applicationId: string): Promise<AtsOffer | null>;
  /** Registers our webhook receiver where the ATS supports it by API (Workable); a no-op otherwise. */
  abstract subscribeWebhooks(conn: AtsConnection, targetUrl: string): Promise<void>;
  abstract unsubscribeWebhooks(conn: AtsConnection): Promise<void>;
  /** Where a person opens the application in the ATS's own UI, when the ids alone tell. */
  abstract applicationUrl(candidateId: string, applicationId: string): string | null;
  /** Tag spelling the ATS will store (Workable lower-cases and cuts at the first space). */
  abstract normaliseTag(tag: string): string | null;

  /**
   * The vendor's API and token hosts (`host`, `host:port` or `*.domain`): a connection's URLs must point there
   * (over https), or at a host the operator named in ATS_ALLOWED_HOSTS (the simulator). Each adapter overrides
   * this with its vendor's documented hosts; the default allows none, so an adapter that forgets is refused,
   * not open.
   */
  allowedHostPatterns(): readonly string[] {
    return [];
  }
}

export const ATS_KINDS: readonly AtsKind[] = ['greenhouse', 'workable'];

export function isAtsKind(value: string): value is AtsKind {
  return (ATS_KINDS as readonly string[]).includes(value);
}

/** A stored kind (a database column, a job payload) read back as an `AtsKind`, refusing anything else. */
export function asAtsKind(value: string): AtsKind {
  if (isAtsKind(value)) return value;
  throw new Error(`Unknown ATS kind: ${value}`);
}
