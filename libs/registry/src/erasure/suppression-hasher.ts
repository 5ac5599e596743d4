import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig, IdentityKeyHasher, LruCache, SecretBox } from '@comeback/platform';
import { ErasureSuppressionsRepository } from './erasure-suppressions.repository';
import { IdentityKeyPeppersRepository } from './identity-key-peppers.repository';

const FIELD = 'identity_key_pepper';

/**
 * The suppression list's hasher for a tenant, keyed by the tenant's pepper (made on first use). Hashes do not
 * depend on SECRET_KEY, so an erased person stays suppressed across key rotations.
 */
@Injectable()
export class SuppressionHasher {
  // A pepper never changes once stored: caching it (bounded) is always correct.
  private readonly cache = new LruCache<string, IdentityKeyHasher>(10_000, Number.POSITIVE_INFINITY);

  constructor(
    private readonly peppers: IdentityKeyPeppersRepository,
    private readonly suppressions: ErasureSuppressionsRepository,
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forTenant(tenantId: string): Promise<IdentityKeyHasher> {
    const known = this.cache.get(tenantId);
    if (known) return known;
    const ctx = { tenantId, field: FIELD };
    let sealed = await this.peppers.find(tenantId);
    if (sealed === null) {
      // A tenant with suppressions from before peppers existed keeps the key they were hashed with.
      const legacy = (await this.suppressions.allHashes(tenantId)).size > 0;
      const pepper = legacy ? IdentityKeyHasher.legacyKey(this.config.secretKey) : randomBytes(32);
      sealed = await this.peppers.insertIfAbsent(tenantId, this.box.seal(pepper.toString('base64'), ctx));
    }
    const hasher = new IdentityKeyHasher(Buffer.from(this.box.open(sealed, ctx), 'base64'));
    this.cache.set(tenantId, hasher);
    return hasher;
  }

  /** Key rotation: every pepper not yet sealed under the current key is sealed again (the pepper itself stays). */
  async resealAll(): Promise<{ peppers: number; resealed: number }> {
    const rows = await this.peppers.all();
    let resealed = 0;
    for (const row of rows) {
      if (!this.box.needsReseal(row.pepperSealed)) continue;
      await this.peppers.update(
        row.tenantId,
        this.box.reseal(row.pepperSealed, { tenantId: row.tenantId, field: FIELD }),
      );
      resealed += 1;
    }
    return { peppers: rows.length, resealed };
  }
}
