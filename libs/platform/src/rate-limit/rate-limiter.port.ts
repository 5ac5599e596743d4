/**
 * Shared request budget (e.g. one tenant's ATS API limit). A sliding-window log: within ANY window of
 * `windowMs` at most `limit` permits are granted, so whatever fixed window the vendor counts in, we never
 * exceed it. The Redis driver makes the budget hold across every worker process.
 */
export abstract class RateLimiter {
  /** Takes a permit now and returns 0, or takes nothing and returns how long to wait before asking again. */
  abstract tryAcquire(key: string, limit: number, windowMs: number): Promise<number>;

  /** Blocks (asynchronously) until a permit is granted. */
  async acquire(key: string, limit: number, windowMs: number): Promise<void> {
    for (;;) {
      const wait = await this.tryAcquire(key, limit, windowMs);
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, Math.min(wait, windowMs) + Math.floor(Math.random() * 20)));
    }
  }

  /** After a 429: nobody uses the key until `untilMs` (epoch ms). */
  abstract block(key: string, untilMs: number): Promise<void>;
  abstract close(): Promise<void>;
}
