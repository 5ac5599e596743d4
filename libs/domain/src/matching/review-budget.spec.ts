import { REVIEW_BUDGET, ScoreWindow } from './review-budget';

describe('ScoreWindow (review budget)', () => {
  const fill = (w: ScoreWindow, scores: number[], automatic = false): void => {
    for (const s of scores) w.add(s, automatic);
  };

  it('keeps the shipped threshold until it has seen enough decisions', () => {
    const w = new ScoreWindow();
    fill(
      w,
      Array.from({ length: REVIEW_BUDGET.minSamples - 1 }, () => 5),
    );
    expect(w.reviewThreshold(0.05, 2)).toBe(2);
  });

  it('lowers the threshold while the budget has room, never below even odds', () => {
    const w = new ScoreWindow();
    // 1000 decisions: 990 strangers far below, 10 near-misses at 1.0: 1% would be reviewed at threshold 1.
    fill(
      w,
      Array.from({ length: 990 }, () => -20),
    );
    fill(
      w,
      Array.from({ length: 10 }, () => 1),
    );
    const t = w.reviewThreshold(0.05, 2);
    expect(t).toBe(REVIEW_BUDGET.floor);
  });

  it('raises the threshold when reviews would exceed the budget, keeping the share within it', () => {
    const w = new ScoreWindow();
    const scores = Array.from({ length: 1000 }, (_, i) => (i < 200 ? 2 + i / 50 : -20)); // 20% at 2..6
    fill(w, scores);
    const t = w.reviewThreshold(0.05, 2);
    const share = scores.filter((s) => s >= t).length / scores.length;
    expect(t).toBeGreaterThan(2);
    expect(share).toBeLessThanOrEqual(0.05);
    expect(share).toBeGreaterThan(0.03);
  });

  it('does not count automatic matches against the budget', () => {
    const w = new ScoreWindow();
    fill(
      w,
      Array.from({ length: 500 }, () => 20),
      true,
    );
    fill(
      w,
      Array.from({ length: 500 }, () => -20),
    );
    expect(w.reviewThreshold(0.05, 2)).toBe(REVIEW_BUDGET.floor);
  });

  it('forgets decisions older than the window', () => {
    const w = new ScoreWindow(300);
    fill(
      w,
      Array.from({ length: 300 }, () => 3),
    ); // everyone reviewable: the threshold moves above them all
    expect(w.reviewThreshold(0.05, 2)).toBeGreaterThan(3);
    fill(
      w,
      Array.from({ length: 300 }, () => 9),
    );
    expect(w.reviewThreshold(0.05, 2)).toBe(2 + REVIEW_BUDGET.ceilingAboveDefault);
    fill(
      w,
      Array.from({ length: 300 }, () => -20),
    );
    expect(w.count).toBe(300);
    expect(w.reviewThreshold(0.05, 2)).toBe(REVIEW_BUDGET.floor);
  });
});

describe('ScoreWindow corrects its aim by what it spent', () => {
  // 2,000 decisions: 1,000 strangers far below, 1,000 spread evenly over scores −2…+3 (none automatic).
  const spread = (i: number): number => (i % 2 === 0 ? -20 : -2 + ((i >> 1) % 1000) / 200);
  const fill = (w: ScoreWindow, reviewed: (i: number) => boolean | null): void => {
    for (let i = 0; i < 2000; i++) w.add(spread(i), false, reviewed(i));
  };
  const shareAbove = (t: number): number =>
    Array.from({ length: 2000 }, (_, i) => spread(i)).filter((s) => s >= t).length / 2000;
  const target = 0.05 * REVIEW_BUDGET.safety;

  it('aims at the budget less its margin when the window spent exactly that', () => {
    const w = new ScoreWindow();
    fill(w, (i) => i < 2000 * target);
    expect(w.reviewedShare).toBeCloseTo(target, 3);
    expect(shareAbove(w.reviewThreshold(0.05, 2))).toBeCloseTo(target, 2);
  });

  it('spends less after a window that spent more than its aim, more after one that spent less, never more than HR allows', () => {
    const over = new ScoreWindow();
    fill(over, (i) => i % 16 === 0); // 6.25% went to review
    const under = new ScoreWindow();
    fill(under, (i) => i % 50 === 0); // 2% went to review
    const exact = new ScoreWindow();
    fill(exact, (i) => i < 2000 * target);
    const [tOver, tUnder, tExact] = [over, under, exact].map((w) => w.reviewThreshold(0.05, 2));
    expect(tOver).toBeGreaterThan(tExact);
    expect(tUnder).toBeLessThan(tExact);
    expect(shareAbove(tOver)).toBeLessThan(target);
    expect(shareAbove(tUnder)).toBeGreaterThan(target);
    expect(shareAbove(tUnder)).toBeLessThanOrEqual(0.05);
    const none = new ScoreWindow();
    fill(none, () => false);
    expect(shareAbove(none.reviewThreshold(0.05, 2))).toBeLessThanOrEqual(0.05);
  });

  it('gets no feedback while some decisions are not known (a window stored before this was kept)', () => {
    const unknown = new ScoreWindow();
    fill(unknown, (i) => (i === 7 ? null : false));
    expect(unknown.reviewedShare).toBeNull();
    expect(shareAbove(unknown.reviewThreshold(0.05, 2))).toBeCloseTo(target, 2);
    // Restored from a snapshot without the flags, the same.
    const old = new ScoreWindow();
    fill(old, () => true);
    const { scores, automatic } = old.snapshot();
    const restored = ScoreWindow.restore({ scores, automatic });
    expect(restored.reviewedShare).toBeNull();
    expect(restored.reviewThreshold(0.05, 2)).toBe(unknown.reviewThreshold(0.05, 2));
    // Once the unknown ones have left the window, the feedback is back.
    for (let i = 0; i < 2000; i++) restored.add(spread(i), false, false);
    expect(restored.reviewedShare).toBe(0);
    expect(restored.reviewThreshold(0.05, 2)).toBeLessThan(unknown.reviewThreshold(0.05, 2));
  });
});

