import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the secret part of an invitation or reset link (never stored). */
export function newOneTimeToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store and look up: the SHA-256 of the token (a database leak does not leak usable links). */
export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
