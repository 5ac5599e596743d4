import type { AtsKind } from './ats-connector.port';

/** OAuth2 tokens of one connection as the token endpoint last issued them. */
export interface StoredAtsTokens {
  accessToken: string | null;
  accessTokenExpiresAt: Date | null;
  refreshToken: string;
}

/**
 * Where an adapter keeps OAuth2 tokens that every process must share: a refresh grant that rotates the
 * refresh token revokes the old one, so the new pair has to reach the other processes at once. Provided by
 * the lib that owns the connections; without it an adapter keeps tokens in its own memory (tests, tools).
 */
export abstract class AtsCredentialStore {
  abstract load(tenantId: string, kind: AtsKind): Promise<StoredAtsTokens | null>;
  abstract save(tenantId: string, kind: AtsKind, tokens: StoredAtsTokens): Promise<void>;
}
