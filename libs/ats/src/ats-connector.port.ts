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
  /**
   * An explicit webhook signing secret. Null where the ATS signs with a credential the connection already
   * holds (the adapter's `webhookSigningSecret` says which).
   */
  webhookSecret: string | null;
  /**
   * Every explicit webhook secret, `webhookSecret` first (Greenhouse sets up one webhook per event, each with its
   * own secret key). Absent: `webhookSecret` alone.
   */
  webhookSecrets?: readonly string[];
  /** OAuth2 refresh token, for connections authorised with the authorization-code grant. */
  refreshToken: string | null;
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
  /** The job's stage the application is in (joins `listStages` ids); what plans and moves speak. */
  currentStageId: string | null;
  currentStageName: string | null;
  /**
   * The ATS's own handle of the application's stay in its current stage, where it has one distinct from
   * the stage id (an opaque value only the adapter reads; null when the source did not carry it).
   */
  currentStagePositionId?: string | null;
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
  /**
   * Where the ATS says the applicant came from, as it keeps it: a source's name (Greenhouse, from a tracking
   * link's `gh_src`) or a UTM link's `utm_source` (Workable). Null when the source did not say.
   */
  referralSource?: string | null;
}

/** An open job as rediscovery needs it. */
export interface AtsJob {
  jobId: string;
  title: string;
  department: string | null;
  /** The job's level where the ATS keeps one (a job custom field); null otherwise. */
  level: string | null;
  /** The public application form (job board / careers page) an invitation forwards to; null when unpublished. */
  applyUrl: string | null;
}

export interface AtsStage {
  id: string;
  name: string;
  position: number;
}

/** What eligibility scope overrides may match on about a job (HR's level mapping is kept by us, not the ATS). */
export interface AtsJobScope {
  jobId: string;
  name: string | null;
  /** The job's department as the ATS names it; null when it has none. */
  department: string | null;
}

export interface AtsOffer {
  offerId: string;
  applicationId: string;
  /** Version or updated-at marker: a changed offer is checked again. */
  version: string;
  status: string;
  salary: number | null;
}

/** An application that left the process (rejected, or a hire undone): ids and when, as the ATS said. */
export interface AtsApplicationClosed {
  applicationId: string;
  candidateId: string;
  /** Empty when the delivery did not carry it (the tracked application knows it). */
  jobId: string;
  /** ISO time the ATS gives (`rejected_at`); null when the delivery has none (we use the time we got it). */
  at: string | null;
}

