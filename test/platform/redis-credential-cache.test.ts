import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { sharedSingleFlight } from '@comeback/platform';
import { SecretBox } from '../../libs/platform/src/crypto/secret-box';
import { RedisCredentialCache } from '../../libs/platform/src/shared-cache/redis-credential-cache';

/** Two caches on one Redis stand for two processes (api and worker) sharing an ATS token. */
describe('RedisCredentialCache (real Redis; two processes share one token)', () => {
  const url = process.env.REDIS_URL!;
  const prefix = `${process.env.QUEUE_PREFIX}:cred:`;
  const box = new SecretBox(randomBytes(32));
  let a: RedisCredentialCache;
  let b: RedisCredentialCache;
  let raw: Redis;

  beforeAll(() => {
    a = new RedisCredentialCache(url, box, prefix);
    b = new RedisCredentialCache(url, box, prefix);
    raw = new Redis(url);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await raw.quit();
  });

  it('mints once for concurrent callers in both processes', async () => {
    let minted = 0;
    const refresh = async () => {
      minted++;
      await new Promise((r) => setTimeout(r, 50));
      return { value: `access-${minted}`, ttlMs: 60_000 };
    };
    const got = await Promise.all([
      ...Array.from({ length: 10 }, () => sharedSingleFlight(a, 'tok', refresh, { pollMs: 10 })),
      ...Array.from({ length: 10 }, () => sharedSingleFlight(b, 'tok', refresh, { pollMs: 10 })),
    ]);
    expect(minted).toBe(1);
    expect(new Set(got)).toEqual(new Set(['access-1']));
  });

  it('keeps the token sealed in Redis, readable only with the deployment key', async () => {
    await a.put('sealed', 'bearer-secret-value', 60_000);
    const stored = await raw.get(`${prefix}sealed`);
    expect(stored).toBeTruthy();
    expect(stored).not.toContain('bearer-secret-value');
    expect(await b.get('sealed')).toBe('bearer-secret-value');
    const otherKey = new RedisCredentialCache(url, new SecretBox(randomBytes(32)), prefix);
    expect(await otherKey.get('sealed')).toBeNull();
    await otherKey.close();
  });

  it('a 401 in one process drops the refused token for all, but not a fresher one', async () => {
    await a.put('rot', 'T1', 60_000);
    await b.deleteIf('rot', 'T1');
    expect(await a.get('rot')).toBeNull();
    await a.put('rot', 'T2', 60_000);
    await b.deleteIf('rot', 'T1');
    expect(await a.get('rot')).toBe('T2');
  });

  it('a lease is exclusive across processes and ends with its holder', async () => {
    const release = await a.lease('lk', 5_000);
    expect(release).not.toBeNull();
    expect(await b.lease('lk', 5_000)).toBeNull();
    await release!();
    const again = await b.lease('lk', 5_000);
    expect(again).not.toBeNull();
    await again!();
  });
});
