import { createHash } from 'node:crypto';
import { AppException, CredentialCache, ErrorCode, sharedSingleFlight } from '@comeback/platform';
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
 * OAuth2 client-credentials tokens for Harvest v3, one per tenant connection, shared by every api and worker
 * process through the credential cache (Redis in production): minting a new token may revoke the previous one
 * (ats-contracts.md, "Tokens"), so processes minting their own would keep logging each other out. One process
 * refreshes at a time (a lease); the others wait for its token. A short in-process copy saves a Redis read per
 * call; a 401 drops both and reads (or mints) the current one.
 */
export class GreenhouseTokenCache {
  private readonly local = new Map<string, CachedToken>();

  constructor(
    private readonly http: AtsHttpClient,
    private readonly shared: CredentialCache,
    private readonly now: () => number = Date.now,
  ) {}

  async get(conn: AtsConnection): Promise<string> {
    const key = cacheKey(conn);
    const mine = this.local.get(key);
    if (mine && mine.useUntil > this.now()) return mine.accessToken;
    let useUntil = 0;
    const accessToken = await sharedSingleFlight(this.shared, key, async () => {
      const fresh = await this.fetch(conn);
      useUntil = fresh.useUntil;
      return { value: fresh.accessToken, ttlMs: fresh.useUntil - this.now() };
    });
    // A token read from the shared cache is kept locally only briefly: its expiry is the shared entry's.
    this.local.set(key, { accessToken, useUntil: useUntil || this.now() + LOCAL_COPY_MS });
    return accessToken;
  }

  /** After a 401: drop the refused token here and in the shared cache (unless another process replaced it). */
  async invalidate(conn: AtsConnection, refused: string): Promise<void> {
    const key = cacheKey(conn);
    if (this.local.get(key)?.accessToken === refused) this.local.delete(key);
    await this.shared.deleteIf(key, refused);
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

/** How long a token read from the shared cache is reused without asking it again. */
const LOCAL_COPY_MS = 60_000;

/** Per tenant and credential; client id, acting user and secret are hashed, never spelled out in Redis key names. */
function cacheKey(conn: AtsConnection): string {
  // The secret is part of the key: a changed (or mistyped) secret must mint its own token, never reuse the old one.
  const who = createHash('sha256')
    .update([conn.authUrl, conn.clientId, conn.actingUserId ?? '', conn.secret].join('|'))
    .digest('hex')
    .slice(0, 24);
  return `gh-token:${conn.tenantId}:${who}`;
}
