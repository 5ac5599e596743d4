import { Agent, request } from 'undici';
import { AppException, ErrorCode, RateLimiter } from '@comeback/platform';
import { asArray, asRecord, asText, parseJson } from '../util/json-reader';
import { AtsHttpMetrics } from './ats-http-metrics';
import { assertOutboundUrl, guardedLookup, OUTBOUND_BLOCKED, type OutboundPolicy } from './outbound-guard';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AtsHttpTimeouts {
  /** TCP + TLS handshake. */
  connectMs: number;
  /** From request sent to response headers. */
  headersMs: number;
  /** Maximum idle time between body chunks. */
  bodyMs: number;
}

export interface AtsRetryPolicy {
  /** Attempts for 5xx, timeouts and connection errors (the first try included). */
  maxAttempts: number;
  /** 429s we sit out before giving up; each one waits for Retry-After, so they are cheap for the vendor. */
  maxRateLimitedRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** How one vendor API counts requests. Only the default is ours: the real limit is read from the headers. */
export interface AtsRateLimitPolicy {
  /** Limiter key namespace; the tenant id is appended, so one tenant's budget never starves another. */
  bucket: string;
  /** Response headers (any case) stating the limit, what remains and when the window resets. */
  limitHeader: string;
  remainingHeader: string;
  resetHeader: string;
  /** Used until a response told us the real limit. */
  defaultLimit: number;
  windowMs: number;
}

/** Knobs a deployment (or a test) may turn without touching the adapters. */
export interface AtsHttpTuning {
  retry?: Partial<AtsRetryPolicy>;
  timeouts?: Partial<AtsHttpTimeouts>;
  /** Share of the vendor's limit we leave unused, against clock skew between us and the vendor. */
  safetyMargin?: number;
  /** Per policy bucket: a different default or window (e.g. a simulator configured with a short window). */
  rateLimits?: Record<string, Partial<Pick<AtsRateLimitPolicy, 'defaultLimit' | 'windowMs'>>>;
  /** Where connections may go (default: public addresses only, no exemption). AtsModule fills it from the config. */
  outbound?: OutboundPolicy;
  /** Largest response body read (bytes); a larger answer is abandoned. */
  maxResponseBytes?: number;
}

interface Probe {
  release(learned: boolean): void;
}

export interface AtsHttpClientOptions extends AtsHttpTuning {
  rateLimit: AtsRateLimitPolicy;
  /** Injected for unit tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface AtsHttpRequest {
  tenantId: string;
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  /** Serialised as JSON. */
  json?: unknown;
  /** Serialised as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /**
   * Whether the request may be sent again when we cannot know if the vendor applied it (timeout or reset
   * after the bytes left). Defaults to true except for POST. A 5xx answer or a connection that never opened
   * is retried either way: the vendor told us it did nothing, or never saw the request.
   */
  idempotent?: boolean;
  /** Overrides the policy's default limit for this tenant (e.g. a partner token's higher budget). */
  defaultLimit?: number;
  /** Statuses the caller handles itself besides 2xx (defaults to PASS_THROUGH_STATUSES). */
  passThrough?: readonly number[];
}

export interface AtsHttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parsed body: null when empty, undefined when not JSON. */
  body: unknown;
}

/** 4xx answers that carry meaning for the adapter (refresh token, not found, duplicate, stale guard). */
export const PASS_THROUGH_STATUSES: readonly number[] = [401, 404, 409, 422];

export const DEFAULT_RETRY: AtsRetryPolicy = {
  maxAttempts: 5,
  maxRateLimitedRetries: 8,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
};
export const DEFAULT_TIMEOUTS: AtsHttpTimeouts = { connectMs: 5_000, headersMs: 15_000, bodyMs: 15_000 };
export const DEFAULT_SAFETY_MARGIN = 0.05;
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const RESPONSE_TOO_LARGE = 'ATS_RESPONSE_TOO_LARGE';
/** Refusals of ours: sending again cannot help. */
const NEVER_RETRIED = new Set([OUTBOUND_BLOCKED, RESPONSE_TOO_LARGE]);

