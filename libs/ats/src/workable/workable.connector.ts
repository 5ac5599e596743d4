import { createHmac } from 'node:crypto';
import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import {
  AppException,
  ErrorCode,
  NotFoundException,
  RateLimiter,
  ValidationFailedException,
} from '@comeback/platform';
import {
  AtsApplication,
  AtsConnection,
  AtsConnector,
  AtsJob,
  AtsEvent,
  AtsHiringManager,
  AtsJobScope,
  AtsOffer,
  AtsStage,
  ConnectionCheckItem,
  explicitWebhookSecrets,
  NoteInput,
  Page,
  WebhookRequest,
  WebhookSubscription,
} from '../ats-connector.port';
import { AtsCredentialStore } from '../ats-credential.store';
import type { CheckReader } from '../util/connection-check';
import {
  ATS_HTTP_TUNING,
  AtsHttpClient,
  AtsHttpResponse,
  AtsHttpTuning,
  HttpMethod,
  vendorMessage,
} from '../http/ats-http-client';
import { AtsHttpMetrics } from '../http/ats-http-metrics';
import { asArray, asId, asRecord, asText, JsonRecord } from '../util/json-reader';
import { mergeTags, withoutTags } from '../util/tag-merge';
import {
  WK_API_RATE_LIMIT,
  WK_COMMENT_POLICY,
  WK_LIST_LIMIT,
  WK_MARKER_PARAM,
  WK_OPEN_JOB_STATE,
  WK_STAGE_CACHE_TTL_MS,
  WK_SUBSCRIBED_EVENTS,
  WK_TOKEN_RATE_LIMIT,
  WK_VERIFY_STAGE_BEFORE_MOVE,
  workableAccountId,
  workableDefaultLimit,
  workableSigningSecret,
  workableSubscriptionTarget,
  WK_API_HOSTS,
  WK_HIRING_MANAGER_ROLE,
  WK_SIGNATURE_HEADER,
} from './workable.constants';
import { usesWorkableOAuth, WorkableTokenCache } from './workable-token.cache';
import { mapWorkableCandidate, mapWorkableStages, toAtsStages, WorkableStage } from './workable.mapper';
import { checkWorkableConnection } from './workable-connection-check';
import { normaliseWorkableTag } from './workable-tag';
import { parseWorkableWebhook, verifyWorkableSignature } from './workable-webhook.parser';

type Query = Record<string, string | number>;

export function workableUrl(apiBaseUrl: string, path: string, query?: Query | string): string {
  const base = apiBaseUrl.replace(/\/+$/, '');
  const qs =
    typeof query === 'string'
      ? query
      : query
        ? new URLSearchParams(
            Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
          ).toString()
        : '';
  return `${base}/${path}${qs ? `?${qs}` : ''}`;
}

/**
 * `paging.next` is a full URL. We keep only its query string as our cursor, so the next call goes to the
 * connection's own base URL whatever host the vendor wrote into the link.
 */
export function workableCursor(nextUrl: string | null): string | null {
  if (!nextUrl) return null;
  try {
    const qs = new URL(nextUrl, 'http://relative.invalid').search.replace(/^\?/, '');
    return qs === '' ? null : qs;
  } catch {
    return null;
  }
}

/** Workable SPI v3 behind the ATS port. */
@Injectable()
export class WorkableConnector extends AtsConnector implements OnModuleDestroy {
  readonly kind = 'workable' as const;
  readonly displayName = 'Workable';
  readonly credentialStyle = 'api_token' as const;
  private readonly api: AtsHttpClient;
  /** Promises, so concurrent lookups of one job share a single request. */
  private readonly stageCache = new Map<string, { stages: Promise<WorkableStage[]>; until: number }>();
  private readonly auth: AtsHttpClient;
  private readonly tokens: WorkableTokenCache;

  constructor(
    limiter: RateLimiter,
    metrics: AtsHttpMetrics,
    @Optional() @Inject(ATS_HTTP_TUNING) tuning?: AtsHttpTuning,
    @Optional() credentials?: AtsCredentialStore,
  ) {
    super();
    this.api = new AtsHttpClient(limiter, metrics, { ...tuning, rateLimit: WK_API_RATE_LIMIT });
    // The token endpoint is not an SPI call: its own bucket.
    this.auth = new AtsHttpClient(limiter, metrics, { ...tuning, rateLimit: WK_TOKEN_RATE_LIMIT });
    this.tokens = new WorkableTokenCache(this.auth, credentials ?? null);
  }

