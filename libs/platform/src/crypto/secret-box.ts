import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Where a sealed value belongs: bound into the ciphertext as associated data, so it cannot be moved. */
export interface SealContext {
  tenantId: string;
  /** The column (and anything else that distinguishes the value, e.g. the ATS kind). */
  field: string;
}

const TAG_BYTES = 16;
const IV_BYTES = 12;

/**
 * AES-256-GCM for secrets at rest (ATS credentials, webhook keys).
 * Format: `v2.<key id>.<iv>.<tag>.<ciphertext>` (base64url), with `tenant|field` as associated data and the tag
 * pinned to 16 bytes. The key id lets a rotation run while both keys are configured: `SECRET_KEY` seals,
 * `SECRET_KEY_PREVIOUS` still opens. The old `v1.<iv>.<tag>.<ciphertext>` (no key id, no associated data) is
 * still read and reported by `needsReseal`, so the rotation command rewrites it.
 */
export class SecretBox {
  readonly keyId: string;
  private readonly keys = new Map<string, Buffer>();

  constructor(current: Buffer, previous?: Buffer | null) {
    for (const k of [current, previous])
      if (k && k.length !== 32) throw new Error('SecretBox needs 32-byte keys');
    this.keyId = keyIdOf(current);
    this.keys.set(this.keyId, current);
    if (previous) this.keys.set(keyIdOf(previous), previous);
  }

  seal(plain: string, ctx: SealContext): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.keyId)!, iv, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(associatedData(ctx));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v2',
      this.keyId,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  open(sealed: string, ctx: SealContext): string {
    const parts = sealed.split('.');
    if (parts[0] === 'v2' && parts.length === 5) {
      const [, kid, iv, tag, data] = parts;
      const key = this.keys.get(kid);
      if (!key)
        throw new Error(
          'Sealed secret is under a key that is not configured (SECRET_KEY / SECRET_KEY_PREVIOUS)',
        );
      return decrypt(key, iv, tag, data, associatedData(ctx));
    }
    if (parts[0] === 'v1' && parts.length === 4) {
      // Old values carry neither key id nor associated data: try the configured keys in turn.
      const [, iv, tag, data] = parts;
      for (const key of this.keys.values()) {
        try {
          return decrypt(key, iv, tag, data, null);
        } catch {
          // next key
        }
      }
      throw new Error('Sealed secret (v1) opens under no configured key');
    }
    throw new Error('Unreadable sealed secret');
  }

  /** True for the old format and for values sealed under any key but the current one. */
  needsReseal(sealed: string): boolean {
    const parts = sealed.split('.');
    return !(parts[0] === 'v2' && parts[1] === this.keyId);
  }

  /** Opens (under any configured key) and seals again under the current key. */
  reseal(sealed: string, ctx: SealContext): string {
    return this.seal(this.open(sealed, ctx), ctx);
  }
}

/** A short, non-secret name for a key: the first 8 bytes of a domain-separated SHA-256. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256')
    .update('comeback.secret-box.key-id\0')
    .update(key)
    .digest()
    .subarray(0, 8)
    .toString('base64url');
}

function associatedData(ctx: SealContext): Buffer {
  if (!ctx.tenantId || !ctx.field) throw new Error('SecretBox needs a tenant and a field');
  return Buffer.from(`comeback.secret-box.v2\0${ctx.tenantId}\0${ctx.field}`, 'utf8');
}

function decrypt(key: Buffer, iv: string, tag: string, data: string, aad: Buffer | null): string {
  const tagBytes = Buffer.from(tag, 'base64url');
  const ivBytes = Buffer.from(iv, 'base64url');
  if (tagBytes.length !== TAG_BYTES || ivBytes.length !== IV_BYTES)
    throw new Error('Unreadable sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(tagBytes);
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
