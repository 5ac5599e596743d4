/**
 * The registry statistics a tenant's first import can count while it streams, instead of re-reading a
 * million rows at the end: how many alumni carry each name-frequency key, and how many alumni have an
 * address at each e-mail domain. Counted exactly as `AlumniRepository.refreshStatistics` counts them in SQL
 * (a key listed twice on a row counts twice; a domain counts once per person; `lower(split_part(e, '@', 2))`);
 * a test holds the two together.
 */
export class RegistryStatisticsCounter {
  readonly frequencies = new Map<string, number>();
  readonly domainCounts = new Map<string, number>();
  alumniCount = 0;

  add(frequencyKeys: readonly string[], emails: readonly string[]): void {
    this.alumniCount++;
    for (const k of frequencyKeys) this.frequencies.set(k, (this.frequencies.get(k) ?? 0) + 1);
    const domains = new Set(emails.map((e) => (e.split('@')[1] ?? '').toLowerCase()));
    for (const d of domains) this.domainCounts.set(d, (this.domainCounts.get(d) ?? 0) + 1);
  }
}
