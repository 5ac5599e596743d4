/**
 * A review budget instead of a fixed review threshold. HR says how large a share of applicants a person may
 * review (default 5%); the threshold is set from the tenant's own recent score distribution so that the
 * expected share of reviews stays within it, spending the budget on the most likely returnees first
 * (highest posterior odds). Pure: the registry keeps one window per tenant and feeds it each decision.
 */
export const DEFAULT_MAX_REVIEW_SHARE = 0.05;

export const REVIEW_BUDGET = {
  /** Recent decisions remembered per tenant. */
  window: 2000,
  /** Below this many decisions the shipped threshold stands (too few to estimate a share). */
  minSamples: 200,
  /**
   * Aim below the budget: the next applicants are not exactly the last ones. 0.9 left a tenth of HR's budget
   * unspent (load 0.041–0.045 of 0.05 on eight sets) while returnees scored just below the threshold; 0.95
   * measured 0.042–0.047 on the same sets (the first minSamples decisions, at the shipped threshold, review
   * fewer), found_recall +0.1 to +0.3 points on each.
   */
  safety: 0.95,
  /**
   * Never review below log2 odds −3 (about one returnee in nine reviews). It was 0 (even odds): on registries
   * where few applicants score that high it left the budget unspent (review load 0.038–0.041 of 0.05 on two
   * generated sets) while returnees who bring only their name scored just below it; HR's budget, not a
   * fixed odds floor, should say how many of them a person looks at. Never require more than the shipped
   * threshold plus ceilingAboveDefault.
   */
  floor: -3,
  ceilingAboveDefault: 4,
} as const;

/** A window as stored between processes: its decisions oldest first. */
export interface ScoreWindowSnapshot {
  scores: number[];
  automatic: boolean[];
}

export class ScoreWindow {
  private readonly scores: number[] = [];
  private readonly auto: boolean[] = [];
  private next = 0;
  /**
   * The window's non-automatic scores in ascending order, kept as decisions come and go (binary search and
   * splice): the threshold is read on every match, and sorting the window each time cost ~0.35 ms a match.
   */
  private readonly reviewable: number[] = [];

  constructor(private readonly size: number = REVIEW_BUDGET.window) {}

  get count(): number {
    return this.scores.length;
  }

  /** Best candidate's score of one decision, and whether it was an automatic match (no review spent). */
  add(score: number, automatic: boolean): void {
    // NaN would break the order (and meant "no usable score"): it ranks below everything.
    const value = Number.isNaN(score) ? Number.NEGATIVE_INFINITY : score;
    if (this.scores.length < this.size) {
      this.scores.push(value);
      this.auto.push(automatic);
    } else {
      if (!this.auto[this.next])
        this.reviewable.splice(lowerBound(this.reviewable, this.scores[this.next]), 1);
      this.scores[this.next] = value;
      this.auto[this.next] = automatic;
      this.next = (this.next + 1) % this.size;
    }
    if (!automatic) this.reviewable.splice(lowerBound(this.reviewable, value), 0, value);
  }

  /** The decisions held, oldest first (what a restarted process needs to go on where this one stopped). */
  snapshot(): ScoreWindowSnapshot {
    const order = [...this.scores.keys()].map((i) => (this.next + i) % this.scores.length);
    return { scores: order.map((i) => this.scores[i]), automatic: order.map((i) => this.auto[i]) };
  }

  /** A window holding a snapshot's decisions (the newest `size` of them when it holds more). */
  static restore(snapshot: ScoreWindowSnapshot, size: number = REVIEW_BUDGET.window): ScoreWindow {
    const w = new ScoreWindow(size);
    const n = Math.min(snapshot.scores.length, snapshot.automatic.length);
    for (let i = Math.max(0, n - size); i < n; i++) w.add(snapshot.scores[i], snapshot.automatic[i]);
    return w;
  }

  /**
   * The lowest review threshold whose review share over the window stays within the budget, clamped to
   * [floor, defaultThreshold + ceilingAboveDefault]; the default while the window is too small.
   */
  reviewThreshold(maxReviewShare: number, defaultThreshold: number): number {
    if (this.scores.length < REVIEW_BUDGET.minSamples) return defaultThreshold;
    const allowed = Math.floor(this.scores.length * maxReviewShare * REVIEW_BUDGET.safety);
    const ceiling = defaultThreshold + REVIEW_BUDGET.ceilingAboveDefault;
    // The allowed-th highest non-automatic score (0-based): everything above it fits the budget.
    const cut =
      allowed < this.reviewable.length
        ? this.reviewable[this.reviewable.length - 1 - allowed]
        : Number.NEGATIVE_INFINITY;
    const threshold = Number.isFinite(cut) ? cut + 0.01 : REVIEW_BUDGET.floor;
    return Math.min(Math.max(threshold, REVIEW_BUDGET.floor), ceiling);
  }
}

/** First index in ascending `sorted` whose value is not below `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
