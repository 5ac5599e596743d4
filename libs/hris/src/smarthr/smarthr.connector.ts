import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AtsHttpClient, AtsHttpMetrics, type AtsHttpTuning, nextLinkParam } from '@comeback/ats';
import { AppException, ErrorCode, RateLimiter, ValidationFailedException } from '@comeback/platform';
import type {
  HrisConnectionSecrets,
  HrisConnector,
  HrisEmployee,
  HrisEmployeePage,
  HrisNotice,
  HrisWebhookRequest,
} from '../hris-connector.port';
import { HRIS_HTTP_TUNING } from '../hris-http-tuning';
import {
  SMARTHR_EVENTS,
  SMARTHR_PER_PAGE,
  SMARTHR_RATE_LIMIT,
  SMARTHR_TOKEN_HEADER,
  SMARTHR_VENDOR_HOSTS,
} from './smarthr.constants';
import { crewToEmployee } from './smarthr.mapper';

/** SmartHR (https://developer.smarthr.jp/api): crews read through the shared guarded, rate-limited client. */
@Injectable()
export class SmartHrConnector implements HrisConnector, OnModuleDestroy {
  readonly kind = 'smarthr' as const;
  readonly vendorHosts = SMARTHR_VENDOR_HOSTS;
  private readonly http: AtsHttpClient;

  constructor(
    @Inject(RateLimiter) limiter: RateLimiter,
    metrics: AtsHttpMetrics,
    @Optional() @Inject(HRIS_HTTP_TUNING) tuning?: AtsHttpTuning,
  ) {
    this.http = new AtsHttpClient(limiter, metrics, { ...(tuning ?? {}), rateLimit: SMARTHR_RATE_LIMIT });
  }

  async onModuleDestroy(): Promise<void> {
    await this.http.close();
  }

  /** The token travels as is in `X-SmartHR-Token` (about_webhook): compared as hashes, in constant time. */
  verifyWebhook(req: HrisWebhookRequest, webhookToken: string): boolean {
    const given = req.headers[SMARTHR_TOKEN_HEADER];
    if (typeof given !== 'string' || given === '' || webhookToken === '') return false;
    const a = createHash('sha256').update(given).digest();
    const b = createHash('sha256').update(webhookToken).digest();
    return timingSafeEqual(a, b);
  }

  parseWebhook(req: HrisWebhookRequest): HrisNotice {
    let body: unknown;
    try {
      body = JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      throw new ValidationFailedException('Webhook body is not JSON');
    }
    const rec = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
    const event = typeof rec?.event === 'string' ? rec.event : null;
    if (!rec || event === null) throw new ValidationFailedException('Webhook body has no event');
    // SmartHR signs nothing and sends no delivery id: a retry repeats the same bytes, so the body's hash is
    // the delivery's identity (a replayed copy is the same delivery and is processed once).
    const deliveryId = createHash('sha256').update(req.rawBody).digest('hex');
    const crew =
      typeof rec.crew === 'object' && rec.crew !== null ? (rec.crew as Record<string, unknown>) : null;
    const crewId =
      crew && (typeof crew.id === 'string' || typeof crew.id === 'number') ? String(crew.id) : null;
    if (event === SMARTHR_EVENTS.created || event === SMARTHR_EVENTS.updated) {
      if (!crewId) throw new ValidationFailedException('Webhook body has no crew id');
      return { action: 'upsert', deliveryId, externalId: crewId, event };
    }
    if (event === SMARTHR_EVENTS.deleted) {
      if (!crewId) throw new ValidationFailedException('Webhook body has no crew id');
      return { action: 'deleted', deliveryId, externalId: crewId, event };
    }
    return { action: 'ignored', deliveryId, event };
  }

  async listEmployees(conn: HrisConnectionSecrets, cursor: string | null): Promise<HrisEmployeePage> {
    const page = cursor ?? '1';
    const res = await this.http.send({
      tenantId: conn.tenantId,
      method: 'GET',
      url: `${base(conn)}/crews?page=${encodeURIComponent(page)}&per_page=${SMARTHR_PER_PAGE}`,
      headers: auth(conn),
      passThrough: [],
    });
    if (!Array.isArray(res.body)) throw unexpected('GET /crews');
    const total = Number(res.headers['x-total-count']);
    return {
      employees: res.body
        .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null)
        .map(crewToEmployee),
      next: nextLinkParam(res.headers.link, 'page'),
      total: Number.isFinite(total) ? total : null,
    };
  }

  async getEmployee(conn: HrisConnectionSecrets, externalId: string): Promise<HrisEmployee | null> {
    const res = await this.http.send({
      tenantId: conn.tenantId,
      method: 'GET',
      url: `${base(conn)}/crews/${encodeURIComponent(externalId)}`,
      headers: auth(conn),
      passThrough: [404],
    });
    if (res.status === 404) return null;
    if (typeof res.body !== 'object' || res.body === null || Array.isArray(res.body))
      throw unexpected('GET /crews/:id');
    return crewToEmployee(res.body as Record<string, unknown>);
  }

  async check(conn: HrisConnectionSecrets): Promise<void> {
    const res = await this.http.send({
      tenantId: conn.tenantId,
      method: 'GET',
      url: `${base(conn)}/crews?page=1&per_page=1`,
      headers: auth(conn),
      passThrough: [401, 403],
    });
    if (res.status === 401 || res.status === 403)
      throw new AppException(
        ErrorCode.AtsConnectionRefused,
        `SmartHR refused the access token (HTTP ${res.status}); nothing was saved`,
      );
  }
}

function base(conn: HrisConnectionSecrets): string {
  return conn.apiBaseUrl.replace(/\/+$/, '');
}

/** `Authorization: Bearer ACCESS_TOKEN` — https://developer.smarthr.jp/api/about_api */
function auth(conn: HrisConnectionSecrets): Record<string, string> {
  return { authorization: `Bearer ${conn.accessToken}` };
}

function unexpected(what: string): AppException {
  return new AppException(ErrorCode.AtsUnavailable, `SmartHR answered ${what} with an unexpected body`);
}
