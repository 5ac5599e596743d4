import type { AtsConnection } from '../ats-connector.port';
import type { AtsCredentialStore, StoredAtsTokens } from '../ats-credential.store';
import type { AtsHttpClient, AtsHttpRequest } from '../http/ats-http-client';
import { WorkableTokenCache } from './workable-token.cache';

const conn: AtsConnection = {
  tenantId: 't1',
  kind: 'workable',
  apiBaseUrl: 'https://acme.workable.com/spi/v3',
  authUrl: 'https://www.workable.com/oauth/token',
  clientId: 'client-1',
  secret: 'app-secret',
  webhookSecret: null,
  refreshToken: 'r0',
  actingUserId: 'm1',
  offerSalaryField: null,
};

/** A token endpoint that rotates the refresh token and revokes the old one (workable.readme.io/page/oauth). */
function tokenEndpoint() {
  let live = 'r0';
  let n = 0;
  const forms: Record<string, string>[] = [];
  const http = {
    send: async (req: AtsHttpRequest) => {
      forms.push(req.form ?? {});
      if (req.form?.refresh_token !== live)
        return { status: 400, headers: {}, text: '', body: { error: 'invalid_grant' } };
      n++;
      live = `r${n}`;
      return {
        status: 200,
        headers: {},
        text: '',
        body: { access_token: `a${n}`, refresh_token: live, expires_in: 7200 },
      };
    },
  } as unknown as AtsHttpClient;
  return { http, forms };
}

class MemoryStore implements AtsCredentialStore {
  tokens: StoredAtsTokens | null = null;
  async load(): Promise<StoredAtsTokens | null> {
    return this.tokens;
  }
  async save(_t: string, _k: string, tokens: StoredAtsTokens): Promise<void> {
    this.tokens = tokens;
  }
}

describe('WorkableTokenCache', () => {
  it('refreshes with grant_type=refresh_token and stores the rotated pair', async () => {
    const { http, forms } = tokenEndpoint();
    const store = new MemoryStore();
    const cache = new WorkableTokenCache(http, store);
    expect(await cache.get(conn)).toBe('a1');
    expect(forms[0]).toEqual({
      grant_type: 'refresh_token',
      client_id: 'client-1',
      client_secret: 'app-secret',
      refresh_token: 'r0',
    });
    expect(store.tokens).toMatchObject({ accessToken: 'a1', refreshToken: 'r1' });
    expect(await cache.get(conn)).toBe('a1');
    expect(forms).toHaveLength(1);
  });

  it('a second process uses the stored token, and after a 401 refreshes with the rotated refresh token', async () => {
    const { http, forms } = tokenEndpoint();
    const store = new MemoryStore();
    const first = new WorkableTokenCache(http, store);
    const second = new WorkableTokenCache(http, store);
    expect(await first.get(conn)).toBe('a1');
    // The second process still holds the connection as saved (refresh token r0, now revoked).
    expect(await second.get(conn)).toBe('a1');
    second.invalidate(conn, 'a1');
    store.tokens = { ...store.tokens!, accessTokenExpiresAt: new Date(0) };
    expect(await second.get(conn)).toBe('a2');
    expect(forms.map((f) => f.refresh_token)).toEqual(['r0', 'r1']);
  });
});
