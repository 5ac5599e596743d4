import { BoundedMemo } from './bounded-memo';
import { makeNamePart, NAME_PART_MEMO } from './name-hypotheses';

describe('BoundedMemo', () => {
  it('never holds more than its limit and drops the oldest entry first', () => {
    const memo = new BoundedMemo<number>(3);
    let computed = 0;
    const get = (k: string) => memo.get(k, () => ++computed);
    for (const k of ['a', 'b', 'c', 'd']) get(k);
    expect(memo.size).toBe(3);
    expect(computed).toBe(4);
    get('b'); // still there
    expect(computed).toBe(4);
    get('a'); // the oldest was dropped: computed again
    expect(computed).toBe(5);
    expect(memo.size).toBe(3);
  });

  it('computes but does not keep values under over-long keys', () => {
    const memo = new BoundedMemo<string>(10, 8);
    expect(memo.get('x'.repeat(9), () => 'v')).toBe('v');
    expect(memo.size).toBe(0);
    expect(memo.get('short', () => 'w')).toBe('w');
    expect(memo.size).toBe(1);
  });

  it('refuses a limit below one', () => {
    expect(() => new BoundedMemo(0)).toThrow(RangeError);
  });
});

describe('name part memo', () => {
  it('stays bounded however many distinct names pass through', () => {
    for (let i = 0; i < NAME_PART_MEMO.maxEntries + 500; i++) makeNamePart(`名前${i}`, null);
    expect(NAME_PART_MEMO.size).toBeLessThanOrEqual(NAME_PART_MEMO.maxEntries);
    const long = '山'.repeat(NAME_PART_MEMO.maxKeyLength + 1);
    const before = NAME_PART_MEMO.size;
    expect(makeNamePart(long, null).text).toBe(long);
    expect(NAME_PART_MEMO.size).toBeLessThanOrEqual(before);
  });
});
