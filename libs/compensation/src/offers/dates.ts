/** Today's date in Japan (YYYY-MM-DD): the default "as of" of checks and proposals. */
export function todayInJapan(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
