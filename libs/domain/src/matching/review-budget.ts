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
   * unspent (load 0.041–0.045 of 0.05 on eight sets) while returnees scored just below the threshold. 0.95 alone
   * spent 0.042–0.050, but replayed over 100 random orders of each of seven sets it went over HR's budget in 41
   * of 700 runs (up to 0.054): a threshold set from the last 2,000 decisions is only as good as they are like the
   * next ones. With the feedback below, 0.93 went over in 0 and 2 of 700 in two replays with other shuffles (at
   * most 0.0517; scripts/review-budget-replay.ts), found_recall on average 0.0–0.1 points lower.
   */
  safety: 0.93,
  /**
   * Feedback from what was spent: the aim moves by this much of the difference between the aim and the share
   * of the window's decisions that went to review (more when fewer went, less when more went), never above
   * HR's budget. It corrects the start at the shipped threshold and a run of unlike applicants.
   */
  feedbackGain: 1,
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
  /** Whether each went to review; null where not known (windows stored before this was kept). */
  reviewed?: (boolean | null)[];
}

export class ScoreWindow {
  private readonly scores: number[] = [];
  private readonly auto: boolean[] = [];
  private readonly reviewed: (boolean | null)[] = [];
  private reviewedCount = 0;
  /** Decisions whose review is not known: while any are held, the aim gets no feedback. */
  private unknownCount = 0;
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

  /**
   * Best candidate's score of one decision, whether it was an automatic match (no review spent), and whether it
   * went to review (omitted: not known, as in windows stored before this was kept).
   */
  add(score: number, automatic: boolean, reviewed: boolean | null = null): void {
    // NaN would break the order (and meant "no usable score"): it ranks below everything.
    const value = Number.isNaN(score) ? Number.NEGATIVE_INFINITY : score;
    if (this.scores.length < this.size) {
      this.scores.push(value);
      this.auto.push(automatic);
      this.reviewed.push(reviewed);
    } else {
      if (!this.auto[this.next])
        this.reviewable.splice(lowerBound(this.reviewable, this.scores[this.next]), 1);
      this.tally(this.reviewed[this.next], -1);
      this.scores[this.next] = value;
      this.auto[this.next] = automatic;
      this.reviewed[this.next] = reviewed;
      this.next = (this.next + 1) % this.size;
    }
    this.tally(reviewed, 1);
    if (!automatic) this.reviewable.splice(lowerBound(this.reviewable, value), 0, value);
  }

  private tally(reviewed: boolean | null, delta: 1 | -1): void {
    if (reviewed === null) this.unknownCount += delta;
    else if (reviewed) this.reviewedCount += delta;
  }

  /** The decisions held, oldest first (what a restarted process needs to go on where this one stopped). */
  snapshot(): ScoreWindowSnapshot {
    const order = [...this.scores.keys()].map((i) => (this.next + i) % this.scores.length);
    return {
      scores: order.map((i) => this.scores[i]),
      automatic: order.map((i) => this.auto[i]),
      reviewed: order.map((i) => this.reviewed[i]),
    };
  }

  /** A window holding a snapshot's decisions (the newest `size` of them when it holds more). */
  static restore(snapshot: ScoreWindowSnapshot, size: number = REVIEW_BUDGET.window): ScoreWindow {
    const w = new ScoreWindow(size);
    const n = Math.min(snapshot.scores.length, snapshot.automatic.length);
    for (let i = Math.max(0, n - size); i < n; i++)
      w.add(snapshot.scores[i], snapshot.automatic[i], snapshot.reviewed?.[i] ?? null);
    return w;
  }

  /** Share of the window's decisions that went to review, or null while some of them are not known. */
  get reviewedShare(): number | null {
    return this.scores.length > 0 && this.unknownCount === 0 ? this.reviewedCount / this.scores.length : null;
  }

  /**
   * The lowest review threshold whose review share over the window stays within the aim (the budget less the
   * safety margin, moved by what the window actually spent), clamped to [floor, defaultThreshold +
   * ceilingAboveDefault]; the default while the window is too small.
   */
  reviewThreshold(maxReviewShare: number, defaultThreshold: number): number {
    if (this.scores.length < REVIEW_BUDGET.minSamples) return defaultThreshold;
    const target = maxReviewShare * REVIEW_BUDGET.safety;
    const spent = this.reviewedShare;
    const aim =
      spent === null
        ? target
        : Math.min(Math.max(target + REVIEW_BUDGET.feedbackGain * (target - spent), 0), maxReviewShare);
    const allowed = Math.floor(this.scores.length * aim);
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
