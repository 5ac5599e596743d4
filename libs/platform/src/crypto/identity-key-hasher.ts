import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Keyed hashes of identity keys (the matcher's `em:`, `ph:`, `en:` … keys) for the erasure suppression list:
 * comparable for equality, useless to anyone without SECRET_KEY. The HMAC key is derived from SECRET_KEY
 * (HKDF, its own label) so it is never the encryption key itself; the tenant is part of every hash.
 */
export class IdentityKeyHasher {
  private readonly keys: Buffer[];

  /** `previous` (during a key rotation) is used for look-ups only, so suppressions made before it still hold. */
  constructor(current: Buffer, previous?: Buffer | null) {
    this.keys = [current, ...(previous ? [previous] : [])].map((k) =>
      Buffer.from(hkdfSync('sha256', k, Buffer.alloc(0), 'comeback.identity-key-hmac', 32)),
    );
  }

  /** Hashes under the current key (what is stored). */
  hash(tenantId: string, keys: readonly string[]): string[] {
    return [...new Set(keys)].map((k) => hmac(this.keys[0], tenantId, k));
  }

  /** Hashes under every configured key (what is looked up). */
  lookupHashes(tenantId: string, keys: readonly string[]): string[] {
    return [...new Set(keys)].flatMap((k) => this.keys.map((key) => hmac(key, tenantId, k)));
  }
}

function hmac(key: Buffer, tenantId: string, identityKey: string): string {
  return createHmac('sha256', key).update(`${tenantId}\0${identityKey}`, 'utf8').digest('base64url');
}