describe('ScoreWindow keeps its scores in order as they come and go', () => {
  /** The threshold as first written: filter and sort the window on every call. */
  function sortedThreshold(window: { score: number; auto: boolean }[], share: number, dflt: number): number {
    if (window.length < REVIEW_BUDGET.minSamples) return dflt;
    const allowed = Math.floor(window.length * share * REVIEW_BUDGET.safety);
    const reviewable = window
      .filter((d) => !d.auto)
      .map((d) => d.score)
      .sort((a, b) => b - a);
    const cut = allowed < reviewable.length ? reviewable[allowed] : Number.NEGATIVE_INFINITY;
    const threshold = Number.isFinite(cut) ? cut + 0.01 : REVIEW_BUDGET.floor;
    return Math.min(Math.max(threshold, REVIEW_BUDGET.floor), dflt + REVIEW_BUDGET.ceilingAboveDefault);
  }

  it('gives the same threshold as sorting the window, through 5,000 decisions in a window of 700', () => {
    let seed = 11;
    const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const w = new ScoreWindow(700);
    const recent: { score: number; auto: boolean }[] = [];
    for (let i = 0; i < 5000; i++) {
      // Rounded scores repeat, so removing one of several equal scores is exercised too.
      const score = Math.round((rnd() * 30 - 15) * 4) / 4;
      const auto = rnd() < 0.3;
      w.add(score, auto);
      recent.push({ score, auto });
      if (recent.length > 700) recent.shift();
      const share = [0.01, 0.05, 0.2][i % 3];
      expect(w.reviewThreshold(share, 2)).toBe(sortedThreshold(recent, share, 2));
    }
  });

  it('restored from its snapshot, goes on exactly as the window it was taken from', () => {
    let seed = 5;
    const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const next = () => [Math.round((rnd() * 30 - 15) * 4) / 4, rnd() < 0.3, rnd() < 0.05] as const;
    const original = new ScoreWindow(300);
    // Wrapped around more than once, so the snapshot must come out oldest first, not in storage order.
    for (let i = 0; i < 750; i++) original.add(...next());
    const snapshot = original.snapshot();
    expect(snapshot.scores).toHaveLength(300);
    const restored = ScoreWindow.restore(snapshot, 300);
    expect(restored.snapshot()).toEqual(snapshot);
    expect(restored.reviewedShare).toBe(original.reviewedShare);
    expect(restored.reviewedShare).not.toBeNull();
    for (let i = 0; i < 400; i++) {
      const [score, auto, reviewed] = next();
      original.add(score, auto, reviewed);
      restored.add(score, auto, reviewed);
      expect(restored.reviewThreshold(0.05, 2)).toBe(original.reviewThreshold(0.05, 2));
    }
    // A smaller window keeps the newest decisions; no decisions is an empty window (the shipped threshold).
    expect(ScoreWindow.restore(original.snapshot(), 100).snapshot().scores).toEqual(
      original.snapshot().scores.slice(-100),
    );
    expect(ScoreWindow.restore({ scores: [], automatic: [] }).reviewThreshold(0.05, 2)).toBe(2);
  });
});
