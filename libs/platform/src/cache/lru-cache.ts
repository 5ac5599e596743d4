/**
 * A bounded, process-local cache: least recently used entries go first once `maxEntries` is reached, and an
 * entry older than `ttlMs` counts as absent. Callers cache hits only: caching misses would let anyone who can
 * invent keys (a webhook URL with a made-up tenant id) grow it, and the bound is what keeps that cheap.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { at: number; value: V }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error('LruCache needs maxEntries ≥ 1');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (this.now() - hit.at >= this.ttlMs) return undefined;
    this.entries.set(key, hit); // most recently used goes last
    return hit.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
