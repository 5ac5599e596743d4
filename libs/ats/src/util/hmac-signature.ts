import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Timing-safe check of a hex HMAC-SHA256 over the raw request bytes. Both vendors sign the bytes they
 * sent (Greenhouse even escapes non-ASCII as \uXXXX first), so re-serialised JSON would never match.
 * A malformed signature is a plain `false`, never an exception: the caller answers 401 either way.
 */
export function verifyHexHmacSha256(
  rawBody: Buffer,
  secret: string,
  signatureHex: string | undefined,
): boolean {
  if (!secret || !signatureHex || !HEX_SHA256.test(signatureHex)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signatureHex, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function hexHmacSha256(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** Stable id for a delivery that carries none: the same bytes replayed give the same id. */
export function bodyDigestId(rawBody: Buffer): string {
  return `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}
