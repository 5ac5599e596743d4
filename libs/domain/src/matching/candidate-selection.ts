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
  /**
   * A full-name key (nt/nr/nx) held by more people than this is a common name: someone who shares nothing else
   * with the applicant is a namesake whose score is held to the full name's frequency (below −log2 of it, under
   * even odds), so they are not worth reading. Absent: everyone under a usable key is kept.
   */
  readonly maxNamesakes?: number;
}

// nx (kanji surname | given reading) is a full name too: 渡辺 さくら shares it with every 渡辺 read Sakura.
const FULL_NAME_KEY = /^n[trx]:/u;

/**
 * Blocking: which alumni found through the key index are worth scoring. Keys held by more than
 * `maxPerKey` people are dropped (the index is asked for one more than that, so "more" is visible);
 * the rest rank alumni by how many probe keys they share, most first, ties in first-seen order. People found
 * only under a common full name (more than `maxNamesakes`) are left out: see CandidateLimits.
 */
export function selectKeyCandidates(hits: readonly KeyHit[], limits: CandidateLimits): string[] {
  const perKey = new Map<string, number>();
  for (const h of hits) perKey.set(h.key, (perKey.get(h.key) ?? 0) + 1);
  const shared = new Map<string, number>();
  const telling = new Set<string>();
  for (const h of hits) {
    const count = perKey.get(h.key)!;
    if (count > limits.maxPerKey) continue;
    shared.set(h.alumnusId, (shared.get(h.alumnusId) ?? 0) + 1);
    if (limits.maxNamesakes === undefined || count <= limits.maxNamesakes || !FULL_NAME_KEY.test(h.key))
      telling.add(h.alumnusId);
  }
  return [...shared.entries()]
    .filter(([id]) => telling.has(id))
    .sort((a, b) => b[1] - a[1])
    .slice(0, limits.maxCandidates)
    .map(([id]) => id);
}