  async onModuleDestroy(): Promise<void> {
    await this.api.close();
    await this.auth.close();
  }

  verifySignature(req: WebhookRequest, secrets: readonly string[]): boolean {
    return secrets.some((secret) => verifyWorkableSignature(req, secret));
  }

  override webhookSigningSecret(conn: AtsConnection): string {
    return workableSigningSecret(conn);
  }

  /** The explicit secrets where set (a partner app's secret held elsewhere), else the account token. */
  override webhookVerificationSecrets(conn: AtsConnection): string[] {
    const explicit = explicitWebhookSecrets(conn);
    return explicit.length > 0 ? explicit : [workableSigningSecret(conn)];
  }

  parseWebhook(req: WebhookRequest): AtsEvent {
    return parseWorkableWebhook(req);
  }

  /** The candidate is the application: `candidateId` is accepted for the port's sake and not needed. */
  async getApplication(conn: AtsConnection, applicationId: string): Promise<AtsApplication> {
    const candidate = await this.candidate(conn, applicationId);
    const shortcode = asText(asRecord(candidate.job)?.shortcode);
    return mapWorkableCandidate(candidate, shortcode ? await this.stages(conn, shortcode) : null);
  }

  /**
   * `GET /jobs/:shortcode` (scope r_jobs) → the job with `department`, "the job department as defined in job
   * editor" (workable.readme.io/reference/jobsshortcode).
   */
  async getJob(conn: AtsConnection, jobId: string): Promise<AtsJobScope> {
    const res = await this.call(conn, 'GET', `jobs/${encodeURIComponent(jobId)}`, {});
    if (res.status === 404) throw new NotFoundException('Job', { jobId });
    this.expectOk(res, 'read job');
    const body = asRecord(res.body);
    const department = asText(body?.department);
    return {
      jobId,
      name: asText(body?.title),
      department: department && department.trim() ? department : null,
    };
  }

  async listStages(conn: AtsConnection, jobId: string): Promise<AtsStage[]> {
    return toAtsStages(await this.stages(conn, jobId, true));
  }

  /** `PUT /candidates/:id/tags` replaces every tag: read, merge, then send the recruiter's tags with ours. */
  async addTags(conn: AtsConnection, app: AtsApplication, tags: string[]): Promise<string[]> {
    const wanted = tags.map((t) => this.normaliseTag(t)).filter((t): t is string => t !== null);
    if (wanted.length === 0) return [];
    const candidate = await this.candidate(conn, app.candidateId);
    const existing = asArray(candidate.tags)
      .map(asText)
      .filter((t): t is string => t !== null);
    const { merged, added } = mergeTags(existing, wanted);
    if (added.length === 0) return [];
    const res = await this.call(conn, 'PUT', `candidates/${encodeURIComponent(app.candidateId)}/tags`, {
      json: { tags: merged },
    });
    this.expectOk(res, 'update candidate tags');
    return added;
  }

  /** The same `PUT /candidates/:id/tags` (it replaces the list): read, drop ours, send back the rest. */
  async removeTags(conn: AtsConnection, app: AtsApplication, tags: string[]): Promise<string[]> {
    const unwanted = tags.map((t) => this.normaliseTag(t)).filter((t): t is string => t !== null);
    if (unwanted.length === 0) return [];
    const candidate = await this.candidate(conn, app.candidateId);
    const existing = asArray(candidate.tags)
      .map(asText)
      .filter((t): t is string => t !== null);
    const { kept, removed } = withoutTags(existing, unwanted);
    if (removed.length === 0) return [];
    const res = await this.call(conn, 'PUT', `candidates/${encodeURIComponent(app.candidateId)}/tags`, {
      json: { tags: kept },
    });
    this.expectOk(res, 'update candidate tags');
    return removed;
  }

  async addNote(conn: AtsConnection, app: AtsApplication, note: NoteInput): Promise<void> {
    const policy = WK_COMMENT_POLICY[note.audience];
    const comment: JsonRecord = { body: note.body };
    if (policy) comment.policy = policy;
    // A comment cannot be taken back: never resend after an unanswered attempt.
    const res = await this.call(conn, 'POST', `candidates/${encodeURIComponent(app.candidateId)}/comments`, {
      json: { member_id: this.memberId(conn), comment },
      idempotent: false,
    });
    this.expectOk(res, 'comment on candidate');
  }

