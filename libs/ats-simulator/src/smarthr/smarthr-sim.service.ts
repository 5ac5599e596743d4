import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

// A stateful SmartHR for the demo and the tests, modelled on SmartHR's published documentation (never on
// our adapter). Each behaviour names its source:
// - API: https://developer.smarthr.jp/api/about_api — base `https://{subdomain}.smarthr.jp/api`, Bearer token,
//   `page`/`per_page` with `Link` (first/prev/next/last) and `x-total-count`, `x-rate-limit-limit`/`-remaining`/
//   `-reset` (seconds until the reset), errors `{ code, type, message, errors }` (2 unauthorized_token 401,
//   4 not_found 404, 6 too_many_requests 429).
// - Crews: https://developer.smarthr.jp/api/index.html (従業員): emp_code, last_name, first_name, last_name_yomi,
//   first_name_yomi, birth_at, email, tel_number, entered_at, resigned_at, emp_status (employed/absent/retired),
//   position, departments, updated_at.
// - Webhooks: https://developer.smarthr.jp/api/about_webhook — events crew_created/crew_updated/crew_deleted, the
//   secret token in the `X-SmartHR-Token` header, a non-2xx answer (or none within 60 s) retried; the sandbox
//   retries at most 5 times in about 8 minutes (here compressed by `retryDelayMs`). Body `{ event, triggered_at,
//   sender, crew }` (as in the SmartHR.NET client's CrewWebhook, github.com/nogic1008/SmartHR.NET).

export type Crew = Record<string, unknown> & { id: string; updated_at: string; created_at: string };

export interface SmartHrDelivery {
  url: string;
  headers: Record<string, string>;
  body: string;
  attempts: number;
  status: number | null;
}

interface Tenant {
  token: string;
  crews: Map<string, Crew>;
  webhook: { url: string; secretToken: string } | null;
  /** Requests per window (x-rate-limit-limit); 0 = unlimited. */
  limit: number;
  windowMs: number;
  windowStart: number;
  used: number;
  /** Fault injection: the listed request numbers (1-based, counted per tenant) answer 429. */
  throttle: Set<number>;
  requests: number;
  responses429: number;
  deliveries: SmartHrDelivery[];
}

export class SmartHrSimError extends Error {
  headers: Record<string, string> = {};
  constructor(
    readonly status: number,
    readonly body: { code: number; type: string; message: string; errors: null },
  ) {
    super(body.type);
  }

  withHeaders(headers: Record<string, string>): this {
    this.headers = headers;
    return this;
  }
}

const MAX_ATTEMPTS = 5;

@Injectable()
export class SmartHrSimService implements OnModuleDestroy {
  private readonly tenants = new Map<string, Tenant>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private clock = 0;
  retryDelayMs = 50;

  onModuleDestroy(): void {
    for (const t of this.timers) clearTimeout(t);
  }

  seed(
    subdomain: string,
    input: {
      token: string;
      crews?: Record<string, unknown>[];
      webhook?: { url: string; secretToken: string };
    },
  ): Crew[] {
    const t: Tenant = {
      token: input.token,
      crews: new Map(),
      webhook: input.webhook ?? null,
      limit: 0,
      windowMs: 1_000,
      windowStart: Date.now(),
      used: 0,
      throttle: new Set(),
      requests: 0,
      responses429: 0,
      deliveries: [],
    };
    this.tenants.set(subdomain, t);
    return (input.crews ?? []).map((c) => this.store(t, c));
  }

  configure(
    subdomain: string,
    cfg: {
      limit?: number;
      windowMs?: number;
      throttleRequests?: number[];
      webhook?: { url: string; secretToken: string } | null;
    },
  ): void {
    const t = this.tenant(subdomain);
    if (cfg.limit !== undefined) t.limit = cfg.limit;
    if (cfg.windowMs !== undefined) t.windowMs = cfg.windowMs;
    if (cfg.throttleRequests) t.throttle = new Set(cfg.throttleRequests.map((n) => t.requests + n));
    if (cfg.webhook !== undefined) t.webhook = cfg.webhook;
  }

  // --- the API ---------------------------------------------------------------------------------------------

