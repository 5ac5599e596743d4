// Offer proposal: start from the market median, add documented factors, round, clamp to the band.
// Every step is a factor with its yen effect, and the effects sum to the amount, so HR can explain
// the number line by line.

import type { FairnessPolicy } from './fairness-policy';
import { adjustForWageGrowth, CompensationInputError, formatYen, requireYen, roundTo } from './wage-growth';

export interface MarketBenchmark {
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  source: string;
  effectiveDate: string;
}

export interface PayBand {
  min: number;
  mid: number;
  max: number;
}

export interface ReturneeProfile {
  priorBaseSalary?: number | null;
  priorLevel?: string | null;
  leaveDate: string;
  lastRating?: string | null;
  /** Relevant experience gained while away, in years (not simply time away). */
  yearsOfExperienceAway?: number | null;
}

export interface OfferTarget {
  jobFamily: string;
  jobLevel: string;
  location: string;
}

export interface OfferProposalInput {
  returnee: ReturneeProfile;
  target: OfferTarget;
  market: MarketBenchmark;
  band?: PayBand | null;
  policy: FairnessPolicy;
  asOf: string;
}

export type OfferFactorName =
  'market_median' | 'experience_away' | 'last_rating' | 'prior_level' | 'rounding' | 'band_clamp';

export interface OfferFactor {
  factor: OfferFactorName;
  /** Yen added (negative: removed). The effects of all factors sum to the amount. */
  effect: number;
  detail: string;
}

export interface OfferProposal {
  amount: number;
  factors: OfferFactor[];
  clampedTo?: 'min' | 'max';
  priorSalary: number | null;
  priorSalaryAdjustedForWageGrowth: number | null;
  /** Ratio since the leave date at the policy's annual rate (0.05 = +5%). */
  wageGrowthSinceLeaving: number;
  market: { p50: number; source: string; effectiveDate: string };
}

export function validateBand(band: PayBand): void {
  requireYen(band.min, 'band.min');
  requireYen(band.mid, 'band.mid');
  requireYen(band.max, 'band.max');
  if (!(band.min <= band.mid && band.mid <= band.max)) {
    throw new CompensationInputError('band must satisfy min ≤ mid ≤ max');
  }
}

function validateMarket(m: MarketBenchmark): void {
  const ps = [m.p10, m.p25, m.p50, m.p75, m.p90];
  ps.forEach((v, i) => requireYen(v, `market.p${[10, 25, 50, 75, 90][i]}`));
  if (ps.some((v, i) => i > 0 && v < ps[i - 1])) {
    throw new CompensationInputError('market percentiles must be non-decreasing (p10 ≤ … ≤ p90)');
  }
  if (m.p50 <= 0) throw new CompensationInputError('market.p50 must be positive');
}

function percentOf(base: number, percent: number): number {
  return Math.round((base * percent) / 100);
}

/** Returns x clamped into the band and which edge (if any) it hit. */
export function clampToBand(x: number, band: PayBand): { amount: number; clampedTo?: 'min' | 'max' } {
  if (x < band.min) return { amount: band.min, clampedTo: 'min' };
  if (x > band.max) return { amount: band.max, clampedTo: 'max' };
  return { amount: x };
}