/** A hire as the ATS reports it: the accepted offer's dates where the delivery carries them. */
export interface AtsHire extends AtsApplicationClosed {
  /** When the application was made (ISO), where the delivery carries it. */
  appliedAt: string | null;
  /** When the accepted offer was created or sent (ISO date or time), where the delivery carries it. */
  offerAt: string | null;
  /** The first working day (ISO date), where the delivery carries it. */
  startsOn: string | null;
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
  | ({ kind: 'application_hired'; eventId: string } & AtsHire)
  | ({ kind: 'application_rejected'; eventId: string } & AtsApplicationClosed)
  /** A hire undone in the ATS (Greenhouse's "Unhire" button); the application is active again. */
  | ({ kind: 'application_unhired'; eventId: string } & AtsApplicationClosed)
  | { kind: 'ignored'; eventId: string; action: string };

/** The event kinds that carry work: each has exactly one registered handler (ping and ignored have none). */
export type DispatchedEventKind = Exclude<AtsEvent['kind'], 'ping' | 'ignored'>;
export type AtsEventOf<K extends AtsEvent['kind']> = Extract<AtsEvent, { kind: K }>;
/** Every dispatched kind, listed once; the `satisfies` clause fails to compile when a new kind is left out. */
export const DISPATCHED_EVENT_KINDS = [
  'application_created',
  'stage_changed',
  'offer_changed',
  'application_hired',
  'application_rejected',
  'application_unhired',
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

/** One line of a connection check: what was tried, how it went, and (when it failed) what to fix. */
export interface ConnectionCheckItem {
  check: 'credentials' | 'acting_user' | 'read_access' | 'job_stages' | 'webhook_delivery';
  status: 'pass' | 'fail' | 'skipped';
  /** What was found and what to fix, in both languages; never an upstream body (it could echo anything). */
  message: { en: string; ja: string };
  /** The ATS did not answer (network, outage): nothing was refused, so saving a connection is not blocked. */
  unreachable?: true;
}

/** A webhook registration the ATS keeps on its side (created through its API); stored by the caller. */
export interface WebhookSubscription {
  /** The ATS's id for it, needed to delete it. */
  id: string;
  /** The URL the ATS posts to. */
  target: string;
  /** When the ATS stops delivering unless it is renewed; null where it does not expire. */
  validUntil: Date | null;
}

/** One hiring manager of a job as the ATS records it; matched to our people by e-mail. */
export interface AtsHiringManager {
  /** The ATS's own user/member id (for audit; never shown to recruiters). */
  atsUserId: string;
  /** Lower-cased; null when the ATS has none for this user (then nobody can be matched). */
  email: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export abstract class AtsConnector {
  abstract readonly kind: AtsKind;
  /** The ATS's product name as people know it (form labels in the console). */
  abstract readonly displayName: string;
  /**
   * What HR types into the connection form: an OAuth client (token URL, client id and secret, and a webhook
   * secret the ATS shows per webhook) or one API token that also signs the deliveries.
   */
  abstract readonly credentialStyle: 'oauth_client' | 'api_token';

  /** Timing-safe signature check over the raw bytes: true when any of the connection's secrets matches. */
  abstract verifySignature(req: WebhookRequest, secrets: readonly string[]): boolean;
  /** The key the ATS signs this connection's deliveries with: by default the explicit webhook secret. */
  webhookSigningSecret(conn: AtsConnection): string | null {
    return conn.webhookSecret;
  }
  /** Every key a genuine delivery may be signed with; a delivery verifying against none of them is refused. */
  webhookVerificationSecrets(conn: AtsConnection): string[] {
    return explicitWebhookSecrets(conn);
  }
  /**
   * Parses a verified delivery. Adapters whose vendor retries anything but 200 (and disables a webhook whose
   * ping failed) return `ignored` for whatever they cannot use rather than throwing.
   */
  abstract parseWebhook(req: WebhookRequest): AtsEvent;

  abstract getApplication(
    conn: AtsConnection,
    applicationId: string,
    candidateId?: string,
  ): Promise<AtsApplication>;
  /** The job's name and department (cached by the caller). */
  abstract getJob(conn: AtsConnection, jobId: string): Promise<AtsJobScope>;
  /** Ordered stages of a job (cached by the caller). */
  abstract listStages(conn: AtsConnection, jobId: string): Promise<AtsStage[]>;
  /** Adds tags without dropping the ones already there; returns the tags that were actually added. */
  abstract addTags(conn: AtsConnection, app: AtsApplication, tags: string[]): Promise<string[]>;
  /**
   * Removes these tags (compared as the ATS stores them) and leaves every other tag alone; returns the ones
   * that were there and are gone now. Tags already absent are fine (a retry after a lost answer).
   */
  abstract removeTags(conn: AtsConnection, app: AtsApplication, tags: string[]): Promise<string[]>;
  abstract addNote(conn: AtsConnection, app: AtsApplication, note: NoteInput): Promise<void>;
  /**
   * Moves from the current stage to `toStageId`. 'moved' also when it already stands there (a retry after
   * a lost answer); 'stale' when the application is at another stage than `app` says. A refusal for any
   * other reason throws.
   */
  abstract moveToStage(
    conn: AtsConnection,
    app: AtsApplication,
    toStageId: string,
  ): Promise<'moved' | 'stale'>;
  abstract listOpenApplications(conn: AtsConnection, cursor: string | null): Promise<Page<AtsApplication>>;
  /** The jobs open for applications now, with department, level and the public form where known. */
  abstract listOpenJobs(conn: AtsConnection): Promise<AtsJob[]>;
  /**
   * The application form's URL carrying our marker the way this ATS keeps it (a tracking/source parameter),
   * so the resulting application says it came through the invitation.
   */
  abstract applyUrlWithMarker(applyUrl: string, marker: string): string;
  abstract getOffer(conn: AtsConnection, applicationId: string): Promise<AtsOffer | null>;
  /** The job's hiring managers (its hiring team in the ATS), with their e-mails; [] when it has none. */
  abstract listJobHiringManagers(conn: AtsConnection, jobId: string): Promise<AtsHiringManager[]>;
  /**
   * Registers our webhook receiver where the ATS supports it by API, finding registrations made earlier
   * (by any process) again, and returns them for the caller to store; [] where webhooks are set up by hand.
   * Keeps nothing in memory: every process must be able to delete or renew what another one created.
   */
  abstract subscribeWebhooks(conn: AtsConnection, targetUrl: string): Promise<WebhookSubscription[]>;
  /** Deletes these registrations (ids as `subscribeWebhooks` returned them); ones already gone are fine. */
  abstract unsubscribeWebhooks(conn: AtsConnection, subscriptionIds: readonly string[]): Promise<void>;
  /**
   * Checks a saved connection against the ATS: token, acting user (and the rights reads need), read access per
   * resource we use (a refusal names the missing scope), and a job's stages. Never throws for an ATS refusal:
   * each item says pass or fail.
   */
  abstract checkConnection(conn: AtsConnection): Promise<ConnectionCheckItem[]>;
  /**
   * The items of `checkConnection` that decide whether a connection may be saved at all: the credentials and
   * the acting user. Adapters answer them without the read-scope and stage calls.
   */
  abstract checkIdentity(conn: AtsConnection): Promise<ConnectionCheckItem[]>;
  /** A delivery signed as the ATS would sign it, for checking our own receiver and the stored secret. */
  abstract testDelivery(conn: AtsConnection): WebhookRequest;
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

/** The connection's explicit webhook secrets, `webhookSecret` first, blanks and repeats left out. */
export function explicitWebhookSecrets(
  conn: Pick<AtsConnection, 'webhookSecret' | 'webhookSecrets'>,
): string[] {
  const all = [conn.webhookSecret, ...(conn.webhookSecrets ?? [])];
  return [...new Set(all.filter((s): s is string => typeof s === 'string' && s !== ''))];
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