/** Network failures where the request never reached the vendor: always safe to send again. */
const NOT_SENT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * The one HTTP client of the ATS adapters: a per-tenant shared budget (the limiter lives in Redis in
 * production, so it holds across every worker), 429s honoured for everyone through `limiter.block`,
 * bounded retries with exponential backoff and full jitter, explicit timeouts, and counters for benchmarks.
 * It is deliberately vendor-blind: each adapter hands it a policy.
 */
export class AtsHttpClient {
  private readonly learnedLimits = new Map<string, number>();
  private readonly probed = new Set<string>();
  private readonly probes = new Map<string, Promise<void>>();
  private readonly retry: AtsRetryPolicy;
  private readonly timeouts: AtsHttpTimeouts;
  private readonly margin: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly outbound: OutboundPolicy;
  private readonly maxResponseBytes: number;
  private agent: Agent | null = null;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly metrics: AtsHttpMetrics,
    private readonly options: AtsHttpClientOptions,
  ) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.margin = options.safetyMargin ?? DEFAULT_SAFETY_MARGIN;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.outbound = options.outbound ?? { allowedHosts: [] };
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  async send(req: AtsHttpRequest): Promise<AtsHttpResponse> {
    const key = this.limiterKey(req.tenantId);
    const probe = await this.probeSlot(key);
    try {
      return await this.sendWithRetries(req, key, probe);
    } finally {
      probe?.release(false);
    }
  }

  private async sendWithRetries(
    req: AtsHttpRequest,
    key: string,
    probe: Probe | null,
  ): Promise<AtsHttpResponse> {
    const idempotent = req.idempotent ?? req.method !== 'POST';
    const passThrough = req.passThrough ?? PASS_THROUGH_STATUSES;
    const windowMs = this.windowMs();
    let failures = 0;
    let throttled = 0;
    for (;;) {
      const waitStart = this.now();
      await this.limiter.acquire(key, this.currentLimit(key, req.defaultLimit), windowMs);
      this.metrics.waited(req.tenantId, this.options.rateLimit.bucket, this.now() - waitStart);
      this.metrics.record(req.tenantId, 'requests');
      let res: AtsHttpResponse;
      try {
        res = await this.once(req);
        this.metrics.answered(req, this.options.rateLimit.bucket, res.status);
      } catch (err) {
        this.metrics.answered(req, this.options.rateLimit.bucket, 0);
        if (NEVER_RETRIED.has(errorCode(err))) {
          this.metrics.record(req.tenantId, 'failures');
          throw unavailable(req, err instanceof Error ? err.message : 'refused', err);
        }
        const notSent = NOT_SENT_CODES.has(errorCode(err));
        if (!notSent && !idempotent) {
          this.metrics.record(req.tenantId, 'failures');
          throw unavailable(
            req,
            `no answer and the request may have been applied (${errorCode(err) || 'error'}); not resent`,
            err,
          );
        }
        failures++;
        if (failures >= this.retry.maxAttempts) {
          this.metrics.record(req.tenantId, 'failures');
          throw unavailable(req, `gave up after ${failures} attempts (${errorCode(err) || 'error'})`, err);
        }
        this.metrics.record(req.tenantId, 'retries');
        await this.sleep(this.backoffMs(failures));
        continue;
      }
      await this.learn(key, res.headers);
      probe?.release(true);
      if (res.status === 429) {
        throttled++;
        this.metrics.record(req.tenantId, 'rateLimited');
        if (throttled > this.retry.maxRateLimitedRetries) {
          this.metrics.record(req.tenantId, 'failures');
          throw unavailable(req, `still rate limited after ${throttled} waits`);
        }
        // Everyone sharing this tenant's budget (every worker) waits, not only this call.
        await this.limiter.block(key, this.now() + this.rateLimitWaitMs(res.headers));
        this.metrics.record(req.tenantId, 'retries');
        continue;
      }
      if (res.status >= 500) {
        failures++;
        if (failures >= this.retry.maxAttempts) {
          this.metrics.record(req.tenantId, 'failures');
          throw unavailable(req, `gave up after ${failures} attempts (HTTP ${res.status})`);
        }
        this.metrics.record(req.tenantId, 'retries');
        const asked = parseRetryAfter(res.headers['retry-after'], this.now());
        await this.sleep(Math.min(this.retry.maxDelayMs, Math.max(this.backoffMs(failures), asked ?? 0)));
        continue;
      }
      if ((res.status >= 200 && res.status < 300) || passThrough.includes(res.status)) return res;
      this.metrics.record(req.tenantId, 'failures');
      throw new AppException(
        ErrorCode.AtsRejected,
        // The vendor's words stay out: an answer from wherever the URL pointed must not reach the user.
        `ATS rejected ${req.method} ${pathOf(req.url)} (HTTP ${res.status})`,
        {
          status: res.status,
        },
      );
    }
  }

  /** The budget we use: the vendor's stated limit (or our default) minus a small margin. */
  currentLimit(key: string, defaultLimit?: number): number {
    const limit =
      this.learnedLimits.get(key) ??
      this.options.rateLimits?.[this.options.rateLimit.bucket]?.defaultLimit ??
      defaultLimit ??
      this.options.rateLimit.defaultLimit;
    return withSafetyMargin(limit, this.margin);
  }

  private windowMs(): number {
    return (
      this.options.rateLimits?.[this.options.rateLimit.bucket]?.windowMs ?? this.options.rateLimit.windowMs
    );
  }

  /**
   * Until a response has told us a tenant's real limit, only one request (the probe) goes out; the others
   * wait for it. Otherwise a cold start would fire a burst sized by our default, which may exceed the
   * vendor's actual limit for this integration.
   */
  private async probeSlot(key: string): Promise<Probe | null> {
    while (!this.probed.has(key)) {
      const pending = this.probes.get(key);
      if (pending) {
        await pending;
        continue;
      }
      let resolve!: () => void;
      this.probes.set(key, new Promise<void>((r) => (resolve = r)));
      let open = true;
      return {
        release: (learned: boolean) => {
          if (!open) return;
          open = false;
          if (learned) this.probed.add(key);
          this.probes.delete(key);
          resolve();
        },
      };
    }
    return null;
  }

  limiterKey(tenantId: string): string {
    return `ats:${this.options.rateLimit.bucket}:${tenantId}`;
  }

  /** Full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^(n-1))]. */
  backoffMs(failures: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** Math.max(0, failures - 1));
    return Math.floor(this.random() * ceiling);
  }

  async close(): Promise<void> {
    const agent = this.agent;
    this.agent = null;
    if (agent) await agent.close();
  }

  private rateLimitWaitMs(headers: Record<string, string>): number {
    const now = this.now();
    const asked = parseRetryAfter(headers['retry-after'], now);
    if (asked !== null) return Math.max(asked, 1);
    const reset = parseRateLimitReset(headers[this.options.rateLimit.resetHeader.toLowerCase()], now);
    if (reset !== null && reset > now) return Math.min(reset - now, this.windowMs());
    // Nothing said: a fixed window surely ends within one window length.
    return this.windowMs();
  }

  private async learn(key: string, headers: Record<string, string>): Promise<void> {
    const policy = this.options.rateLimit;
    const limit = Number(headers[policy.limitHeader.toLowerCase()]);
    if (Number.isInteger(limit) && limit > 0) this.learnedLimits.set(key, limit);
    // Budget already spent (maybe by another integration on the same credentials): wait for the reset
    // rather than collect a 429. Reset is an upper bound, and never more than one window away.
    if (headers[policy.remainingHeader.toLowerCase()] === '0') {
      const now = this.now();
      const reset = parseRateLimitReset(headers[policy.resetHeader.toLowerCase()], now);
      if (reset !== null && reset > now)
        await this.limiter.block(key, Math.min(reset, now + this.windowMs()));
    }
  }

  private async once(req: AtsHttpRequest): Promise<AtsHttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = 'application/json';
    } else if (req.form) {
      body = new URLSearchParams(req.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    assertOutboundUrl(req.url, this.outbound);
    const res = await request(req.url, {
      method: req.method,
      headers,
      body,
      dispatcher: this.dispatcher(),
      headersTimeout: this.timeouts.headersMs,
      bodyTimeout: this.timeouts.bodyMs,
    });
    const text = await this.readCapped(res.body);
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) {
      if (v === undefined) continue;
      flat[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
    return { status: res.statusCode, headers: flat, text, body: parseJson(text) };
  }

  /** The body as text, abandoned (and the connection closed) past `maxResponseBytes`. */
  private async readCapped(body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown }): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > this.maxResponseBytes) {
        body.destroy();
        throw Object.assign(new Error(`response larger than ${this.maxResponseBytes} bytes; not read`), {
          code: RESPONSE_TOO_LARGE,
        });
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private dispatcher(): Agent {
    this.agent ??= new Agent({
      // Every connection resolves its host here and refuses non-public addresses (see outbound-guard.ts).
      connect: { timeout: this.timeouts.connectMs, lookup: guardedLookup(this.outbound) },
      headersTimeout: this.timeouts.headersMs,
      bodyTimeout: this.timeouts.bodyMs,
    });
    return this.agent;
  }
}

