import { RateLimiter } from './rate-limiter.port';

export class MemoryRateLimiter extends RateLimiter {
  private readonly logs = new Map<string, number[]>();
  private readonly blocked = new Map<string, number>();

  async tryAcquire(key: string, limit: number, windowMs: number): Promise<number> {
    const now = Date.now();
    const until = this.blocked.get(key) ?? 0;
    if (until > now) return until - now;
    const log = (this.logs.get(key) ?? []).filter((t) => t > now - windowMs);
    if (log.length >= limit) {
      this.logs.set(key, log);
      return log[0] + windowMs - now + 1;
    }
    log.push(now);
    this.logs.set(key, log);
    return 0;
  }

  async block(key: string, untilMs: number): Promise<void> {
    this.blocked.set(key, Math.max(untilMs, this.blocked.get(key) ?? 0));
  }

  async close(): Promise<void> {}
}
