import { int64Decimal, pgHashTextExtended, pgHashTextExtendedText } from './key-hash';

/** The reference: BigInt's own printing of the signed 64-bit value. */
const viaBigInt = (high: number, low: number): string =>
  BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low)).toString();

describe('int64Decimal', () => {
  it.each([
    [0, 0],
    [0, 1],
    [0, 0xffffffff],
    [0x1fffff, 0xffffffff], // 2^53 − 1: the last value printed as a double
    [0x200000, 0], // 2^53: the first printed in base-10^7 groups
    [0x7fffffff, 0xffffffff], // 2^63 − 1
    [0x80000000, 0], // −2^63
    [0x80000000, 1],
    [0xffffffff, 0xffffffff], // −1
    [0xffffffff, 0], // −2^32
    [0xffe00000, 0], // −2^53
    [0x00989680, 0x00989680], // groups that carry exactly 10^7
  ])('prints (%i, %i) as BigInt does', (high, low) => {
    expect(int64Decimal(high, low)).toBe(viaBigInt(high, low));
  });

  it('agrees with BigInt on 100,000 pseudo-random values', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    for (let i = 0; i < 100_000; i++) {
      const high = next();
      const low = next();
      const got = int64Decimal(high, low);
      if (got !== viaBigInt(high, low))
        throw new Error(`(${high}, ${low}): ${got} ≠ ${viaBigInt(high, low)}`);
    }
  });
});

describe('pgHashTextExtendedText', () => {
  it('is the decimal text of pgHashTextExtended for keys of every script and length', () => {
    const keys = [
      '',
      'a',
      'n:佐藤|はなこ',
      'em:hanako.sato@example.com',
      'ph:+819012345678',
      '𠮷'.repeat(40),
    ];
    for (const k of keys) expect(pgHashTextExtendedText(k)).toBe(pgHashTextExtended(k).toString());
  });
});
