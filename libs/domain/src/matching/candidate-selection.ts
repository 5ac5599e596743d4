/** One index hit: an alumnus stored under one of the applicant's probe keys. */
export interface KeyHit {
  readonly key: string;
  readonly alumnusId: string;
}

export interface CandidateLimits {
  /** A key held by more people than this (a very common full name) identifies nobody and is ignored. */
  readonly maxPerKey: number;
  /** Upper bound of the candidates scored for one applicant. */
  readonly maxCandidates: number;
}

/**
 * Blocking: which alumni found through the key index are worth scoring. Keys held by more than
 * `maxPerKey` people are dropped (the index is asked for one more than that, so "more" is visible);
 * the rest rank alumni by how many probe keys they share, most first, ties in first-seen order.
 */
export function selectKeyCandidates(hits: readonly KeyHit[], limits: CandidateLimits): string[] {
  const perKey = new Map<string, number>();
  for (const h of hits) perKey.set(h.key, (perKey.get(h.key) ?? 0) + 1);
  const shared = new Map<string, number>();
  for (const h of hits) {
    if (perKey.get(h.key)! > limits.maxPerKey) continue;
    shared.set(h.alumnusId, (shared.get(h.alumnusId) ?? 0) + 1);
  }
  return [...shared.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limits.maxCandidates)
    .map(([id]) => id);
}