export function withSafetyMargin(limit: number, margin: number): number {
  if (limit <= 1) return 1;
  return Math.max(1, limit - Math.max(1, Math.ceil(limit * margin)));
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns a delay in ms, or null. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000);
  // An HTTP-date starts with the day name; anything else ("-1", "5s") is invalid, not a date.
  if (!/^[A-Za-z]{3},/.test(v)) return null;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * X-RateLimit-Reset / X-Rate-Limit-Reset as epoch ms. The vendors document epoch seconds; we also accept
 * epoch ms, an ISO date, and small numbers as "seconds from now", because the header's form is the part
 * of these contracts that varies most between copies of the docs.
 */
export function parseRateLimitReset(value: string | undefined, nowMs: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    if (n >= 1e11) return Math.round(n); // epoch ms
    if (n >= 1e9) return Math.round(n * 1000); // epoch seconds
    return nowMs + Math.round(n * 1000); // delta seconds
  }
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : at;
}

/** An error code as vendors state them (`invalid_client`, `not_found`): one short word, nothing free-form. */
const ERROR_CODE_WORD = /^[a-z][a-z0-9_]{0,31}$/;

/**
 * What of the vendor's answer may appear in our exception messages: its error *code* when it states one
 * (`{error}` / `{code}`), never free text. Our messages reach users, and the answer comes from wherever the
 * connection's URL points: echoing it would let a tenant read internal services through us (SSRF).
 */