export function proposeOffer(input: OfferProposalInput): OfferProposal {
  const { returnee, target, market, band, policy, asOf } = input;
  const rules = policy.proposal;
  validateMarket(market);
  if (band) validateBand(band);
  const median = market.p50;
  const factors: OfferFactor[] = [
    {
      factor: 'market_median',
      effect: median,
      detail: `Market median for ${target.jobFamily} ${target.jobLevel} in ${target.location} (${market.source}, ${market.effectiveDate}): ${formatYen(median)}`,
    },
  ];

  // Experience away: a fixed share of the median per relevant year, capped so a long absence cannot
  // dominate the offer.
  const away = returnee.yearsOfExperienceAway;
  if (away !== undefined && away !== null && Number.isFinite(away) && away > 0) {
    const years = Math.min(away, rules.experienceAwayMaxYears);
    const pct = years * rules.experienceAwayPercentPerYear;
    factors.push({
      factor: 'experience_away',
      effect: percentOf(median, pct),
      detail: `${roundTo(away, 2)} relevant year(s) gained while away${away > years ? ` (capped at ${years})` : ''} × ${rules.experienceAwayPercentPerYear}% = +${roundTo(pct, 2)}% of the median`,
    });
  } else {
    factors.push({
      factor: 'experience_away',
      effect: 0,
      detail: 'No relevant experience while away recorded',
    });
  }

  const rating = returnee.lastRating ?? null;
  const ratingPct = rating !== null ? rules.ratingAdjustmentPercent[rating] : undefined;
  factors.push(
    rating === null
      ? { factor: 'last_rating', effect: 0, detail: 'No internal rating on record' }
      : ratingPct === undefined
        ? {
            factor: 'last_rating',
            effect: 0,
            detail: `Last internal rating ${rating} has no adjustment in the policy`,
          }
        : {
            factor: 'last_rating',
            effect: percentOf(median, ratingPct),
            detail: `Last internal rating ${rating}: ${ratingPct >= 0 ? '+' : ''}${ratingPct}% of the median`,
          },
  );

  // Prior level vs target: returning above the old level means being new to the level (lower in its range);
  // returning below it brings above-level experience (higher in its range).
  const priorRank = returnee.priorLevel ? policy.levelRanks[returnee.priorLevel] : undefined;
  const targetRank = policy.levelRanks[target.jobLevel];
  if (priorRank === undefined || targetRank === undefined) {
    factors.push({
      factor: 'prior_level',
      effect: 0,
      detail: returnee.priorLevel
        ? `Level ${priorRank === undefined ? returnee.priorLevel : target.jobLevel} has no rank in the policy`
        : 'No prior internal level on record',
    });
  } else {
    const diff = targetRank - priorRank;
    const steps = Math.min(Math.abs(diff), rules.levelDifferenceMaxSteps);
    const pct = -Math.sign(diff) * steps * rules.levelDifferencePercentPerStep;
    factors.push({
      factor: 'prior_level',
      effect: percentOf(median, pct),
      detail:
        diff === 0
          ? `Returning at the prior level ${returnee.priorLevel}`
          : `Prior level ${returnee.priorLevel} → target ${target.jobLevel} (${diff > 0 ? 'up' : 'down'} ${Math.abs(diff)} step(s)): ${pct >= 0 ? '+' : ''}${pct}% of the median`,
    });
  }

  const raw = factors.reduce((acc, f) => acc + f.effect, 0);
  const rounded = Math.max(0, Math.round(raw / rules.roundToYen) * rules.roundToYen);
  if (rounded !== raw) {
    factors.push({
      factor: 'rounding',
      effect: rounded - raw,
      detail: `Rounded to the nearest ${formatYen(rules.roundToYen)}`,
    });
  }

  // Clamp after rounding so the final amount always lies inside the band.
  let amount = rounded;
  let clampedTo: 'min' | 'max' | undefined;
  if (band) {
    const c = clampToBand(rounded, band);
    amount = c.amount;
    clampedTo = c.clampedTo;
    if (clampedTo) {
      factors.push({
        factor: 'band_clamp',
        effect: amount - rounded,
        detail: `Clamped to the band ${clampedTo} ${formatYen(amount)}`,
      });
    }
  }

  let priorSalary: number | null = null;
  let adjusted: number | null = null;
  const growth = adjustForWageGrowth(0, returnee.leaveDate, asOf, policy.wageGrowth.annualRate).growth;
  if (returnee.priorBaseSalary !== undefined && returnee.priorBaseSalary !== null) {
    priorSalary = returnee.priorBaseSalary;
    adjusted = adjustForWageGrowth(
      priorSalary,
      returnee.leaveDate,
      asOf,
      policy.wageGrowth.annualRate,
    ).adjusted;
  }

  return {
    amount,
    factors,
    ...(clampedTo ? { clampedTo } : {}),
    priorSalary,
    priorSalaryAdjustedForWageGrowth: adjusted,
    wageGrowthSinceLeaving: growth,
    market: { p50: median, source: market.source, effectiveDate: market.effectiveDate },
  };
}
