import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { SecretBox } from '../crypto/secret-box';
import { CredentialCache } from './credential-cache.port';

// Compare-and-delete in one step: only the holder of a value (or of a lease) removes it.
const DELETE_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

type Scripted = Redis & { deleteIf(key: string, value: string): Promise<number> };

/**
 * Production: the values live in Redis, shared by every api and worker process, sealed with the deployment's
 * key (a bearer token is a credential); leases are `SET NX PX` keys holding a random owner id.
 */
export class RedisCredentialCache extends CredentialCache {
  private readonly redis: Scripted;

  constructor(
    url: string,
    private readonly box: SecretBox,
    private readonly prefix = 'comeback:cred:',
  ) {
    super();
    this.redis = new Redis(url, { maxRetriesPerRequest: 3 }) as Scripted;
    this.redis.defineCommand('deleteIf', { numberOfKeys: 1, lua: DELETE_IF });
  }

  async get(key: string): Promise<string | null> {
    const sealed = await this.redis.get(this.prefix + key);
    if (!sealed) return null;
    try {
      return this.box.open(sealed, sealedAs(key));
    } catch {
      return null; // sealed under another key (rotation): treat as absent, the caller refreshes
    }
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(
      this.prefix + key,
      this.box.seal(value, sealedAs(key)),
      'PX',
      Math.max(1, Math.floor(ttlMs)),
    );
  }

  async deleteIf(key: string, value: string): Promise<void> {
    const sealed = await this.redis.get(this.prefix + key);
    if (!sealed) return;
    let current: string | null = null;
    try {
      current = this.box.open(sealed, sealedAs(key));
    } catch {
      current = null;
    }
    if (current === value) await this.redis.deleteIf(this.prefix + key, sealed);
  }

  async lease(key: string, ttlMs: number): Promise<(() => Promise<void>) | null> {
    const owner = randomUUID();
    const lockKey = `${this.prefix}${key}:lease`;
    const ok = await this.redis.set(lockKey, owner, 'PX', Math.max(1, Math.floor(ttlMs)), 'NX');
    if (ok !== 'OK') return null;
    return async () => {
      await this.redis.deleteIf(lockKey, owner).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

/** A cached credential is bound to its key: a value copied under another key does not open. */
function sealedAs(key: string): { tenantId: string; field: string } {
  return { tenantId: 'deployment', field: `credential-cache:${key}` };
}