export function vendorMessage(res: Pick<AtsHttpResponse, 'body' | 'text'>): string {
  const rec = asRecord(res.body);
  const codes: string[] = [];
  if (rec) {
    for (const k of ['error', 'code']) {
      const t = asText(rec[k]);
      if (t && ERROR_CODE_WORD.test(t)) codes.push(t);
    }
    for (const e of asArray(rec.errors)) {
      const t = asText(asRecord(e)?.code);
      if (t && ERROR_CODE_WORD.test(t)) codes.push(t);
    }
  }
  return codes.length ? `error code ${[...new Set(codes)].join(', ')}` : 'no details shown';
}

function errorCode(err: unknown): string {
  const rec = asRecord(err);
  if (!rec) return '';
  if (typeof rec.code === 'string') return rec.code;
  const cause = asRecord(rec.cause);
  return cause && typeof cause.code === 'string' ? cause.code : '';
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function unavailable(req: AtsHttpRequest, why: string, cause?: unknown): AppException {
  const e = new AppException(
    ErrorCode.AtsUnavailable,
    `ATS unavailable for ${req.method} ${pathOf(req.url)}: ${why}`,
  );
  if (cause !== undefined) (e as Error & { cause?: unknown }).cause = cause;
  return e;
}

/** Optional Nest provider: overrides retry/timeout/margin settings for every adapter (tests shorten the backoff). */
export const ATS_HTTP_TUNING = Symbol('ATS_HTTP_TUNING');