  /** Auth then rate limit, in that order, for every API request; returns the rate-limit headers to send. */
  gate(subdomain: string, authorization: string | undefined): Record<string, string> {
    const t = this.tenants.get(subdomain);
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!t || token !== t.token)
      throw new SmartHrSimError(401, {
        code: 2,
        type: 'unauthorized_token',
        message: '無効なアクセストークンです',
        errors: null,
      });
    t.requests++;
    const now = Date.now();
    if (now - t.windowStart >= t.windowMs) {
      t.windowStart = now;
      t.used = 0;
    }
    const resetSeconds = String(Math.max(1, Math.ceil((t.windowStart + t.windowMs - now) / 1000)));
    const limit = t.limit > 0 ? t.limit : 1_000_000;
    const injected = t.throttle.delete(t.requests);
    if (injected || (t.limit > 0 && t.used >= t.limit)) {
      t.responses429++;
      throw new SmartHrSimError(429, {
        code: 6,
        type: 'too_many_requests',
        message: 'リクエスト制限の上限を超えました',
        errors: null,
      }).withHeaders({
        'x-rate-limit-limit': String(limit),
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': resetSeconds,
      });
    }
    t.used++;
    return {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(Math.max(0, limit - t.used)),
      'x-rate-limit-reset': resetSeconds,
    };
  }

  list(subdomain: string, page: number, perPage: number): { crews: Crew[]; total: number; last: number } {
    const all = [...this.tenant(subdomain).crews.values()].sort(
      (a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
    );
    const last = Math.max(1, Math.ceil(all.length / perPage));
    return { crews: all.slice((page - 1) * perPage, page * perPage), total: all.length, last };
  }

  get(subdomain: string, id: string): Crew {
    const crew = this.tenant(subdomain).crews.get(id);
    if (!crew)
      throw new SmartHrSimError(404, {
        code: 4,
        type: 'not_found',
        message: '指定したリソースが存在しません',
        errors: null,
      });
    return crew;
  }

  // --- HR acting in SmartHR (control) ----------------------------------------------------------------------

  create(subdomain: string, fields: Record<string, unknown>): Crew {
    const t = this.tenant(subdomain);
    const crew = this.store(t, fields);
    this.notify(t, 'crew_created', crew);
    return crew;
  }

  update(subdomain: string, id: string, fields: Record<string, unknown>): Crew {
    const t = this.tenant(subdomain);
    const crew = { ...this.get(subdomain, id), ...fields, id, updated_at: this.stamp() } as Crew;
    t.crews.set(id, crew);
    this.notify(t, 'crew_updated', crew);
    return crew;
  }

  /** 退職: the resignation date recorded, status retired (an update, as SmartHR reports it). */
  resign(subdomain: string, id: string, resignedAt: string): Crew {
    return this.update(subdomain, id, { resigned_at: resignedAt, emp_status: 'retired' });
  }

  remove(subdomain: string, id: string): void {
    const t = this.tenant(subdomain);
    const crew = this.get(subdomain, id);
    t.crews.delete(id);
    this.notify(t, 'crew_deleted', crew);
  }

  deliveries(subdomain: string): SmartHrDelivery[] {
    return this.tenant(subdomain).deliveries;
  }

  counters(subdomain: string): { requests: number; responses429: number } {
    const t = this.tenant(subdomain);
    return { requests: t.requests, responses429: t.responses429 };
  }

  /** Sends a recorded delivery again, byte for byte (what a replay attacker, or a vendor retry, sends). */
  async replay(subdomain: string, index: number): Promise<number | null> {
    const d = this.tenant(subdomain).deliveries[index];
    if (!d) return null;
    return this.post(d);
  }

  private tenant(subdomain: string): Tenant {
    const t = this.tenants.get(subdomain);
    if (!t)
      throw new SmartHrSimError(404, {
        code: 4,
        type: 'not_found',
        message: 'unknown subdomain',
        errors: null,
      });
    return t;
  }

  private store(t: Tenant, fields: Record<string, unknown>): Crew {
    const now = this.stamp();
    const crew: Crew = {
      emp_status: 'employed',
      ...fields,
      id: randomUUID(),
      created_at: now,
      updated_at: now,
    };
    t.crews.set(crew.id, crew);
    return crew;
  }

  /** Strictly increasing timestamps: two changes in one millisecond still differ. */
  private stamp(): string {
    this.clock = Math.max(Date.now(), this.clock + 1);
    return new Date(this.clock).toISOString();
  }

  private notify(t: Tenant, event: string, crew: Crew): void {
    if (!t.webhook) return;
    const d: SmartHrDelivery = {
      url: t.webhook.url,
      headers: { 'content-type': 'application/json', 'x-smarthr-token': t.webhook.secretToken },
      body: JSON.stringify({ event, triggered_at: new Date().toISOString(), sender: null, crew }),
      attempts: 0,
      status: null,
    };
    t.deliveries.push(d);
    void this.attempt(d);
  }

  private async attempt(d: SmartHrDelivery): Promise<void> {
    const status = await this.post(d);
    d.attempts++;
    d.status = status;
    const ok = status !== null && status >= 200 && status < 300;
    if (ok || d.attempts >= MAX_ATTEMPTS) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.attempt(d);
      },
      this.retryDelayMs * 2 ** (d.attempts - 1),
    );
    this.timers.add(timer);
  }

  private async post(d: SmartHrDelivery): Promise<number | null> {
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: d.headers,
        body: d.body,
        signal: AbortSignal.timeout(60_000),
      });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return null;
    }
  }
}
