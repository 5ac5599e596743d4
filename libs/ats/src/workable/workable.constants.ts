import type { AtsConnection } from '../ats-connector.port';
import type { AtsRateLimitPolicy } from '../http/ats-http-client';

// Every Workable contract detail in one place. Sources: /work/shared/spec/ats-contracts.md,
// workable.readme.io (rate-limits, webhooks / webhook-subscriptions, move-candidate), and
// developers.getknit.dev "create a candidate tag" (Workable's tag rules as observed by an integrator).

export const WK_SIGNATURE_HEADER = 'X-Workable-Signature';

/** 10-second windows; 10 requests for account tokens, 50 for OAuth/partner tokens (workable.readme.io/reference/rate-limits). */
export const WK_API_RATE_LIMIT: AtsRateLimitPolicy = {
  bucket: 'workable-spi',
  limitHeader: 'X-Rate-Limit-Limit',
  remainingHeader: 'X-Rate-Limit-Remaining',
  resetHeader: 'X-Rate-Limit-Reset',
  defaultLimit: 10,
  windowMs: 10_000,
};
export const WK_PARTNER_DEFAULT_LIMIT = 50;

/** The OAuth token endpoint publishes no limit; a conservative budget of our own so a storm cannot hammer it. */
export const WK_TOKEN_RATE_LIMIT: AtsRateLimitPolicy = {
  bucket: 'workable-token',
  limitHeader: 'X-Rate-Limit-Limit',
  remainingHeader: 'X-Rate-Limit-Remaining',
  resetHeader: 'X-Rate-Limit-Reset',
  defaultLimit: 10,
  windowMs: 10_000,
};

/**
 * Which budget to assume before the first response states it. A connection with a client id is an OAuth
 * or partner app (50); a bare account token gets 10. X-Rate-Limit-Limit corrects either at once.
 */
export function workableDefaultLimit(conn: AtsConnection): number {
  return conn.clientId ? WK_PARTNER_DEFAULT_LIMIT : WK_API_RATE_LIMIT.defaultLimit;
}

export const WK_LIST_LIMIT = 100;

/** Events we subscribe to; everything else that arrives is acknowledged and ignored. */
export const WK_SUBSCRIBED_EVENTS = ['candidate_created', 'candidate_moved'] as const;

/**
 * Workable answers 409 when a subscription's target URL is already registered — the target alone is the
 * key (workable.readme.io: "The target URLs should be unique"). So each event gets its own target: our
 * receiver URL with an `event` query parameter, which the receiver ignores (the envelope names the event).
 */
export function workableSubscriptionTarget(targetUrl: string, event: string): string {
  const u = new URL(targetUrl);
  u.searchParams.set('event', event);
  return u.toString();
}

/**
 * Workable's hosts: the SPI at `https://{subdomain}.workable.com/spi/v3` and the OAuth token endpoint at
 * `https://www.workable.com/oauth/token` (ats-contracts.md; workable.readme.io).
 */
export const WK_API_HOSTS: readonly string[] = ['*.workable.com'];

/** `args.account_id` is the account's subdomain ({subdomain}.workable.com); "" (all) when not derivable. */
export function workableAccountId(conn: AtsConnection): string {
  try {
    const host = new URL(conn.apiBaseUrl).hostname;
    return host.endsWith('.workable.com') ? host.slice(0, -'.workable.com'.length) : '';
  } catch {
    return '';
  }
}

/**
 * Comment visibility per audience. `policy` lists who may see the comment; empty or absent means every
 * member with access to the candidate. For 'hr' we restrict to admins: the narrowest role the API offers
 * that still includes HR (the exact role names are not pinned by the public docs — one edit here).
 */
export const WK_COMMENT_POLICY: Record<'team' | 'hr', string[] | null> = { team: null, hr: ['admin'] };

/**
 * Workable has no stale-move guard. With this on, a move first re-reads the candidate and answers
 * 'stale' when it left the stage we planned from (one extra read per move, worth it for correctness).
 */
export const WK_VERIFY_STAGE_BEFORE_MOVE = true;

/** Job stages change rarely; cache them per tenant and job so stage names resolve without a call each time. */
export const WK_STAGE_CACHE_TTL_MS = 5 * 60_000;

/** OAuth access tokens are refreshed this long before their stated expiry. */
export const WK_TOKEN_REFRESH_MARGIN_MS = 60_000;
/** When the token response states no `expires_in` (the TTL is not published): assume an hour. */
export const WK_TOKEN_FALLBACK_TTL_MS = 60 * 60_000;

/**
 * Who signs deliveries (workable.readme.io/reference/webhooks, "Encryption"): "The key for the signature will
 * be either the account token or the oauth application secret, depending on the type of the integration."
 * Both are the connection's `secret` (the API token, or the OAuth app's client secret), so HR is not asked
 * for another one; an explicit webhook secret still wins (a partner app whose secret is held elsewhere).
 */
export function workableSigningSecret(conn: AtsConnection): string {
  return conn.webhookSecret ?? conn.secret;
}

/** A job member's `collaboration_role` for a hiring manager (workable.readme.io/reference/job-members). */
export const WK_HIRING_MANAGER_ROLE = 'hiring_manager';

/**
 * The invitation marker rides in a UTM link's `utm_source`: "the source of that UTM link will be tracked" on the
 * candidate (help.workable.com/hc/en-us/articles/4402389819671 "Tracking custom candidate sources with a UTM
 * link"). Which SPI v3 candidate field serves it is not pinned in public material: we read `domain` (the
 * candidate's "came from"), one constant to correct.
 */
export const WK_MARKER_PARAM = 'utm_source';
export const WK_CANDIDATE_SOURCE_FIELD = 'domain';
/** Only published jobs take applications (`GET /jobs?state=published`, workable.readme.io/reference/jobs). */
export const WK_OPEN_JOB_STATE = 'published';
