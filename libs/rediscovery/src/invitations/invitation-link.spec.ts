import { randomBytes, randomUUID } from 'node:crypto';
import { signInvitationToken, verifyInvitationToken } from './invitation-link';

describe('invitation link tokens', () => {
  const key = randomBytes(32);
  const id = randomUUID();
  const now = new Date('2026-12-01T00:00:00Z');
  const expires = new Date('2026-12-15T00:00:00Z');

  it('verifies its own token and reads the id and expiry back', () => {
    const t = signInvitationToken(key, id, expires);
    expect(verifyInvitationToken([key], t, now)).toEqual({ ok: true, invitationId: id, expiresAt: expires });
  });

  it('accepts a token signed with the previous key during a rotation', () => {
    const old = randomBytes(32);
    expect(verifyInvitationToken([key, old], signInvitationToken(old, id, expires), now).ok).toBe(true);
  });

  it.each<[string, (t: string) => string, string]>([
    ['another key', () => signInvitationToken(randomBytes(32), id, expires), 'bad_signature'],
    [
      'an edited expiry',
      (t) => {
        const [, sig] = t.split('.');
        const later = Buffer.from(`${id}.${Math.floor(expires.getTime() / 1000) + 86400}`).toString(
          'base64url',
        );
        return `${later}.${sig}`;
      },
      'bad_signature',
    ],
    ['garbage', () => 'not-a-token', 'malformed'],
    ['three parts', (t) => `${t}.x`, 'malformed'],
  ])('refuses %s', (_name, mutate, reason) => {
    const t = mutate(signInvitationToken(key, id, expires));
    expect(verifyInvitationToken([key], t, now)).toEqual({ ok: false, reason });
  });

  it('refuses an expired link', () => {
    const t = signInvitationToken(key, id, expires);
    expect(verifyInvitationToken([key], t, new Date('2026-12-16T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});