  async moveToStage(conn: AtsConnection, app: AtsApplication, toStageId: string): Promise<'moved' | 'stale'> {
    const memberId = this.memberId(conn);
    if (WK_VERIFY_STAGE_BEFORE_MOVE && (app.currentStageId || app.currentStageName)) {
      const now = await this.getApplication(conn, app.applicationId);
      // Already where we want it (e.g. our earlier attempt went through): nothing to do, and not stale.
      if (now.currentStageId === toStageId) return 'moved';
      const same = app.currentStageId
        ? now.currentStageId === app.currentStageId
        : now.currentStageName?.toLowerCase() === app.currentStageName?.toLowerCase();
      if (!same) return 'stale';
    }
    // Moving to the stage it is already in changes nothing, so a resend is harmless.
    const res = await this.call(conn, 'POST', `candidates/${encodeURIComponent(app.candidateId)}/move`, {
      json: { member_id: memberId, target_stage: toStageId },
      idempotent: true,
    });
    this.expectOk(res, 'move candidate');
    return 'moved';
  }

  async listOpenApplications(conn: AtsConnection, cursor: string | null): Promise<Page<AtsApplication>> {
    const res = await this.call(conn, 'GET', 'candidates', { query: cursor ?? { limit: WK_LIST_LIMIT } });
    this.expectOk(res, 'list candidates');
    const body = asRecord(res.body);
    const rows = asArray(body?.candidates)
      .map(asRecord)
      .filter((c): c is JsonRecord => c !== null && c.disqualified !== true);
    const shortcodes = [
      ...new Set(rows.map((c) => asText(asRecord(c.job)?.shortcode)).filter((s): s is string => s !== null)),
    ];
    const stagesByJob = new Map<string, WorkableStage[]>();
    for (const sc of shortcodes) stagesByJob.set(sc, await this.stages(conn, sc));
    const items = rows
      .map((c) => mapWorkableCandidate(c, stagesByJob.get(asText(asRecord(c.job)?.shortcode) ?? '') ?? null))
      .filter((a) => a.status === 'active');
    return { items, nextCursor: workableCursor(asText(asRecord(body?.paging)?.next)) };
  }

  /** Offers are out of scope for Workable in this product (its offer API is not in the subset we use). */
  async getOffer(_conn: AtsConnection, _applicationId: string): Promise<AtsOffer | null> {
    return null;
  }

  /**
   * One subscription per event, each on its own target (Workable keys subscriptions by target URL). A 409
   * means it exists already (made by us earlier, maybe by another process): `GET /subscriptions` finds its
   * id again. The POST answers only `{id}`, so the list also gives us `valid_until` for renewal.
   */
  /**
   * `GET /jobs/:shortcode/members` → `{members: [{id, name, headline, email, role, collaboration_role}]}`, "the
   * defined members that are in the hiring team of the specified job"; `collaboration_role` is the member's
   * role in that team, one of admin, recruiting_admin, hiring_manager, simple, reviewer, recruiter
   * (workable.readme.io/reference/job-members). Only `hiring_manager` members are hiring managers.
   */
  async listJobHiringManagers(conn: AtsConnection, jobId: string): Promise<AtsHiringManager[]> {
    const res = await this.call(conn, 'GET', `jobs/${encodeURIComponent(jobId)}/members`, {});
    if (res.status === 404) throw new NotFoundException('Job', { jobId });
    this.expectOk(res, 'list job members');
    return asArray(asRecord(res.body)?.members)
      .map(asRecord)
      .filter((m): m is JsonRecord => m !== null && asText(m.collaboration_role) === WK_HIRING_MANAGER_ROLE)
      .flatMap((m) => {
        const id = asId(m.id);
        const email = asText(m.email);
        return id ? [{ atsUserId: id, email: email ? email.trim().toLowerCase() : null }] : [];
      });
  }

