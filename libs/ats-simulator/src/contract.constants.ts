// Every contract detail the vendors' docs leave open lives here, one named constant each, so that
// correcting the simulator after a real-traffic observation is a one-line edit.
// Sources: /work/shared/spec/ats-contracts.md, developers.greenhouse.io/webhooks.html,
// workable.readme.io (subscriptions, tag-candidate), docs.workato.com "Move application (v3)".

// ---------------------------------------------------------------- Greenhouse Harvest v3

export const GH_BASE_PATH = 'greenhouse/v3';
export const GH_TOKEN_PATH = 'greenhouse/auth/token';

/** Tokens live one hour (ats-contracts.md). Overridable at run time so tests can watch one expire. */
export const GH_TOKEN_TTL_SECONDS = 3600;
/** Some copies of the token response also show `expires_in`; the docs pin `expires_at` only. */
export const GH_TOKEN_RESPONSE_INCLUDES_EXPIRES_IN = false;
/** The token endpoint has its own 60-second window; its size is not published, so this is a guess. */
export const GH_TOKEN_RATE_LIMIT = { limit: 30, windowSeconds: 60 };

/** 150 per 30 s was observed live; the product must read it from the headers, never assume it. */
export const GH_RATE_LIMIT = { limit: 150, windowSeconds: 30 };

export const GH_PER_PAGE_DEFAULT = 100;
export const GH_PER_PAGE_MAX = 500;
export const GH_MAX_IDS_PER_FILTER = 50;

/**
 * Which id `from_stage_id` of `POST /v3/applications/{id}/move` is compared against: "must match the
 * candidate's current stage" (https://harvestdocs.greenhouse.io/reference/post_v3-applications-id-move);
 * public clients disagree whether that is the application-stage row id (`application.stage_id`) or the
 * job interview stage id (ats-contracts.md). Default: the row id; run-time switch
 * `greenhouse.moveFromStageIdKind` so tests cover both.
 */
export type GhMoveFromStageIdKind = 'application_stage_id' | 'job_interview_stage_id';
export const GH_MOVE_FROM_STAGE_ID_DEFAULT: GhMoveFromStageIdKind = 'application_stage_id';

/**
 * "GET endpoints are only accessible by site admin users. All other user types will not return results"
 * (Harvest v3 docs as quoted by v3 clients; ats-contracts.md): a token whose `sub` is not a Site Admin gets
 * empty lists. A token without `sub` acts as the credential's own service account and reads normally
 * (not documented either way).
 */
export const GH_READS_WITHOUT_SUB_ALLOWED = true;

/**
 * Query parameters each list route takes (harvestdocs.greenhouse.io/docs/list-endpoints: cursor, per_page,
 * ids, parent resources, created_at, updated_at, status, plus the route's own filters). Anything else is
 * refused with 422 "Invalid query params".
 */
const GH_COMMON_QUERY = ['cursor', 'per_page', 'ids', 'created_at', 'updated_at'];
export const GH_QUERY_PARAMS: Record<string, readonly string[]> = {
  applications: [...GH_COMMON_QUERY, 'candidate_ids', 'job_ids', 'status', 'last_activity_at', 'stage_ids'],
  candidates: [...GH_COMMON_QUERY, 'email', 'tag', 'job_ids'],
  jobs: [...GH_COMMON_QUERY, 'status', 'department_id', 'office_id', 'requisition_id'],
  job_interview_stages: [...GH_COMMON_QUERY, 'job_ids', 'active'],
  application_stages: [...GH_COMMON_QUERY, 'application_ids', 'current'],
  offers: [...GH_COMMON_QUERY, 'application_ids', 'current_only', 'status'],
  job_hiring_managers: [...GH_COMMON_QUERY, 'job_ids'],
  users: [...GH_COMMON_QUERY, 'email', 'employee_id'],
  candidate_tags: [...GH_COMMON_QUERY, 'name'],
  // https://harvestdocs.greenhouse.io/reference/get_v3-applied-candidate-tags (parent resources as filters).
  applied_candidate_tags: [...GH_COMMON_QUERY, 'candidate_ids', 'candidate_tag_ids'],
  notes: [...GH_COMMON_QUERY, 'candidate_ids', 'application_ids'],
  // Job posts with their public URL; which field v3 names the URL is not pinned in public material.
  job_posts: [...GH_COMMON_QUERY, 'job_ids', 'live'],
};

/**
 * The job custom field a customer keeps the job's level in. Greenhouse has no level of its own; a customer
 * defines a job custom field ("Configure → Custom Options → Job"), name key chosen by them.
 */
export const GH_JOB_LEVEL_FIELD_SIM = 'job_level';

/** Where the simulated hosted job board lives (Greenhouse's is boards.greenhouse.io / job-boards.greenhouse.io). */
export const GH_BOARD_PATH = 'greenhouse/boards';
export const GH_INVALID_QUERY_MESSAGE = 'Invalid query params';

/** Only active applications can be moved (Harvest v1 "advance" documented this; assumed unchanged). */
export const GH_MOVE_REQUIRES_ACTIVE_APPLICATION = true;

/** Harvest v3 lists answer `in_process` where webhooks and filters say `active`. */
export const GH_APPLICATION_STATUS_OUTPUT: Record<'active' | 'rejected' | 'hired', string> = {
  active: 'in_process',
  rejected: 'rejected',
  hired: 'hired',
};

