import type { AtsRateLimitPolicy } from '../http/ats-http-client';

// Every Greenhouse contract detail in one place. Sources: /work/shared/spec/ats-contracts.md,
// developers.greenhouse.io/webhooks.html, harvestdocs.greenhouse.io (authentication, pagination,
// post_v3-applications-id-move, get_v3-application-stages).

/**
 * Harvest v3's API and token hosts (ats-contracts.md: base `https://harvest.greenhouse.io/v3`, token
 * `POST https://auth.greenhouse.io/token`): the only places a production connection may point.
 */
export const GH_API_HOSTS: readonly string[] = ['harvest.greenhouse.io', 'auth.greenhouse.io'];

export const GH_SIGNATURE_HEADER = 'Signature';
/** `Signature: sha256 <lowercase hex>` — algorithm, one space, digest. */
export const GH_SIGNATURE_PREFIX = 'sha256 ';

/**
 * Harvest API budget: a fixed 30-second window whose size differs per integration (150 observed live).
 * The default only covers the first calls of a process; X-RateLimit-Limit replaces it at once.
 */
export const GH_API_RATE_LIMIT: AtsRateLimitPolicy = {
  bucket: 'greenhouse-harvest',
  limitHeader: 'X-RateLimit-Limit',
  remainingHeader: 'X-RateLimit-Remaining',
  resetHeader: 'X-RateLimit-Reset',
  defaultLimit: 150,
  windowMs: 30_000,
};

/** The token endpoint has its own 60-second window of unpublished size; we need one token an hour. */
export const GH_TOKEN_RATE_LIMIT: AtsRateLimitPolicy = {
  bucket: 'greenhouse-token',
  limitHeader: 'X-RateLimit-Limit',
  remainingHeader: 'X-RateLimit-Remaining',
  resetHeader: 'X-RateLimit-Reset',
  defaultLimit: 10,
  windowMs: 60_000,
};

/** Id filters (`ids=`, `candidate_ids=` …) take at most 50 ids. */
export const GH_MAX_IDS_PER_FILTER = 50;
export const GH_OPEN_APPLICATIONS_PER_PAGE = 100;

/** Refresh this long before the token's stated expiry (bounded to half its life for short tokens). */
export const GH_TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
/** When the token response states no lifetime at all: assume a short one rather than the documented hour. */
export const GH_TOKEN_FALLBACK_TTL_MS = 10 * 60_000;

/** Note visibility per audience: 'hr' is the most restricted level Greenhouse offers. */
export const GH_NOTE_VISIBILITY = { team: 'public', hr: 'admin_only' } as const;

/**
 * Which id `from_stage_id` of `POST /v3/applications/{id}/move` wants is unsettled in public material
 * (ats-contracts.md, "Writes → Move"): the application-stage row id (`application.stage_id`, one shipped v3
 * client) or the job interview stage id (another client; v1 semantics). We start with the job interview stage
 * id because webhooks carry it (`current_stage.id`): where the account accepts it, a fast-track move needs no
 * read; where it wants the row id, the first move learns so (422, re-read, retry) and every later move reads
 * the row id first (GreenhouseConnector.moveToStage).
 */
export type GhMoveFromIdKind = 'application_stage_id' | 'job_interview_stage_id';
export const GH_MOVE_FROM_ID_FIRST: GhMoveFromIdKind = 'job_interview_stage_id';
/** How long the kind an account accepted is remembered (shared by every process), and read again locally. */
export const GH_MOVE_FROM_ID_REMEMBER_MS = 30 * 24 * 3_600_000;
export const GH_MOVE_FROM_ID_LOCAL_MS = 30_000;

/**
 * The invitation marker rides in `gh_src`, Greenhouse's tracking-link parameter (support.greenhouse.io article
 * 216904366 "Tracking Links and Source Tokens"): the hosted board hands it on as `mapped_url_token`
 * (github.com/grnhse/greenhouse-api-docs, job-board/_applications.md) and the application's `source` becomes the
 * source the token was made for. A token Greenhouse did not issue maps to no source, so on Greenhouse the marker
 * alone does not make the match: a clicked invitation for the same job and the invitee's own e-mail do (see
 * libs/rediscovery README).
 */
export const GH_MARKER_PARAM = 'gh_src';
/** Greenhouse has no job level; a customer keeps it in a job custom field with this name key (one edit if not). */
export const GH_JOB_LEVEL_FIELD = 'job_level';
