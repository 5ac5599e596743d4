/**
 * Short-lived credentials every process of a deployment must share (an ATS access token: a vendor may revoke the
 * previous token when a new one is minted, so each process minting its own would log the others out). Two
 * drivers: Redis (production, values sealed with the deployment's key) and in-process (embedded, one process).
 */
export abstract class CredentialCache {
  /** The cached value, or null when absent or expired. */
  abstract get(key: string): Promise<string | null>;
  abstract put(key: string, value: string, ttlMs: number): Promise<void>;
  /** Drops the value only if it is still `value` (a refused token), so a fresher one put meanwhile survives. */
  abstract deleteIf(key: string, value: string): Promise<void>;
  /**
   * A lease for refreshing `key`: at most one holder across all processes until it is released or `ttlMs` has
   * passed (a crashed holder does not block for ever). Returns the release function, or null when held elsewhere.
   */
  abstract lease(key: string, ttlMs: number): Promise<(() => Promise<void>) | null>;
  abstract close(): Promise<void>;
}

/**
 * The value under `key`, refreshed by one process at a time: the lease holder runs `refresh` and stores its
 * result; the others wait for it (polling) and, should the holder die, take the lease after it expires.
 */
export async function sharedSingleFlight(
  cache: CredentialCache,
  key: string,
  refresh: () => Promise<{ value: string; ttlMs: number }>,
  opts: { leaseMs?: number; pollMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<string> {
  const leaseMs = opts.leaseMs ?? 15_000;
  const pollMs = opts.pollMs ?? 50;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = Date.now() + 2 * leaseMs;
  for (;;) {
    const cached = await cache.get(key);
    if (cached) return cached;
    const release = await cache.lease(key, leaseMs);
    if (release) {
      try {
        // Another holder may have stored it between our read and our lease.
        const again = await cache.get(key);
        if (again) return again;
        const fresh = await refresh();
        if (fresh.ttlMs > 0) await cache.put(key, fresh.value, fresh.ttlMs);
        return fresh.value;
      } finally {
        await release();
      }
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for another process to refresh ${key}`);
    await sleep(pollMs);
  }
}
