import { createCipheriv, randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

const A = { tenantId: '11111111-1111-4111-8111-111111111111', field: 'ats_connection.greenhouse.secret' };
const B = { tenantId: '22222222-2222-4222-8222-222222222222', field: 'ats_connection.greenhouse.secret' };

/** The format before key ids and associated data: v1.<iv>.<tag>.<ciphertext>. */
function sealV1(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    data.toString('base64url'),
  ].join('.');
}

describe('SecretBox', () => {
  const key = randomBytes(32);

  it('round-trips and names the key that sealed the value', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('s3cret', A);
    expect(sealed.split('.')[1]).toBe(box.keyId);
    expect(box.open(sealed, A)).toBe('s3cret');
  });

  it('refuses a value moved to another tenant or another field (associated data)', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('s3cret', A);
    expect(() => box.open(sealed, B)).toThrow();
    expect(() => box.open(sealed, { ...A, field: 'ats_connection.greenhouse.webhook_secret' })).toThrow();
  });

  it('refuses a truncated authentication tag (the tag length is pinned to 16 bytes)', () => {
    const box = new SecretBox(key);
    const parts = box.seal('s3cret', A).split('.');
    parts[3] = Buffer.from(parts[3], 'base64url').subarray(0, 4).toString('base64url');
    expect(() => box.open(parts.join('.'), A)).toThrow();
  });

  it('still reads the old format (no key id, no associated data) and says it needs resealing', () => {
    const box = new SecretBox(key);
    const old = sealV1(key, 'legacy');
    expect(box.open(old, A)).toBe('legacy');
    expect(box.needsReseal(old)).toBe(true);
    expect(box.needsReseal(box.seal('x', A))).toBe(false);
  });

  it('rotation: a value sealed under the previous key reads during rotation and reseals under the new one', () => {
    const oldBox = new SecretBox(key);
    const sealed = oldBox.seal('s3cret', A);
    const next = randomBytes(32);
    const rotating = new SecretBox(next, key);
    expect(rotating.open(sealed, A)).toBe('s3cret');
    expect(rotating.needsReseal(sealed)).toBe(true);
    const resealed = rotating.reseal(sealed, A);
    expect(rotating.needsReseal(resealed)).toBe(false);
    // After rotation the previous key can go: the resealed value reads with the new key alone.
    expect(new SecretBox(next).open(resealed, A)).toBe('s3cret');
    expect(() => new SecretBox(next).open(sealed, A)).toThrow(/key/);
  });
});
