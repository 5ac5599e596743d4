/**
 * Why a piece of work failed, in words a person can act on. The queue keeps only an error's message, so the
 * reason is read from the messages our ATS/HR-system adapters and platform errors write (HTTP status in
 * parentheses, fixed phrases); anything else is `unknown` and shows the message itself.
 */
export type FailureReason =
  | 'credentials_refused'
  | 'permission_refused'
  | 'resource_missing'
  | 'rate_limited'
  | 'unavailable'
  | 'not_connected'
  | 'unknown';

export interface ClassifiedFailure {
  reason: FailureReason;
  /** Sending the same work again after a person fixed the cause can succeed (false: it cannot, e.g. a purged body). */
  retryable: boolean;
}

const RULES: readonly { test: RegExp; reason: FailureReason }[] = [
  // A refused token, a token request refused, or any HTTP 401: the credentials were revoked or rotated.
  {
    test: /refused (a fresh|the) token|\(HTTP 401\)|\b401\b.*(unauthori[sz]ed|token)/i,
    reason: 'credentials_refused',
  },
  // HTTP 403: a scope the credential lacks, or an acting user who lost the permission (e.g. admin rights).
  { test: /\(HTTP 403\)|forbidden|missing scope/i, reason: 'permission_refused' },
  {
    test: /\bnot found\b|\(HTTP 404\)|stage .*(missing|unknown|not on the job)/i,
    reason: 'resource_missing',
  },
  { test: /rate limited|\(HTTP 429\)/i, reason: 'rate_limited' },
  {
    test: /gave up after|no answer|timed? ?out|unavailable|ECONNREFUSED|\(HTTP 5\d\d\)/i,
    reason: 'unavailable',
  },
  {
    test: /no (ats|hr[- ]system) connection|not connected|connection .*(removed|missing)/i,
    reason: 'not_connected',
  },
];

export function classifyFailure(message: string): ClassifiedFailure {
  for (const rule of RULES) if (rule.test.test(message)) return { reason: rule.reason, retryable: true };
  return { reason: 'unknown', retryable: true };
}
