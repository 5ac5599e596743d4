import { createHash, createHmac } from 'node:crypto';
import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import {
  AppException,
  CredentialCache,
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
  NoteInput,
  Page,
  WebhookRequest,
  WebhookSubscription,
} from '../ats-connector.port';
import {
  ATS_HTTP_TUNING,
  AtsHttpClient,
  AtsHttpResponse,
  AtsHttpTuning,
  HttpMethod,
  vendorMessage,
} from '../http/ats-http-client';
import { AtsHttpMetrics } from '../http/ats-http-metrics';
import { nextLinkParam } from '../http/link-header';
import { asArray, asId, asNumber, asRecord, asText, JsonRecord } from '../util/json-reader';
import {
  GH_API_HOSTS,
  GH_JOB_LEVEL_FIELD,
  GH_MARKER_PARAM,
  GH_API_RATE_LIMIT,
  GH_MOVE_FROM_ID_FIRST,
  GH_MOVE_FROM_ID_LOCAL_MS,
  GH_MOVE_FROM_ID_REMEMBER_MS,
  GhMoveFromIdKind,
  GH_MAX_IDS_PER_FILTER,
  GH_NOTE_VISIBILITY,
  GH_OPEN_APPLICATIONS_PER_PAGE,
  GH_SIGNATURE_HEADER,
  GH_SIGNATURE_PREFIX,
  GH_TOKEN_RATE_LIMIT,
} from './greenhouse.constants';
import { mapHarvestApplication, mapJobStages, mapOffer } from './greenhouse.mapper';
import { checkGreenhouseConnection, type HarvestReader } from './greenhouse-connection-check';
import { GreenhouseTokenCache } from './greenhouse-token.cache';
import { parseGreenhouseWebhook, verifyGreenhouseSignature } from './greenhouse-webhook.parser';

type Query = Record<string, string | number | boolean>;

/** Statuses the connection check reads as findings (missing scope, unknown user) rather than failures. */
const CHECK_PASS_THROUGH: readonly number[] = [401, 403, 404, 422];

/** A move Greenhouse refused for a reason other than a stale `from_stage_id`: the job fails visibly. */
export class GreenhouseMoveRefusedException extends AppException {
  constructor(applicationId: string, detail: string) {
    super(ErrorCode.AtsRejected, `Greenhouse refused to move application ${applicationId}: ${detail}`, {
      status: 422,
    });
  }
}

/** Where an application stands, read fresh: both stage ids of the Harvest v3 row. */
interface GhStagePosition {
  jobStageId: string | null;
  rowId: string | null;
}