  /** `GET /jobs?state=published` → `{jobs: [{title, shortcode, department, application_url, …}], paging}`. */
  async listOpenJobs(conn: AtsConnection): Promise<AtsJob[]> {
    const res = await this.call(conn, 'GET', 'jobs', {
      query: { state: WK_OPEN_JOB_STATE, limit: WK_LIST_LIMIT },
    });
    this.expectOk(res, 'list jobs');
    return asArray(asRecord(res.body)?.jobs)
      .map(asRecord)
      .filter((j): j is JsonRecord => j !== null && asText(j.shortcode) !== null)
      .map((j) => ({
        jobId: asText(j.shortcode) as string,
        title: asText(j.title) ?? (asText(j.shortcode) as string),
        department: asText(j.department),
        level: null,
        applyUrl: asText(j.url) ?? asText(j.shortlink) ?? asText(j.application_url),
      }));
  }

  applyUrlWithMarker(applyUrl: string, marker: string): string {
    const url = new URL(applyUrl);
    url.searchParams.set(WK_MARKER_PARAM, marker);
    return url.toString();
  }

  async subscribeWebhooks(conn: AtsConnection, targetUrl: string): Promise<WebhookSubscription[]> {
    const targets = new Map<string, string | null>();
    for (const event of WK_SUBSCRIBED_EVENTS) {
      const target = workableSubscriptionTarget(targetUrl, event);
      const res = await this.call(conn, 'POST', 'subscriptions', {
        json: {
          target,
          event,
          args: { account_id: workableAccountId(conn), job_shortcode: '', stage_slug: '' },
        },
        // A resend lands on 409 (already subscribed), which the lookup below resolves.
        idempotent: true,
      });
      if (res.status !== 409) this.expectOk(res, `subscribe to ${event}`);
      targets.set(target, res.status === 409 ? null : asId(asRecord(res.body)?.id));
    }
    const listed = await this.listSubscriptions(conn);
    return [...targets].map(([target, createdId]) => {
      const found = listed.find((s) => (createdId ? s.id === createdId : s.target === target));
      if (!found && !createdId)
        throw new AppException(
          ErrorCode.AtsRejected,
          `Workable answered 409 for ${target} but does not list a subscription with that target`,
        );
      return found ?? { id: createdId as string, target, validUntil: null };
    });
  }

  /** Deletes by the stored ids, so any process can undo what another one created. */
  async unsubscribeWebhooks(conn: AtsConnection, subscriptionIds: readonly string[]): Promise<void> {
    for (const id of subscriptionIds) {
      const res = await this.call(conn, 'DELETE', `subscriptions/${encodeURIComponent(id)}`, {
        idempotent: true,
      });
      if (res.status !== 404) this.expectOk(res, 'unsubscribe');
    }
  }

  /** The UI address needs the account subdomain and job, which the ids alone do not give. */
  applicationUrl(): string | null {
    return null;
  }

  normaliseTag(tag: string): string | null {
    return normaliseWorkableTag(tag);
  }

  override allowedHostPatterns(): readonly string[] {
    return WK_API_HOSTS;
  }

  async checkConnection(conn: AtsConnection): Promise<ConnectionCheckItem[]> {
    return checkWorkableConnection(this.checkReader(conn), conn.actingUserId);
  }

  async checkIdentity(conn: AtsConnection): Promise<ConnectionCheckItem[]> {
    return checkWorkableConnection(this.checkReader(conn), conn.actingUserId, { identityOnly: true });
  }

  private checkReader(conn: AtsConnection): CheckReader {
    return { get: (path, query) => this.call(conn, 'GET', path, { query, findings: true }) };
  }

  /** An envelope as Workable posts one, signed as Workable signs it (hex HMAC-SHA256 of the raw body). */
  testDelivery(conn: AtsConnection): WebhookRequest {
    const rawBody = Buffer.from(
      JSON.stringify({
        id: `connection-check-${Date.now()}`,
        event_type: 'connection_check',
        fired_at: new Date().toISOString(),
        resource_type: 'candidate',
        data: {},
      }),
    );
    const signature = createHmac('sha256', this.webhookSigningSecret(conn) ?? '')
      .update(rawBody)
      .digest('hex');
    return {
      rawBody,
      headers: { [WK_SIGNATURE_HEADER.toLowerCase()]: signature, 'content-type': 'application/json' },
    };
  }

  // ------------------------------------------------------------------ SPI plumbing

  private memberId(conn: AtsConnection): string {
    if (!conn.actingUserId)
      throw new ValidationFailedException(
        'Workable writes need the acting member id (actingUserId) of the connection',
      );
    return conn.actingUserId;
  }

