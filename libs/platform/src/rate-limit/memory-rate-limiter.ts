import { RateLimiter } from './rate-limiter.port';

/** Above this many keys, expired ones are swept: keys may come from outside (one per source address). */
const SWEEP_ABOVE = 10_000;

export class MemoryRateLimiter extends RateLimiter {
  private readonly logs = new Map<string, { windowMs: number; times: number[] }>();
  private readonly blocked = new Map<string, number>();

  async tryAcquire(key: string, limit: number, windowMs: number): Promise<number> {
    const now = Date.now();
    const until = this.blocked.get(key) ?? 0;
    if (until > now) return until - now;
    if (until) this.blocked.delete(key);
    if (this.logs.size > SWEEP_ABOVE) this.sweep(now);
    const times = (this.logs.get(key)?.times ?? []).filter((t) => t > now - windowMs);
    if (times.length >= limit) {
      this.logs.set(key, { windowMs, times });
      return times[0] + windowMs - now + 1;
    }
    times.push(now);
    this.logs.set(key, { windowMs, times });
    return 0;
  }

  async block(key: string, untilMs: number): Promise<void> {
    this.blocked.set(key, Math.max(untilMs, this.blocked.get(key) ?? 0));
  }

  async close(): Promise<void> {}

  /** Forgets keys whose every permit has left its window, and blocks that have ended. */
  private sweep(now: number): void {
    for (const [key, log] of this.logs) {
      if ((log.times.at(-1) ?? 0) <= now - log.windowMs) this.logs.delete(key);
    }
    for (const [key, until] of this.blocked) if (until <= now) this.blocked.delete(key);
  }
}
