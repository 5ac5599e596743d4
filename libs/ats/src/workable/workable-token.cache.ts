import { AppException, ErrorCode } from '@comeback/platform';
import type { AtsConnection } from '../ats-connector.port';
import type { AtsCredentialStore, StoredAtsTokens } from '../ats-credential.store';
import { AtsHttpClient, vendorMessage } from '../http/ats-http-client';
import { asNumber, asRecord, asText } from '../util/json-reader';
import { WK_TOKEN_FALLBACK_TTL_MS, WK_TOKEN_REFRESH_MARGIN_MS } from './workable.constants';

/**
 * A connection authorised through Workable's OAuth 2.0 authorization-code flow carries a refresh token.
 * workable.readme.io/page/oauth: "The access token is not permanent though. It has a TTL ... The process uses
 * the refresh_token to get a new access_token ... The response contains a new pair of tokens." A new pair
 * means the refresh token rotates: the new one is saved to the shared store before the access token is used.
 */
export function usesWorkableOAuth(conn: AtsConnection): boolean {
  return Boolean(conn.authUrl && conn.clientId && conn.refreshToken);
}

/** Access tokens per connection; the store (when given) is the shared truth, memory only a shortcut. */
export class WorkableTokenCache {
  private readonly tokens = new Map<string, StoredAtsTokens>();
  private readonly inFlight = new Map<string, Promise<StoredAtsTokens>>();

  constructor(
    private readonly http: AtsHttpClient,
    private readonly store: AtsCredentialStore | null,
    private readonly now: () => number = Date.now,
  ) {}

  async get(conn: AtsConnection): Promise<string> {
    const key = cacheKey(conn);
    const mine = this.tokens.get(key);
    if (mine && this.fresh(mine)) return mine.accessToken as string;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.obtain(conn).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const tokens = await pending;
    this.tokens.set(key, tokens);
    return tokens.accessToken as string;
  }

  /** After a 401: forget the refused token so the next call refreshes (unless another caller already did). */
  invalidate(conn: AtsConnection, refused: string): void {
    const key = cacheKey(conn);
    const held = this.tokens.get(key);
    if (held?.accessToken === refused)
      this.tokens.set(key, { ...held, accessToken: null, accessTokenExpiresAt: null });
  }

  private fresh(t: StoredAtsTokens): boolean {
    return (
      t.accessToken !== null &&
      t.accessTokenExpiresAt !== null &&
      t.accessTokenExpiresAt.getTime() > this.now()
    );
  }

  private async obtain(conn: AtsConnection): Promise<StoredAtsTokens> {
    // Another process may have refreshed already: its pair is in the store.
    const stored = (await this.store?.load(conn.tenantId, conn.kind)) ?? null;
    if (stored && this.fresh(stored)) return stored;
    const held = this.tokens.get(cacheKey(conn));
    const refreshToken = stored?.refreshToken ?? held?.refreshToken ?? (conn.refreshToken as string);
    try {
      return await this.refresh(conn, refreshToken);
    } catch (err) {
      // Lost a race: another process rotated the refresh token between our load and our grant.
      const again = (await this.store?.load(conn.tenantId, conn.kind)) ?? null;
      if (!again) throw err;
      if (this.fresh(again)) return again;
      if (again.refreshToken === refreshToken) throw err;
      return this.refresh(conn, again.refreshToken);
    }
  }

  private async refresh(conn: AtsConnection, refreshToken: string): Promise<StoredAtsTokens> {
    const res = await this.http.send({
      tenantId: conn.tenantId,
      method: 'POST',
      url: conn.authUrl as string,
      form: {
        grant_type: 'refresh_token',
        client_id: conn.clientId as string,
        client_secret: conn.secret,
        refresh_token: refreshToken,
      },
      // A refresh whose answer was lost has already rotated the token: never resend it blindly.
      idempotent: false,
    });
    const body = asRecord(res.body);
    const accessToken = asText(body?.access_token);
    if (res.status !== 200 || !accessToken)
      throw new AppException(
        ErrorCode.AtsRejected,
        `Workable refused the token refresh (HTTP ${res.status}): ${vendorMessage(res)}`,
        { status: res.status },
      );
    const ttlMs = (asNumber(body?.expires_in) ?? 0) * 1000 || WK_TOKEN_FALLBACK_TTL_MS;
    const tokens: StoredAtsTokens = {
      accessToken,
      accessTokenExpiresAt: new Date(this.now() + Math.max(0, ttlMs - WK_TOKEN_REFRESH_MARGIN_MS)),
      refreshToken: asText(body?.refresh_token) ?? refreshToken,
    };
    await this.store?.save(conn.tenantId, conn.kind, tokens);
    return tokens;
  }
}

function cacheKey(conn: AtsConnection): string {
  return `${conn.tenantId}|${conn.authUrl ?? ''}|${conn.clientId ?? ''}`;
}
