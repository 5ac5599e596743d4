import { AppException, ErrorCode } from '@comeback/platform';
import type { AtsConnection } from '../ats-connector.port';
import { AtsHttpClient, vendorMessage } from '../http/ats-http-client';
import { asNumber, asRecord, asText } from '../util/json-reader';
import { GH_TOKEN_FALLBACK_TTL_MS, GH_TOKEN_REFRESH_MARGIN_MS } from './greenhouse.constants';

interface CachedToken {
  accessToken: string;
  /** Epoch ms after which we no longer use it (stated expiry minus the refresh margin). */
  useUntil: number;
}

/**
 * OAuth2 client-credentials tokens for Harvest v3, one per tenant connection, cached in process memory
 * (a token lives an hour; every worker holding its own costs a handful of token calls per hour).
 * Single-flight: concurrent callers of one tenant share one token request.
 */
export class GreenhouseTokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<CachedToken>>();

  constructor(
    private readonly http: AtsHttpClient,
    private readonly now: () => number = Date.now,
  ) {}

  async get(conn: AtsConnection): Promise<string> {
    const key = cacheKey(conn);
    const cached = this.tokens.get(key);
    if (cached && cached.useUntil > this.now()) return cached.accessToken;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.fetch(conn).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const fresh = await pending;
    this.tokens.set(key, fresh);
    return fresh.accessToken;
  }

  /** After a 401: drop the token that was refused (unless another caller already replaced it). */
  invalidate(conn: AtsConnection, refused: string): void {
    const key = cacheKey(conn);
    if (this.tokens.get(key)?.accessToken === refused) this.tokens.delete(key);
  }

  private async fetch(conn: AtsConnection): Promise<CachedToken> {
    if (!conn.authUrl || !conn.clientId) {
      throw new AppException(
        ErrorCode.ValidationFailed,
        'Greenhouse connection needs authUrl and clientId for the client-credentials token',
      );
    }
    const form: Record<string, string> = { grant_type: 'client_credentials' };
    // `sub` makes the token act as this Greenhouse user (audit trail, note author); without it Greenhouse
    // uses the credential's service account.
    if (conn.actingUserId) form.sub = conn.actingUserId;
    const res = await this.http.send({
      tenantId: conn.tenantId,
      method: 'POST',
      url: conn.authUrl,
      headers: {
        authorization: `Basic ${Buffer.from(`${conn.clientId}:${conn.secret}`).toString('base64')}`,
      },
      form,
      // Asking twice for a token is harmless.
      idempotent: true,
    });
    const body = asRecord(res.body);
    const accessToken = asText(body?.access_token);
    if (res.status !== 200 || !accessToken) {
      throw new AppException(
        ErrorCode.AtsRejected,
        `Greenhouse refused the token request (HTTP ${res.status}): ${vendorMessage(res)}`,
        { status: res.status },
      );
    }
    return { accessToken, useUntil: this.useUntil(body) };
  }

  /** Accepts `expires_at` (ISO time, as documented) or `expires_in` (seconds, seen in some copies). */
  private useUntil(body: Record<string, unknown> | null): number {
    const now = this.now();
    const at = asText(body?.expires_at);
    const inSeconds = asNumber(body?.expires_in);
    let expiry = at ? Date.parse(at) : NaN;
    if (Number.isNaN(expiry) && inSeconds !== null) expiry = now + inSeconds * 1000;
    if (Number.isNaN(expiry) || expiry <= now) expiry = now + GH_TOKEN_FALLBACK_TTL_MS;
    const life = expiry - now;
    return expiry - Math.min(GH_TOKEN_REFRESH_MARGIN_MS, life / 2);
  }
}

function cacheKey(conn: AtsConnection): string {
  return [conn.tenantId, conn.authUrl, conn.clientId, conn.actingUserId ?? ''].join('|');
}
