import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('never holds more than its bound and evicts the least recently used first', () => {
    const c = new LruCache<string, number>(3, 60_000);
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('d', 4);
    expect(c.size).toBe(3);
    expect(c.get('b')).toBeUndefined();
    expect([c.get('a'), c.get('c'), c.get('d')]).toEqual([1, 3, 4]);
    for (let i = 0; i < 10_000; i++) c.set(`k${i}`, i);
    expect(c.size).toBe(3);
  });

  it('treats an expired entry as absent and drops it', () => {
    let now = 0;
    const c = new LruCache<string, number>(10, 100, () => now);
    c.set('a', 1);
    now = 99;
    expect(c.get('a')).toBe(1);
    now = 200;
    expect(c.get('a')).toBeUndefined();
    expect(c.size).toBe(0);
  });
});
