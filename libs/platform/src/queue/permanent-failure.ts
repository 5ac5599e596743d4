import { AppException } from '../errors/app-exception';

/** HTTP answers after which sending the same request again cannot help until a person changes something. */
const NEEDS_A_PERSON = new Set([401, 403]);

/**
 * A failure that retrying with backoff cannot fix: the ATS or HR system refused our credentials (401 after a
 * fresh token) or a permission (403: a missing scope, an acting user who lost admin rights). Such a job fails at
 * once — visible on the operations page and notified within minutes instead of after a minute of backoff —
 * and a person retries it after the fix.
 */
export function isPermanentFailure(err: unknown): boolean {
  if (!(err instanceof AppException)) return false;
  const status = (err.details as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && NEEDS_A_PERSON.has(status);
}
