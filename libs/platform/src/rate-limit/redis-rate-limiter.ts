import Redis from 'ioredis';
import { RateLimiter } from './rate-limiter.port';

// Atomic: drop expired entries, grant if under the limit, else say when the oldest entry expires.
// Uses the Redis server's clock so that every process agrees on "now".
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if blocked > now then return blocked - now end
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
if n < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, now .. '-' .. ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return tonumber(oldest[2]) + window - now + 1
`;

export class RedisRateLimiter extends RateLimiter {
  private readonly redis: Redis;
  private seq = 0;

  constructor(
    url: string,
    private readonly prefix = 'comeback:rl:',
  ) {
    super();
    this.redis = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false });
    this.redis.defineCommand('rlAcquire', { numberOfKeys: 2, lua: ACQUIRE });
  }

  async tryAcquire(key: string, limit: number, windowMs: number): Promise<number> {
    const member = `${process.pid}-${++this.seq}-${Math.random().toString(36).slice(2, 8)}`;
    const r = await (
      this.redis as unknown as {
        rlAcquire(k1: string, k2: string, l: number, w: number, m: string): Promise<number>;
      }
    ).rlAcquire(`${this.prefix}${key}`, `${this.prefix}${key}:blocked`, limit, windowMs, member);
    return Number(r);
  }

  async block(key: string, untilMs: number): Promise<void> {
    const ttl = Math.max(1, untilMs - Date.now());
    await this.redis.set(`${this.prefix}${key}:blocked`, String(untilMs), 'PX', ttl);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
