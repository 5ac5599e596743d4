import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Values published somewhere (earlier defaults of this product, documentation placeholders): never accepted. */
const WELL_KNOWN = new Set([
  'embedded-development-secret-change-me-please',
  'ZW1iZWRkZWQtZGV2ZWxvcG1lbnQta2V5LTMyYnl0ZXM=',
  'change-me',
  'changeme',
  'secret',
]);

/** Why a secret is unacceptable, or null. Short, published, or low in variety (a repeated pattern) are refused. */
export function weakSecretReason(name: 'JWT_SECRET' | 'SECRET_KEY', value: string): string | null {
  if (WELL_KNOWN.has(value) || /change.?me|example|placeholder|your[-_ ]?secret/i.test(value)) {
    return `${name} is a published or placeholder value: generate your own (openssl rand -base64 32)`;
  }
  if (name === 'JWT_SECRET') {
    if (value.length < 32) return 'JWT_SECRET must be at least 32 characters';
    if (new Set(value).size < 10)
      return 'JWT_SECRET is too repetitive: generate a random one (openssl rand -base64 32)';
    return null;
  }
  if (!/^[A-Za-z0-9+/]{43}=$/.test(value)) return 'SECRET_KEY must be 32 bytes in base64 (44 characters)';
  if (new Set(Buffer.from(value, 'base64')).size < 8)
    return 'SECRET_KEY is too repetitive: generate a random one (openssl rand -base64 32)';
  return null;
}

export interface EmbeddedSecrets {
  JWT_SECRET: string;
  SECRET_KEY: string;
}

/**
 * Embedded mode only: the secrets live in the data directory, generated at random on first start (file mode
 * 0600, created exclusively so two processes starting together agree) and read back afterwards.
 */
export function embeddedSecrets(dataDir: string): EmbeddedSecrets {
  const file = join(dataDir, 'secrets.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EmbeddedSecrets;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const fresh: EmbeddedSecrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    SECRET_KEY: randomBytes(32).toString('base64'),
  };
  try {
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return JSON.parse(readFileSync(file, 'utf8')) as EmbeddedSecrets;
  }
}
