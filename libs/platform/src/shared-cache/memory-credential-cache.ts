import { CredentialCache } from './credential-cache.port';

/** Embedded mode: one process, so a map with expiry times and in-process leases. */
export class MemoryCredentialCache extends CredentialCache {
  private readonly values = new Map<string, { value: string; until: number }>();
  private readonly leases = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  async get(key: string): Promise<string | null> {
    const hit = this.values.get(key);
    if (!hit) return null;
    if (hit.until <= this.now()) {
      this.values.delete(key);
      return null;
    }
    return hit.value;
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, { value, until: this.now() + ttlMs });
  }

  async deleteIf(key: string, value: string): Promise<void> {
    if (this.values.get(key)?.value === value) this.values.delete(key);
  }

  async lease(key: string, ttlMs: number): Promise<(() => Promise<void>) | null> {
    const held = this.leases.get(key);
    if (held !== undefined && held > this.now()) return null;
    const until = this.now() + ttlMs;
    this.leases.set(key, until);
    return async () => {
      if (this.leases.get(key) === until) this.leases.delete(key);
    };
  }

  async close(): Promise<void> {}
}
