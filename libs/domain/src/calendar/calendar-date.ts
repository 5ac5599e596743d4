/** Our first customers are in Japan; a tenant without its own time zone uses this one. */
export const DEFAULT_TENANT_TIME_ZONE = 'Asia/Tokyo';

/**
 * Today's calendar date (YYYY-MM-DD) in a tenant's time zone. Eligibility, offers and imports reason in
 * calendar dates as the company sees them, not in UTC: 08:00 in Tokyo is still "yesterday" in UTC.
 */
export function todayIn(timeZone: string = DEFAULT_TENANT_TIME_ZONE, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD; Intl applies the zone's offset and any daylight-saving rule.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
