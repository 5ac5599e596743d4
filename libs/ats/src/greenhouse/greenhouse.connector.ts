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
  AtsEvent,
  AtsOffer,
  AtsStage,
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
import { mergeTags } from '../util/tag-merge';
import {
  GH_API_RATE_LIMIT,
  GH_MAX_IDS_PER_FILTER,
  GH_NOTE_VISIBILITY,
  GH_OPEN_APPLICATIONS_PER_PAGE,
  GH_TOKEN_RATE_LIMIT,
} from './greenhouse.constants';
import { mapHarvestApplication, mapJobStages, mapOffer } from './greenhouse.mapper';
import { GreenhouseTokenCache } from './greenhouse-token.cache';
import { parseGreenhouseWebhook, verifyGreenhouseSignature } from './greenhouse-webhook.parser';

type Query = Record<string, string | number | boolean>;

/**
 * Which id `from_stage_id` of `POST /v3/applications/{id}/move` wants. harvestdocs.greenhouse.io says
 * "must match the candidate's current stage"; ats-contracts.md leaves open whether that is the
 * application's `stage_id` or the current application-stage row's `job_interview_stage_id`. We send the
 * application's `stage_id` as we read it (webhook `current_stage.id` / Harvest `stage_id`), which is also
 * what `currentStageId` holds. If live traffic shows otherwise, this function is the one place to change.
 */
export function greenhouseFromStageId(app: AtsApplication): string | null {
  return app.currentStageId;
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
  private readonly api: AtsHttpClient;
  private readonly auth: AtsHttpClient;
  private readonly tokens: GreenhouseTokenCache;

  constructor(
    limiter: RateLimiter,
    metrics: AtsHttpMetrics,
    @Optional() @Inject(ATS_HTTP_TUNING) tuning?: AtsHttpTuning,
  ) {
    super();
    this.api = new AtsHttpClient(limiter, metrics, { ...tuning, rateLimit: GH_API_RATE_LIMIT });
    this.auth = new AtsHttpClient(limiter, metrics, { ...tuning, rateLimit: GH_TOKEN_RATE_LIMIT });
    this.tokens = new GreenhouseTokenCache(this.auth);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.api.close(), this.auth.close()]);
  }

  verifySignature(req: WebhookRequest, secret: string): boolean {
    return verifyGreenhouseSignature(req, secret);
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

  async listStages(conn: AtsConnection, jobId: string): Promise<AtsStage[]> {
    return mapJobStages(await this.listAll(conn, 'job_interview_stages', { job_ids: jobId, per_page: 500 }));
  }

  /** Read-merge-write: `PATCH /v3/candidates/{id}` replaces the whole `tags` list, so we send theirs too. */
  async addTags(conn: AtsConnection, app: AtsApplication, tags: string[]): Promise<string[]> {
    const wanted = tags.map((t) => this.normaliseTag(t)).filter((t): t is string => t !== null);
    if (wanted.length === 0) return [];
    // Fresh read: the snapshot in `app` may predate a recruiter's edit, which we must not undo.
    const candidate = await this.candidate(conn, app.candidateId);
    if (!candidate) throw new NotFoundException('Candidate', { candidateId: app.candidateId });
    const existing = asArray(candidate.tags)
      .map(asText)
      .filter((t): t is string => t !== null);
    const { merged, added } = mergeTags(existing, wanted);
    if (added.length === 0) return [];
    const res = await this.call(conn, 'PATCH', `candidates/${encodeURIComponent(app.candidateId)}`, {
      json: { tags: merged },
    });
    this.expectOk(res, 'update candidate tags');
    return added;
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

  async moveToStage(conn: AtsConnection, app: AtsApplication, toStageId: string): Promise<'moved' | 'stale'> {
    const from = greenhouseFromStageId(app);
    if (!from)
      throw new ValidationFailedException('Cannot move an application whose current stage is unknown');
    // Safe to resend: `from_stage_id` guards it — a resend after an applied move answers 422 (stale).
    const res = await this.call(conn, 'POST', `applications/${encodeURIComponent(app.applicationId)}/move`, {
      json: { from_stage_id: toGreenhouseId(from), to_stage_id: toGreenhouseId(toStageId) },
      idempotent: true,
    });
    if (res.status === 422) return 'stale';
    this.expectOk(res, 'move application');
    return 'moved';
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

  /** Greenhouse webhooks are configured in its UI (Configure → Dev Center → Webhooks), not by API. */
  async subscribeWebhooks(_conn: AtsConnection, _targetUrl: string): Promise<WebhookSubscription[]> {
    return [];
  }

  async unsubscribeWebhooks(_conn: AtsConnection, _subscriptionIds: readonly string[]): Promise<void> {}

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
    opts: { query?: Query; json?: unknown; idempotent?: boolean },
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
      });
      if (res.status !== 401) return res;
      this.tokens.invalidate(conn, token);
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
