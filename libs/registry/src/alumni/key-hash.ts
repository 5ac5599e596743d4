/**
 * PostgreSQL's `hashtextextended(text, 0)` computed in Node (hash_bytes_extended in src/common/hashfn.c,
 * Bob Jenkins' lookup3 over the UTF-8 bytes; databases use a deterministic collation, so the bytes are
 * hashed as they are). The import writes key hashes with COPY, which cannot call SQL functions; lookups
 * still hash in SQL, so `AlumniRepository.keyHashAgrees` checks this against the server before an import
 * relies on it.
 *
 * A million-row import hashes about ten million keys: the state lives in module variables and the bytes in
 * one reused buffer, so a call allocates nothing but its result.
 */
let a = 0;
let b = 0;
let c = 0;
let scratch = Buffer.alloc(256);

const rot = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;

function mix(): void {
  a = (a - c) >>> 0;
  a = (a ^ rot(c, 4)) >>> 0;
  c = (c + b) >>> 0;
  b = (b - a) >>> 0;
  b = (b ^ rot(a, 6)) >>> 0;
  a = (a + c) >>> 0;
  c = (c - b) >>> 0;
  c = (c ^ rot(b, 8)) >>> 0;
  b = (b + a) >>> 0;
  a = (a - c) >>> 0;
  a = (a ^ rot(c, 16)) >>> 0;
  c = (c + b) >>> 0;
  b = (b - a) >>> 0;
  b = (b ^ rot(a, 19)) >>> 0;
  a = (a + c) >>> 0;
  c = (c - b) >>> 0;
  c = (c ^ rot(b, 4)) >>> 0;
  b = (b + a) >>> 0;
}

function finalMix(): void {
  c = (c ^ b) >>> 0;
  c = (c - rot(b, 14)) >>> 0;
  a = (a ^ c) >>> 0;
  a = (a - rot(c, 11)) >>> 0;
  b = (b ^ a) >>> 0;
  b = (b - rot(a, 25)) >>> 0;
  c = (c ^ b) >>> 0;
  c = (c - rot(b, 16)) >>> 0;
  a = (a ^ c) >>> 0;
  a = (a - rot(c, 4)) >>> 0;
  b = (b ^ a) >>> 0;
  b = (b - rot(a, 14)) >>> 0;
  c = (c ^ b) >>> 0;
  c = (c - rot(b, 24)) >>> 0;
}

export function pgHashTextExtended(text: string): bigint {
  hashInto(text);
  return BigInt.asIntN(64, (BigInt(b) << 32n) | BigInt(c));
}

/**
 * The same hash as its decimal text, as COPY wants it, printed without making a BigInt (making and printing
 * one took ~40% of the hashing time across a million-row import's ~10 million keys).
 */
export function pgHashTextExtendedText(text: string): string {
  hashInto(text);
  return int64Decimal(b, c);
}

function hashInto(text: string): void {
  // UTF-8 takes at most three bytes per UTF-16 unit.
  if (scratch.length < text.length * 3) scratch = Buffer.alloc(text.length * 3);
  const k = scratch;
  let len = k.write(text, 0, 'utf8');
  a = (0x9e3779b9 + len + 3923095) >>> 0;
  b = a;
  c = a;
  let i = 0;
  while (len >= 12) {
    a = (a + k.readUInt32LE(i)) >>> 0;
    b = (b + k.readUInt32LE(i + 4)) >>> 0;
    c = (c + k.readUInt32LE(i + 8)) >>> 0;
    mix();
    i += 12;
    len -= 12;
  }
  // The last 11 bytes, little-endian into a, b and the upper three bytes of c (its lowest byte is left for
  // the length, as in PostgreSQL's switch that falls through from case 11 to case 1).
  for (let j = len - 1; j >= 0; j--) {
    const byte = k[i + j];
    if (j >= 8) c = (c + (byte << (8 * (j - 7)))) >>> 0;
    else if (j >= 4) b = (b + (byte << (8 * (j - 4)))) >>> 0;
    else a = (a + (byte << (8 * j))) >>> 0;
  }
  finalMix();
}

/** Decimal text of the signed 64-bit integer whose high and low 32 bits (unsigned) are given. */
export function int64Decimal(high: number, low: number): string {
  if (high < 0x80000000) return uint64Decimal(high, low);
  // Two's complement: negate, print, prefix the sign (−2^63 negates to itself and prints right unsigned).
  const lo = (~low + 1) >>> 0;
  const hi = (~high + (lo === 0 ? 1 : 0)) >>> 0;
  return `-${uint64Decimal(hi, lo)}`;
}

/**
 * Unsigned 64-bit to decimal with doubles only: the value in 24-bit limbs (low + mid·2^24 + top·2^48)
 * regrouped in base 10^7, each group below 2^53 (the method of google-protobuf's joinUnsignedDecimalString).
 */
function uint64Decimal(high: number, low: number): string {
  if (high <= 0x1fffff) return String(high * 4294967296 + low);
  const lowLimb = low & 0xffffff;
  const midLimb = ((low >>> 24) | (high << 8)) & 0xffffff;
  const topLimb = (high >>> 16) & 0xffff;
  // 2^24 = 1·10^7 + 6777216; 2^48 = 28147497·10^7 + 6710656 = 2·10^14 + 8147497·10^7 + 6710656.
  let units = lowLimb + midLimb * 6777216 + topLimb * 6710656;
  let tens7 = midLimb + topLimb * 8147497;
  let tens14 = topLimb * 2;
  tens7 += Math.floor(units / 1e7);
  units %= 1e7;
  tens14 += Math.floor(tens7 / 1e7);
  tens7 %= 1e7;
  // high > 0x1fffff means the value is at least 2^53 > 10^14: tens14 is never 0 here.
  return `${tens14}${String(tens7).padStart(7, '0')}${String(units).padStart(7, '0')}`;
}
