import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Keyed hashes of identity keys (the matcher's `em:`, `ph:`, `en:` … keys) for the erasure suppression list:
 * comparable for equality, useless to anyone without the key. The key is a per-tenant pepper (the registry
 * keeps it sealed in the database) and never SECRET_KEY itself, so a key rotation does not change any hash and
 * suppressions keep holding after SECRET_KEY_PREVIOUS is removed. The tenant is part of every hash.
 */
export class IdentityKeyHasher {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('IdentityKeyHasher needs a key of at least 32 bytes');
  }

  hash(tenantId: string, keys: readonly string[]): string[] {
    return [...new Set(keys)].map((k) =>
      createHmac('sha256', this.key).update(`${tenantId}\0${k}`, 'utf8').digest('base64url'),
    );
  }

  /**
   * The key earlier releases derived from SECRET_KEY (HKDF, its own label). A tenant that already has
   * suppressions made that way gets it as its pepper, so those hashes keep matching from then on.
   */
  static legacyKey(secretKey: Buffer): Buffer {
    return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'comeback.identity-key-hmac', 32));
  }
}
