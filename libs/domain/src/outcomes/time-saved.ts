/**
 * Time saved by a fast track, defined: every stage the fast track skipped would have taken its typical
 * duration. We take one working week (7 calendar days) per skipped screening stage — the usual interval between
 * Japanese mid-career selection rounds (書類選考 and each 面接 round take about a week each to schedule and
 * decide). A tenant whose stages run faster or slower changes `typicalDays`; the figure is "about", never exact.
 */
export const TYPICAL_STAGE_DAYS = 7;

export interface SkippedStage {
  id: string;
  name: string;
}

export function daysSavedBySkipping(
  skipped: readonly SkippedStage[],
  typicalDays: Readonly<Record<string, number>> = {},
): number {
  return skipped.reduce(
    (sum, s) => sum + (typicalDays[s.name] ?? typicalDays[s.id] ?? TYPICAL_STAGE_DAYS),
    0,
  );
}

/** Whole and fractional days from `from` to `to` (null when either is unknown or the order is wrong). */
export function daysBetween(from: Date | null, to: Date | null): number | null {
  if (!from || !to) return null;
  const d = (to.getTime() - from.getTime()) / 86_400_000;
  return d < 0 ? null : Math.round(d * 10) / 10;
}
