import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an `Authorization` header opens `/metrics`: `Bearer <METRICS_TOKEN>`, compared in constant time over
 * digests (so neither the length nor a prefix leaks). No configured token: closed to everyone.
 */
export function metricsAccessAllowed(
  configuredToken: string | null,
  authorization: string | undefined,
): boolean {
  if (!configuredToken || !authorization) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return false;
  const digest = (v: string): Buffer => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(match[1]), digest(configuredToken));
}
