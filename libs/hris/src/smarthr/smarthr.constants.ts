import type { AtsRateLimitPolicy } from '@comeback/ats';

// Facts from SmartHR's published developer documentation (stored copies read 2026-12); see libs/hris/README.md.

/** API base: `https://{subdomain}.smarthr.jp/api` — https://developer.smarthr.jp/api/about_api */
export const SMARTHR_VENDOR_HOSTS = ['*.smarthr.jp'] as const;

/**
 * Rate limit headers `x-rate-limit-limit` / `-remaining` / `-reset` (seconds until the limit resets), and a
 * 429 `too_many_requests` (error code 6) past it — https://developer.smarthr.jp/api/about_api. The numbers
 * themselves were not in the stored copy: the client learns the limit from `x-rate-limit-limit` and waits for
 * the reset on `remaining: 0` or a 429; the default and window below only bound the first requests.
 */
export const SMARTHR_RATE_LIMIT: AtsRateLimitPolicy = {
  bucket: 'smarthr',
  limitHeader: 'x-rate-limit-limit',
  remainingHeader: 'x-rate-limit-remaining',
  resetHeader: 'x-rate-limit-reset',
  defaultLimit: 10,
  windowMs: 1_000,
};

/**
 * Webhook deliveries carry the secret token set in SmartHR's admin screen in the `X-SmartHR-Token` request
 * header (no signature, no timestamp) — https://developer.smarthr.jp/api/about_webhook
 */
export const SMARTHR_TOKEN_HEADER = 'x-smarthr-token';

/**
 * Events `crew_created`, `crew_updated`, `crew_deleted` (従業員データが完全に削除された), `crew_imported`, …
 * — https://developer.smarthr.jp/api/about_webhook. The body is `{ event, triggered_at, sender, crew }`
 * (field names as in the SmartHR.NET client's CrewWebhook record, github.com/nogic1008/SmartHR.NET).
 */
export const SMARTHR_EVENTS = {
  created: 'crew_created',
  updated: 'crew_updated',
  deleted: 'crew_deleted',
} as const;

/** Pagination: `page` / `per_page`, `Link` rel="next" and `x-total-count` — https://developer.smarthr.jp/api/about_api */
export const SMARTHR_PER_PAGE = 100;
