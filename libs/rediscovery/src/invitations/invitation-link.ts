import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * The invitation link's token: `<invitation id>.<expiry, epoch seconds>.<HMAC-SHA256>` in base64url, keyed with a
 * key derived from SECRET_KEY (and, during a rotation, SECRET_KEY_PREVIOUS). Nothing secret is stored: the link
 * cannot be forged, and an edited id or expiry breaks the signature.
 */
function linkKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'comeback/invitation-links/v1', 32));
}

function mac(secret: Buffer, payload: string): Buffer {
  return createHmac('sha256', linkKey(secret)).update(payload, 'utf8').digest();
}

export function signInvitationToken(secret: Buffer, invitationId: string, expiresAt: Date): string {
  const payload = `${invitationId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${Buffer.from(payload, 'utf8').toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

export type VerifiedToken =
  | { ok: true; invitationId: string; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyInvitationToken(
  secrets: readonly Buffer[],
  token: string,
  now: Date = new Date(),
): VerifiedToken {
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined || token.length > 512)
    return { ok: false, reason: 'malformed' };
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const m = /^([0-9a-f-]{36})\.(\d{1,12})$/.exec(payload);
  if (!m) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(signature, 'base64url');
  const valid = secrets.some((s) => {
    const expected = mac(s, payload);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!valid) return { ok: false, reason: 'bad_signature' };
  const expiresAt = new Date(Number(m[2]) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, invitationId: m[1], expiresAt };
}