  /** `GET /subscriptions` → `{subscriptions: [{id, target, valid_until, …}]}`. */
  private async listSubscriptions(conn: AtsConnection): Promise<WebhookSubscription[]> {
    const res = await this.call(conn, 'GET', 'subscriptions', {});
    this.expectOk(res, 'list subscriptions');
    return asArray(asRecord(res.body)?.subscriptions)
      .map(asRecord)
      .filter((r): r is JsonRecord => r !== null)
      .flatMap((r) => {
        const id = asId(r.id);
        const target = asText(r.target);
        const until = asText(r.valid_until);
        const validUntil = until && !Number.isNaN(Date.parse(until)) ? new Date(until) : null;
        return id && target ? [{ id, target, validUntil }] : [];
      });
  }

  private async candidate(conn: AtsConnection, id: string): Promise<JsonRecord> {
    const res = await this.call(conn, 'GET', `candidates/${encodeURIComponent(id)}`, {});
    if (res.status === 404) throw new NotFoundException('Candidate', { candidateId: id });
    this.expectOk(res, 'read candidate');
    const body = asRecord(res.body);
    const candidate = asRecord(body?.candidate) ?? body;
    if (!candidate)
      throw new AppException(
        ErrorCode.AtsUnavailable,
        'Workable answered GET /candidates/:id without a candidate',
      );
    return candidate;
  }

  private async stages(conn: AtsConnection, shortcode: string, fresh = false): Promise<WorkableStage[]> {
    const key = `${conn.tenantId}|${conn.apiBaseUrl}|${shortcode}`;
    const hit = this.stageCache.get(key);
    if (!fresh && hit && hit.until > Date.now()) return hit.stages;
    const stages = this.fetchStages(conn, shortcode);
    this.stageCache.set(key, { stages, until: Date.now() + WK_STAGE_CACHE_TTL_MS });
    // A failed lookup must not be served from the cache.
    stages.catch(() => {
      if (this.stageCache.get(key)?.stages === stages) this.stageCache.delete(key);
    });
    return stages;
  }

  private async fetchStages(conn: AtsConnection, shortcode: string): Promise<WorkableStage[]> {
    const res = await this.call(conn, 'GET', `jobs/${encodeURIComponent(shortcode)}/stages`, {});
    if (res.status === 404) throw new NotFoundException('Job', { jobId: shortcode });
    this.expectOk(res, 'list job stages');
    const body = asRecord(res.body);
    return mapWorkableStages(Array.isArray(res.body) ? res.body : asArray(body?.stages));
  }

  private async call(
    conn: AtsConnection,
    method: HttpMethod,
    path: string,
    opts: { query?: Query | string; json?: unknown; idempotent?: boolean; findings?: boolean },
  ): Promise<AtsHttpResponse> {
    const oauth = usesWorkableOAuth(conn);
    const send = async (token: string) =>
      this.api.send({
        tenantId: conn.tenantId,
        method,
        url: workableUrl(conn.apiBaseUrl, path, opts.query),
        headers: { authorization: `Bearer ${token}` },
        json: opts.json,
        idempotent: opts.idempotent,
        defaultLimit: workableDefaultLimit(conn),
        // The connection check reads a refusal as a finding, not as an error.
        passThrough: opts.findings ? [401, 403, 404, 422] : undefined,
      });
    const token = oauth ? await this.tokens.get(conn) : conn.secret;
    let res = await send(token);
    // An OAuth access token may expire before its stated time: refresh once and try again.
    if (res.status === 401 && oauth) {
      this.tokens.invalidate(conn, token);
      res = await send(await this.tokens.get(conn));
    }
    // Account tokens do not expire or refresh: a 401 means the token is wrong or revoked.
    if (res.status === 401 && !opts.findings)
      throw new AppException(ErrorCode.AtsRejected, `Workable refused the token: ${vendorMessage(res)}`, {
        status: 401,
      });
    return res;
  }

  private expectOk(res: AtsHttpResponse, what: string): void {
    if (res.status >= 200 && res.status < 300) return;
    if (res.status === 404) throw new NotFoundException(`Workable resource (${what})`);
    throw new AppException(
      ErrorCode.AtsRejected,
      `Workable refused to ${what} (HTTP ${res.status}): ${vendorMessage(res)}`,
      { status: res.status },
    );
  }
}