/** Greenhouse ids are integers on the wire; we carry strings. */
export function toGreenhouseId(id: string): number | string {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/**
 * Harvest paths are documented as `/v3/...`; a connection's base may be given with or without the
 * version segment (https://harvest.greenhouse.io or …/v3), and both work.
 */
export function harvestUrl(apiBaseUrl: string, path: string, query?: Query): string {
  const base = apiBaseUrl.replace(/\/+$/, '');
  const root = /\/v3$/.test(base) ? base : `${base}/v3`;
  const qs = query
    ? new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()
    : '';
  return `${root}/${path}${qs ? `?${qs}` : ''}`;
}

function isMoveFromIdKind(value: string | null): value is GhMoveFromIdKind {
  return value === 'application_stage_id' || value === 'job_interview_stage_id';
}

/** Per tenant and API base: an account's answer holds for that account. */
function moveFromKindKey(conn: AtsConnection): string {
  return `gh-move-from:${conn.tenantId}:${createHash('sha256').update(conn.apiBaseUrl).digest('hex').slice(0, 16)}`;
}

function otherMoveFromIdKind(kind: GhMoveFromIdKind): GhMoveFromIdKind {
  return kind === 'application_stage_id' ? 'job_interview_stage_id' : 'application_stage_id';
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Greenhouse (webhooks + Harvest v3) behind the ATS port. */
/** Greenhouse's recruiter UI (profile page by candidate, with the application selected). */
const GH_APP_URL = 'https://app.greenhouse.io';

@Injectable()
export class GreenhouseConnector extends AtsConnector implements OnModuleDestroy {
  readonly kind = 'greenhouse' as const;
  readonly displayName = 'Greenhouse';
  readonly credentialStyle = 'oauth_client' as const;
  private readonly api: AtsHttpClient;
  private readonly auth: AtsHttpClient;
  private readonly tokens: GreenhouseTokenCache;
  /** Tag definition ids per tenant and lower-cased name (definitions are never renamed by us). */
  private readonly tagIds = new Map<string, string>();
  /** Tenants whose tag definitions were listed once: a name missing since is created, not listed again. */
  private readonly tagsListed = new Set<string>();
  /** This process's copy of each tenant's `from_stage_id` kind, read from the shared cache (see moveFromIdKind). */
  private readonly moveFromKinds = new Map<string, { kind: GhMoveFromIdKind; until: number }>();
  private readonly shared: CredentialCache;

  constructor(
    limiter: RateLimiter,
    metrics: AtsHttpMetrics,
    credentials: CredentialCache,
    @Optional() @Inject(ATS_HTTP_TUNING) tuning?: AtsHttpTuning,
  ) {
    super();
    this.api = new AtsHttpClient(limiter, metrics, { ...tuning, rateLimit: GH_API_RATE_LIMIT });
    this.auth = new AtsHttpClient(limiter, metrics, { ...tuning, rateLimit: GH_TOKEN_RATE_LIMIT });
    this.tokens = new GreenhouseTokenCache(this.auth, credentials);
    this.shared = credentials;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.api.close(), this.auth.close()]);
  }

  verifySignature(req: WebhookRequest, secrets: readonly string[]): boolean {
    return verifyGreenhouseSignature(req, secrets);
  }

  parseWebhook(req: WebhookRequest): AtsEvent {
    return parseGreenhouseWebhook(req);
  }

  async getApplication(
    conn: AtsConnection,
    applicationId: string,
    candidateId?: string,
  ): Promise<AtsApplication> {
    const [apps, early] = await Promise.all([
      this.list(conn, 'applications', { ids: applicationId }),
      candidateId ? this.candidate(conn, candidateId) : Promise.resolve(null),
    ]);
    const row = apps.map(asRecord).find((a) => asId(a?.id) === applicationId);
    if (!row) throw new NotFoundException('Application', { applicationId });
    const cid = asId(row.candidate_id);
    const candidate = early && asId(early.id) === cid ? early : cid ? await this.candidate(conn, cid) : null;
    return mapHarvestApplication(row, candidate);
  }

  /**
   * `GET /v3/jobs?ids=` (scope jobs:list, ats-contracts.md "Scopes"). A job carries `departments`, a list of
   * `{id, name, parent_id, child_ids, external_id}` (developers.greenhouse.io/harvest.html#the-job-object; the same
   * shape as the webhook's `jobs[].departments`); a job sits in one department, so the first one is its department.
   */
  async getJob(conn: AtsConnection, jobId: string): Promise<AtsJobScope> {
    const rows = await this.list(conn, 'jobs', { ids: jobId });
    const row = rows.map(asRecord).find((j) => asId(j?.id) === jobId);
    if (!row) throw new NotFoundException('Job', { jobId });
    const departments = Array.isArray(row.departments) ? row.departments.map(asRecord) : [];
    const department = departments.map((d) => asText(d?.name)).find((n): n is string => !!n) ?? null;
    return { jobId, name: asText(row.name), department };
  }

  async listStages(conn: AtsConnection, jobId: string): Promise<AtsStage[]> {
    return mapJobStages(await this.listAll(conn, 'job_interview_stages', { job_ids: jobId, per_page: 500 }));
  }

  /**
   * Additive, one `POST /v3/applied_candidate_tags {candidate_id, candidate_tag_id}` per missing tag; no
   * read-merge-write (`PATCH /v3/candidates` `tags` replaces the whole list and would drop a recruiter's tag
   * added meanwhile). Tags the snapshot already shows are skipped; definitions come from the tenant's cache.
   */
  async addTags(conn: AtsConnection, app: AtsApplication, tags: string[]): Promise<string[]> {
    const have = new Set(app.candidate.tags.map((t) => t.toLowerCase()));
    const wanted = [
      ...new Map(
        tags
          .map((t) => this.normaliseTag(t))
          .filter((t): t is string => t !== null && !have.has(t.toLowerCase()))
          .map((t) => [t.toLowerCase(), t]),
      ).values(),
    ];
    for (const tag of wanted) {
      const tagId = await this.tagDefinitionId(conn, tag);
      const res = await this.call(conn, 'POST', 'applied_candidate_tags', {
        json: { candidate_id: toGreenhouseId(app.candidateId), candidate_tag_id: toGreenhouseId(tagId) },
        // Applying a tag twice leaves one tag: safe to resend.
        idempotent: true,
      });
      this.expectOk(res, 'apply candidate tag');
    }
    return wanted;
  }

  /**
   * `GET /v3/applied_candidate_tags?candidate_ids=&candidate_tag_ids=` finds the applied-tag rows, then
   * `DELETE /v3/applied_candidate_tags/{id}` removes each (scope `harvest:applied_candidate_tags:destroy`,
   * ats-contracts.md "Scopes"; https://harvestdocs.greenhouse.io/reference/get_v3-applied-candidate-tags).
   * Only the rows of the named tags are touched, so a recruiter's own tags stay; a row already gone (404) is fine.
   */
  async removeTags(conn: AtsConnection, app: AtsApplication, tags: string[]): Promise<string[]> {
    const removed: string[] = [];
    for (const tag of tags.map((t) => this.normaliseTag(t)).filter((t): t is string => t !== null)) {
      const tagId = await this.tagDefinitionId(conn, tag);
      const rows = await this.list(conn, 'applied_candidate_tags', {
        candidate_ids: toGreenhouseId(app.candidateId),
        candidate_tag_ids: toGreenhouseId(tagId),
      });
      const ids = rows.map((r) => asId(asRecord(r)?.id)).filter((id): id is string => !!id);
      for (const id of ids) {
        const res = await this.call(conn, 'DELETE', `applied_candidate_tags/${encodeURIComponent(id)}`, {
          idempotent: true,
          passThrough: [404],
        });
        if (res.status !== 404) this.expectOk(res, 'remove candidate tag');
      }
      if (ids.length > 0) removed.push(tag);
    }
    return removed;
  }

  async addNote(conn: AtsConnection, app: AtsApplication, note: NoteInput): Promise<void> {
    const body: JsonRecord = {
      candidate_id: toGreenhouseId(app.candidateId),
      application_id: toGreenhouseId(app.applicationId),
      body: note.body,
      note_type: 'NOTE',
      visibility: GH_NOTE_VISIBILITY[note.audience],
    };
    if (conn.actingUserId) body.user_id = toGreenhouseId(conn.actingUserId);
    // Notes can be neither edited nor deleted: never resend after an unanswered attempt.
    const res = await this.call(conn, 'POST', 'notes', { json: body, idempotent: false });
    this.expectOk(res, 'create note');
  }

  /**
   * `POST /v3/applications/{id}/move {from_stage_id, to_stage_id}` → 204; 422 when `from_stage_id` is not the
   * current stage (harvestdocs.greenhouse.io, post_v3-applications-id-move), which also refuses a resend after
   * a move whose answer was lost. On a 422 the application is read again: at the target → 'moved'; at another
   * stage than `app` says → 'stale'; unchanged → the other `from_stage_id` kind is tried once, and the one
   * that works is remembered for the tenant. Any other refusal throws.
   */
  async moveToStage(conn: AtsConnection, app: AtsApplication, toStageId: string): Promise<'moved' | 'stale'> {
    if (!app.currentStageId)
      throw new ValidationFailedException('Cannot move an application whose current stage is unknown');
    const first = await this.moveFromIdKind(conn);
    let position: GhStagePosition = {
      jobStageId: app.currentStageId,
      rowId: app.currentStagePositionId ?? null,
    };
    if (first === 'application_stage_id' && !position.rowId) {
      position = await this.stagePosition(conn, app.applicationId);
      if (position.jobStageId === toStageId) return 'moved';
      if (position.jobStageId !== app.currentStageId) return 'stale';
    }
    let refusal = '';
    for (const kind of [first, otherMoveFromIdKind(first)]) {
      const from = kind === 'application_stage_id' ? position.rowId : position.jobStageId;
      if (from) {
        const res = await this.call(
          conn,
          'POST',
          `applications/${encodeURIComponent(app.applicationId)}/move`,
          {
            json: { from_stage_id: toGreenhouseId(from), to_stage_id: toGreenhouseId(toStageId) },
            // Safe to resend: `from_stage_id` guards it, and a 422 after a lost answer is recognised below.
            idempotent: true,
          },
        );
        if (res.status !== 422) {
          this.expectOk(res, 'move application');
          if (kind !== first) await this.rememberMoveFromIdKind(conn, kind);
          return 'moved';
        }
        refusal = vendorMessage(res);
      }
      position = await this.stagePosition(conn, app.applicationId);
      if (position.jobStageId === toStageId) return 'moved';
      if (position.jobStageId !== app.currentStageId) return 'stale';
    }
    throw new GreenhouseMoveRefusedException(app.applicationId, refusal || 'no from_stage_id was accepted');
  }

  /**
   * The `from_stage_id` kind to send first for this tenant: what any process learnt from a retry (shared cache:
   * Redis in production, so a kind learnt once saves every process its 422 and re-read), else the default.
   */
  private async moveFromIdKind(conn: AtsConnection): Promise<GhMoveFromIdKind> {
    const local = this.moveFromKinds.get(conn.tenantId);
    if (local && local.until > Date.now()) return local.kind;
    const stored = await this.shared.get(moveFromKindKey(conn));
    const kind = isMoveFromIdKind(stored) ? stored : GH_MOVE_FROM_ID_FIRST;
    this.moveFromKinds.set(conn.tenantId, { kind, until: Date.now() + GH_MOVE_FROM_ID_LOCAL_MS });
    return kind;
  }

  private async rememberMoveFromIdKind(conn: AtsConnection, kind: GhMoveFromIdKind): Promise<void> {
    this.moveFromKinds.set(conn.tenantId, { kind, until: Date.now() + GH_MOVE_FROM_ID_LOCAL_MS });
    await this.shared.put(moveFromKindKey(conn), kind, GH_MOVE_FROM_ID_REMEMBER_MS);
  }

  /** One `GET /v3/applications?ids=` row: both stage ids as they are now. */
  private async stagePosition(conn: AtsConnection, applicationId: string): Promise<GhStagePosition> {
    const rows = await this.list(conn, 'applications', { ids: applicationId });
    const row = rows.map(asRecord).find((a) => asId(a?.id) === applicationId);
    if (!row) throw new NotFoundException('Application', { applicationId });
    return { jobStageId: asId(row.job_interview_stage_id), rowId: asId(row.stage_id) };
  }

  /**
   * Tag definition id by name (case-insensitive), cached per tenant: `GET /v3/candidate_tags` once, and
   * `POST /v3/candidate_tags {name}` for a name the account does not have yet.
   */
  private async tagDefinitionId(conn: AtsConnection, name: string): Promise<string> {
    const key = (n: string) => `${conn.tenantId}|${n.toLowerCase()}`;
    const cached = this.tagIds.get(key(name));
    if (cached) return cached;
    if (!this.tagsListed.has(conn.tenantId)) {
      for (const row of (await this.listAll(conn, 'candidate_tags', { per_page: 500 })).map(asRecord)) {
        const id = asId(row?.id);
        const tagName = asText(row?.name);
        if (id && tagName) this.tagIds.set(key(tagName), id);
      }
      this.tagsListed.add(conn.tenantId);
      const listed = this.tagIds.get(key(name));
      if (listed) return listed;
    }
    // Not idempotent: a resend after a lost answer could create the definition twice.
    const res = await this.call(conn, 'POST', 'candidate_tags', { json: { name }, idempotent: false });
    this.expectOk(res, 'create candidate tag');
    const id = asId(asRecord(res.body)?.id);
    if (!id) throw new AppException(ErrorCode.AtsUnavailable, 'Greenhouse created a tag without an id');
    this.tagIds.set(key(name), id);
    return id;
  }

  async listOpenApplications(conn: AtsConnection, cursor: string | null): Promise<Page<AtsApplication>> {
    // A cursor must be the only query parameter: filters and page size travel inside it.
    const { rows, nextCursor } = await this.page(
      conn,
      'applications',
      cursor ? { cursor } : { status: 'active', per_page: GH_OPEN_APPLICATIONS_PER_PAGE },
    );
    // Prospects sit in pools, not on a job's pipeline: nothing to fast-track.
    const apps = rows
      .map(asRecord)
      .filter((a): a is JsonRecord => a !== null && a.prospect !== true && asId(a.job_id) !== null);
    const candidateIds = [
      ...new Set(apps.map((a) => asId(a.candidate_id)).filter((id): id is string => id !== null)),
    ];
    const candidates = new Map<string, JsonRecord>();
    const batches = await Promise.all(
      chunks(candidateIds, GH_MAX_IDS_PER_FILTER).map((ids) =>
        this.list(conn, 'candidates', { ids: ids.join(','), per_page: ids.length }),
      ),
    );
    for (const c of batches.flat().map(asRecord)) {
      const id = asId(c?.id);
      if (c && id) candidates.set(id, c);
    }
    return {
      items: apps.map((a) => mapHarvestApplication(a, candidates.get(asId(a.candidate_id) ?? '') ?? null)),
      nextCursor,
    };
  }

  async getOffer(conn: AtsConnection, applicationId: string): Promise<AtsOffer | null> {
    const rows = await this.list(conn, 'offers', { application_ids: applicationId, current_only: true });
    const current = rows
      .map(asRecord)
      .filter(
        (o): o is JsonRecord =>
          o !== null && o.deprecated !== true && asId(o.application_id) === applicationId,
      )
      .sort((a, b) => (asNumber(b.version) ?? 0) - (asNumber(a.version) ?? 0))[0];
    return current ? mapOffer(current, conn.offerSalaryField) : null;
  }

  /**
   * `GET /v3/job_hiring_managers?job_ids=` → `[{job_id, user_id}]`, then `GET /v3/users?ids=` (≤ 50 a call) for
   * their e-mails (`primary_email`; ats-contracts.md "Objects we read"; the v1 `hiring_team` of a job became
   * this resource in v3: harvestdocs.greenhouse.io/docs/step-by-step-migration-instructions). A deactivated
   * user keeps no assignment.
   */
  async listJobHiringManagers(conn: AtsConnection, jobId: string): Promise<AtsHiringManager[]> {
    const rows = await this.listAll(conn, 'job_hiring_managers', { job_ids: jobId, per_page: 500 });
    const userIds = [
      ...new Set(
        rows
          .map(asRecord)
          .filter((r): r is JsonRecord => r !== null && asId(r.job_id) === jobId)
          .map((r) => asId(r.user_id))
          .filter((id): id is string => id !== null),
      ),
    ];
    const users = (
      await Promise.all(
        chunks(userIds, GH_MAX_IDS_PER_FILTER).map((ids) =>
          this.list(conn, 'users', { ids: ids.join(','), per_page: ids.length }),
        ),
      )
    )
      .flat()
      .map(asRecord);
    return userIds.flatMap((id) => {
      const user = users.find((u) => u !== null && asId(u.id) === id);
      if (user && (user.deactivated === true || user.disabled === true)) return [];
      const emails = Array.isArray(user?.emails) ? user.emails : [];
      const email =
        asText(user?.primary_email) ?? asText(user?.primary_email_address) ?? asText(emails[0]) ?? null;
      return [{ atsUserId: id, email: email ? email.trim().toLowerCase() : null }];
    });
  }

  /**
   * `GET /v3/jobs?status=open` (the Job resource: `departments [{id, name}]`, `custom_fields`) and their live posts
   * (`GET /v3/job_posts?job_ids=` → `absolute_url`, the hosted board's page a tracking link is built on).
   */
  async listOpenJobs(conn: AtsConnection): Promise<AtsJob[]> {
    const jobs = (await this.listAll(conn, 'jobs', { status: 'open', per_page: 500 }))
      .map(asRecord)
      .filter((j): j is JsonRecord => j !== null && asId(j.id) !== null);
    const ids = jobs.map((j) => asId(j.id) as string);
    const posts = (
      await Promise.all(
        chunks(ids, GH_MAX_IDS_PER_FILTER).map((c) =>
          this.listAll(conn, 'job_posts', { job_ids: c.join(','), per_page: 500 }),
        ),
      )
    )
      .flat()
      .map(asRecord)
      .filter((p): p is JsonRecord => p !== null && p.live !== false && p.internal !== true);
    return jobs.map((j) => {
      const jobId = asId(j.id) as string;
      const post = posts.find((p) => asId(p.job_id) === jobId);
      const level = asRecord(asRecord(j.custom_fields)?.[GH_JOB_LEVEL_FIELD]);
      return {
        jobId,
        title: asText(j.name) ?? jobId,
        department: asText(asRecord(asArray(j.departments)[0])?.name),
        level: asText(level?.value),
        applyUrl: asText(post?.absolute_url) ?? asText(post?.url),
      };
    });
  }

  applyUrlWithMarker(applyUrl: string, marker: string): string {
    const url = new URL(applyUrl);
    url.searchParams.set(GH_MARKER_PARAM, marker);
    return url.toString();
  }

  /** Greenhouse webhooks are configured in its UI (Configure → Dev Center → Webhooks), not by API. */
  async subscribeWebhooks(_conn: AtsConnection, _targetUrl: string): Promise<WebhookSubscription[]> {
    return [];
  }

  async unsubscribeWebhooks(_conn: AtsConnection, _subscriptionIds: readonly string[]): Promise<void> {}

  async checkConnection(conn: AtsConnection): Promise<ConnectionCheckItem[]> {
    return checkGreenhouseConnection(this.checkReader(conn), conn.actingUserId);
  }

  async checkIdentity(conn: AtsConnection): Promise<ConnectionCheckItem[]> {
    return checkGreenhouseConnection(this.checkReader(conn), conn.actingUserId, { identityOnly: true });
  }

  private checkReader(conn: AtsConnection): HarvestReader {
    return {
      token: async () => void (await this.tokens.get(conn)),
      // A refused scope or user is an answer here, not an error.
      get: (path, query) => this.call(conn, 'GET', path, { query, passThrough: CHECK_PASS_THROUGH }),
    };
  }

  /** A `ping` as Greenhouse sends one when a webhook is saved, signed with the connection's key. */
  testDelivery(conn: AtsConnection): WebhookRequest {
    const rawBody = Buffer.from(JSON.stringify({ action: 'ping', payload: { web_hook_id: 0 } }));
    const signature = createHmac('sha256', this.webhookSigningSecret(conn) ?? '')
      .update(rawBody)
      .digest('hex');
    return {
      rawBody,
      headers: {
        [GH_SIGNATURE_HEADER.toLowerCase()]: `${GH_SIGNATURE_PREFIX}${signature}`,
        'content-type': 'application/json',
      },
    };
  }

  override allowedHostPatterns(): readonly string[] {
    return GH_API_HOSTS;
  }

  /** Greenhouse stores tags as typed; we only trim (and refuse blanks). */
  applicationUrl(candidateId: string, applicationId: string): string | null {
    return `${GH_APP_URL}/people/${encodeURIComponent(candidateId)}?application_id=${encodeURIComponent(applicationId)}`;
  }

  normaliseTag(tag: string): string | null {
    const t = tag.trim();
    return t === '' ? null : t;
  }

  // ------------------------------------------------------------------ Harvest plumbing

  private async candidate(conn: AtsConnection, candidateId: string): Promise<JsonRecord | null> {
    const rows = await this.list(conn, 'candidates', { ids: candidateId });
    return rows.map(asRecord).find((c): c is JsonRecord => c !== null && asId(c.id) === candidateId) ?? null;
  }

  /** One page only; for `ids=` lookups of ≤ 50 ids one page is all there is. */
  private async list(conn: AtsConnection, path: string, query: Query): Promise<unknown[]> {
    return (await this.page(conn, path, query)).rows;
  }

  private async listAll(conn: AtsConnection, path: string, query: Query): Promise<unknown[]> {
    const rows: unknown[] = [];
    let page = await this.page(conn, path, query);
    rows.push(...page.rows);
    while (page.nextCursor) {
      page = await this.page(conn, path, { cursor: page.nextCursor });
      rows.push(...page.rows);
    }
    return rows;
  }

  private async page(
    conn: AtsConnection,
    path: string,
    query: Query,
  ): Promise<{ rows: unknown[]; nextCursor: string | null }> {
    const res = await this.call(conn, 'GET', path, { query });
    this.expectOk(res, `list ${path}`);
    if (!Array.isArray(res.body)) {
      throw new AppException(
        ErrorCode.AtsUnavailable,
        `Greenhouse answered GET /v3/${path} with something other than a list`,
      );
    }
    return { rows: res.body, nextCursor: nextLinkParam(res.headers.link, 'cursor') };
  }

  /** Bearer call with the tenant's cached token; a 401 refreshes the token once and tries again. */
  private async call(
    conn: AtsConnection,
    method: HttpMethod,
    path: string,
    opts: { query?: Query; json?: unknown; idempotent?: boolean; passThrough?: readonly number[] },
  ): Promise<AtsHttpResponse> {
    const url = harvestUrl(conn.apiBaseUrl, path, opts.query);
    for (let attempt = 1; ; attempt++) {
      const token = await this.tokens.get(conn);
      const res = await this.api.send({
        tenantId: conn.tenantId,
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        json: opts.json,
        idempotent: opts.idempotent,
        passThrough: opts.passThrough,
      });
      if (res.status !== 401) return res;
      await this.tokens.invalidate(conn, token);
      if (attempt >= 2)
        throw new AppException(
          ErrorCode.AtsRejected,
          `Greenhouse refused a fresh token for ${method} /v3/${path}: ${vendorMessage(res)}`,
          { status: 401 },
        );
    }
  }

  private expectOk(res: AtsHttpResponse, what: string): void {
    if (res.status >= 200 && res.status < 300) return;
    if (res.status === 404) throw new NotFoundException(`Greenhouse resource (${what})`);
    throw new AppException(
      ErrorCode.AtsRejected,
      `Greenhouse refused to ${what} (HTTP ${res.status}): ${vendorMessage(res)}`,
      { status: res.status },
    );
  }
}
