/**
 * How long until a backlog is through, from what waits and how fast work finished recently. Null when nothing
 * finished in the window (no rate to extrapolate: an outage or a blocked rate limit) — the console then says
 * "unknown" instead of a made-up time.
 */
export function backlogEtaSeconds(
  waiting: number,
  finishedInWindow: number,
  windowSeconds: number,
): number | null {
  if (waiting <= 0) return 0;
  if (finishedInWindow <= 0 || windowSeconds <= 0) return null;
  return Math.ceil(waiting / (finishedInWindow / windowSeconds));
}
