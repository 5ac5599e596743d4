import { sharedSingleFlight } from './credential-cache.port';
import { MemoryCredentialCache } from './memory-credential-cache';

describe('sharedSingleFlight on the in-process credential cache', () => {
  it('refreshes once for many concurrent callers and hands everyone the same value', async () => {
    const cache = new MemoryCredentialCache();
    let refreshes = 0;
    const refresh = async () => {
      refreshes++;
      await new Promise((r) => setTimeout(r, 30));
      return { value: `token-${refreshes}`, ttlMs: 60_000 };
    };
    const got = await Promise.all(
      Array.from({ length: 20 }, () => sharedSingleFlight(cache, 'k', refresh, { pollMs: 5 })),
    );
    expect(refreshes).toBe(1);
    expect(new Set(got)).toEqual(new Set(['token-1']));
    await expect(sharedSingleFlight(cache, 'k', refresh)).resolves.toBe('token-1');
    expect(refreshes).toBe(1);
  });

  it('refreshes again after expiry', async () => {
    let now = 1_000;
    const cache = new MemoryCredentialCache(() => now);
    let n = 0;
    const refresh = async () => ({ value: `t${++n}`, ttlMs: 100 });
    expect(await sharedSingleFlight(cache, 'k', refresh)).toBe('t1');
    now += 99;
    expect(await sharedSingleFlight(cache, 'k', refresh)).toBe('t1');
    now += 2;
    expect(await sharedSingleFlight(cache, 'k', refresh)).toBe('t2');
  });

  it('a refused value is dropped only while it is still the current one', async () => {
    const cache = new MemoryCredentialCache();
    await cache.put('k', 'old', 60_000);
    await cache.deleteIf('k', 'other');
    expect(await cache.get('k')).toBe('old');
    await cache.deleteIf('k', 'old');
    expect(await cache.get('k')).toBeNull();
  });

  it('a lease held by a holder that died expires, and the next caller refreshes', async () => {
    let now = 0;
    const cache = new MemoryCredentialCache(() => now);
    expect(await cache.lease('k', 1_000)).not.toBeNull(); // taken and never released
    expect(await cache.lease('k', 1_000)).toBeNull();
    const waiting = sharedSingleFlight(cache, 'k', async () => ({ value: 'after-crash', ttlMs: 10_000 }), {
      leaseMs: 1_000,
      sleep: async () => void (now += 400),
    });
    await expect(waiting).resolves.toBe('after-crash');
  });

  it('an error in the refresh releases the lease and reaches the caller', async () => {
    const cache = new MemoryCredentialCache();
    await expect(
      sharedSingleFlight(cache, 'k', async () => Promise.reject(new Error('token endpoint down'))),
    ).rejects.toThrow('token endpoint down');
    expect(await cache.lease('k', 1_000)).not.toBeNull();
  });
});