/** Write requests spell visibility short; reads spell it long (ats-contracts.md). */
export const GH_NOTE_VISIBILITY_READ: Record<'public' | 'private' | 'admin_only', string> = {
  public: 'publicly_visible',
  private: 'privately_visible',
  admin_only: 'admin_only_visible',
};

/** Status codes of the write routes where the docs do not pin them (move is documented as 204). */
export const GH_WRITE_STATUS = {
  move: 204,
  patchCandidate: 200,
  createNote: 201,
  applyTag: 201,
  createTag: 201,
  /** `DELETE /v3/applied_candidate_tags/{id}`: the status is not pinned by the docs; Harvest deletes answer 204. */
  removeTag: 204,
} as const;

export const GH_ERROR_MESSAGES = {
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  notFound: 'Resource not found',
  unprocessable: 'Unprocessable Content',
  tooManyRequests: 'Too Many Requests',
  serverError: 'Internal Server Error',
} as const;

// ---------------------------------------------------------------- Greenhouse webhooks

/**
 * Retry schedule after a failed delivery, in minutes (ats-contracts.md: "retried up to 7 times over about
 * 15 hours"). Six delays are listed, so this gives 1 + 6 = 7 attempts in all; scaled by the run-time
 * `webhooks.timeScale` so tests run it in milliseconds.
 */
export const GH_WEBHOOK_RETRY_MINUTES = [1, 15, 60, 120, 240, 480];

/**
 * Greenhouse keeps the same Greenhouse-Event-ID across retries of one event (it identifies the delivery,
 * and receivers de-duplicate on it). The docs say "unique id associated with this delivery".
 */
export const GH_EVENT_ID_STABLE_ACROSS_RETRIES = true;

/** Characters Greenhouse writes as \uXXXX before signing: all non-ASCII, plus <, > and & (Rails' JSON escaping). */
export const GH_JSON_ESCAPED_CHARACTERS = /[\u007f-\uffff<>&]/g;

/** The ping Greenhouse sends when a webhook is saved; a failed ping leaves the webhook disabled. */
export const GH_PING_ACTION = 'ping';

// ---------------------------------------------------------------- Workable SPI v3

export const WK_BASE_PATH = 'workable/spi/v3';
/** The simulated careers pages (Workable's: apply.workable.com/<account>/j/<shortcode>/). */
export const WK_APPLY_PATH = 'workable/apply';

/** Account tokens: 10 requests per 10-second window (OAuth/partner tokens get 50). */
export const WK_RATE_LIMIT = { limit: 10, windowSeconds: 10 };

export const WK_LIST_LIMIT_DEFAULT = 50;
/** `limit` above 100 is clamped, not refused (not pinned by the docs). */
export const WK_LIST_LIMIT_MAX = 100;

/**
 * Tag rules (ats-contracts.md): lower-cased, cut at the first space, tags of 25+ characters ignored.
 * Whether the length is measured before or after the cut is not documented; measured on the raw tag.
 */
export const WK_TAG_MAX_LENGTH_EXCLUSIVE = 25;
export const WK_TAG_LENGTH_MEASURED_ON: 'raw' | 'cut' = 'raw';

/**
 * Subscription uniqueness. workable.readme.io/reference/webhook-subscriptions: "The target URLs should be
 * unique. If a target URL is already registered, the service will respond with 409 - Conflict." — so the
 * target alone is the key; one receiver URL cannot take two events. Switch to 'target+event' if observed.
 */
export const WK_SUBSCRIPTION_UNIQUE_ON: 'target' | 'target+event' = 'target';

/** Workable's replay schedule is not published; a Greenhouse-like back-off, scaled like it. */
export const WK_WEBHOOK_RETRY_MINUTES = [1, 5, 15, 60, 240];

/** The webhook `data` is the candidate resource as `GET /candidates/:id` returns it: stage as a name. */
export const WK_WEBHOOK_STAGE_FORM: 'name' | 'slug' = 'name';

/**
 * Success statuses. Tags: 202 (ats-contracts.md; the documented "Success Response (202)" of PUT
 * /candidates/:id/tags as transcribed at withone.ai/knowledge/workable, "Update a Candidate's Tags").
 * Comments: 201 "with a plain text response body (blank example in the spec)"
 * (workable.readme.io/reference/comment-on-candidate, as transcribed at withone.ai "Create a Candidate
 * Comment"). Unsubscribe: 200 `{}` (withone.ai "Unsubscribe (Delete) a Webhook Subscription").
 * Move and subscribe are not pinned by the material we hold.
 */
export const WK_WRITE_STATUS = {
  tags: 202,
  comment: 201,
  move: 200,
  subscribe: 201,
  unsubscribe: 200,
} as const;

/**
 * `valid_until` of a subscription: the documented GET /subscriptions example shows it one year after
 * `created_at` ("2020-09-11T11:34:34.685Z" → "2021-09-11T11:34:34.685Z"; withone.ai "List Active
 * Subscriptions", transcribing workable.readme.io). Renewal rules beyond that are not published.
 */
export const WK_SUBSCRIPTION_VALIDITY_MONTHS = 12;

// ---------------------------------------------------------------- both faces

/** Per attempt; a receiver slower than this counts as a failed delivery. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** A "hang" fault holds the request this long, then answers 504 (the client should have timed out). */
export const HANG_MS_DEFAULT = 60_000;
