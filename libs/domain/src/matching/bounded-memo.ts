/**
 * A memo of at most `maxEntries` results, each under a key of at most `maxKeyLength` characters. Pure: the domain
 * may not use the platform's LRU cache. When full, the oldest entry goes (a Map keeps insertion order), so one
 * burst of unseen keys cannot grow memory without bound; a key longer than the limit is computed, not kept
 * (names come from webhooks and CSV files, and one huge value must not pin memory).
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    readonly maxEntries: number,
    readonly maxKeyLength = 256,
  ) {
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be ≥ 1');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The remembered value for `key`, or `compute()`'s, remembered when the key is short enough. */
  get(key: string, compute: () => V): V {
    const known = this.entries.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (key.length <= this.maxKeyLength) {
      if (this.entries.size >= this.maxEntries) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
      this.entries.set(key, value);
    }
    return value;
  }
}
