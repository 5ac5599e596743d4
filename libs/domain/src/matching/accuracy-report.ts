import { matchProbability } from './match-decision';
import type { ScoredCandidate } from './match-types';

/*
 * The per-tenant accuracy report (issue 14). Estimated figures come from the model itself: a score is log2
 * posterior odds for an applicant as likely to be a returnee as not, so with this tenant's share of returnees
 * among applicants (estimated below) each decision's best candidate is the right person with probability
 * p = 1/(1+2^-(score + log2(share/(1-share)))) — sums of p over recent decisions estimate how many flags and
 * proposals are right — and the applicant is any of the candidates shown with the same p of their summed odds
 * (how many returnees came). Measured figures come from HR: a confirmed review is a right proposal, a rejected
 * one a wrong one, a "not a returnee" after an automatic flag a wrong flag. When the two disagree by more than sampling error allows (and at least
 * the stated tolerance), the report warns: the model's probabilities no longer describe this tenant.
 */
export const ACCURACY_REPORT = {
  /** Decisions an estimate looks at (the latest). */
  window: 2000,
  /** Decided items needed before a measured figure is compared with its estimate. */
  minMeasured: 20,
  /** Never warn on a difference smaller than this (probabilities are only roughly calibrated). */
  reviewTolerance: 0.1,
  autoTolerance: 0.01,
  /** Also never warn within this many standard errors of the estimate (binomial). */
  z: 2,
  /**
   * The share estimate starts from even odds (what the scores assume) worth this many decisions on each side,
   * so a young tenant's few decisions move it only so far.
   */
  sharePseudoCount: 10,
  /** The share never goes below or above these (log-odds must stay finite). */
  shareBounds: [0.01, 0.99] as const,
  /**
   * log2 odds added to a candidate who had contacts on file of which none agreed (see contactsChanged). The
   * scores rank; here they must be probabilities, and fields are not independent: a returnee who changed one
   * contact usually changed all, and the score counts only the phone's change (a different e-mail beside it adds
   * nothing to the score, which ranked best). Measured on nine sets (matching-dev,
   * seven generated, two matching-dev grown to 50k/100k): with −1.5 the estimated review precision came within
   * 0.05 of the truth on all nine (0 left it 0.13–0.19 high); log2 of a quarter of returnees keeping no contact.
   */
  contactsChangedWeight: -1.5,
} as const;

/**
 * The best candidate had a personal e-mail or phone to compare, and none agreed (nor a claimed employee number):
 * the applicant is either a stranger or a returnee whose contacts all changed.
 */
export function contactsChanged(best: Pick<ScoredCandidate, 'evidence'>): boolean {
  const outcome = (field: string): string | undefined =>
    best.evidence.find((e) => e.field === field)?.outcome;
  const identifiers = ['email', 'phone', 'employee_number'].map(outcome);
  if (identifiers.some((o) => o === 'agree' || o === 'partial')) return false;
  return outcome('email') === 'disagree' || outcome('phone') === 'disagree';
}

/**
 * The share of applicants who are returnees, estimated without labels from the decisions' odds (any candidate):
 * expectation–maximisation of the mixing weight (Splink's λ), as the EM over field parameters does for m and
 * u. Each decision is a returnee with the probability its score gives under the current share; the share
 * becomes their mean; repeat. A decision without a candidate (score null) counts as no returnee found.
 * The scores alone assume even odds, which overstated every name-only proposal by 1–2 bits on sets with
 * 19–40% returnees (review precision estimated 0.71–0.86, measured 0.39–0.69): see docs/matching-accuracy.md.
 */
export function estimateReturneeShare(scores: readonly (number | null)[]): number {
  const k = ACCURACY_REPORT.sharePseudoCount;
  const [lo, hi] = ACCURACY_REPORT.shareBounds;
  const scored = scores.filter((s): s is number => s !== null && Number.isFinite(s));
  let share = 0.5;
  for (let i = 0; i < 200; i++) {
    const sum = scored.reduce((acc, s) => acc + returneeProbability(s, share), 0);
    const next = Math.min(Math.max((sum + k) / (scores.length + 2 * k), lo), hi);
    if (Math.abs(next - share) < 1e-7) return next;
    share = next;
  }
  return share;
}

/** Probability that a decision's best candidate is the person, for a tenant with this share of returnees. */
export function returneeProbability(score: number | null, share: number): number {
  if (score === null) return 0;
  return matchProbability(score + Math.log2(share / (1 - share)));
}

export type AccuracyVerdict = 'confirmed' | 'rejected' | 'undone' | null;

/** One recent decision: what the matcher did, its best candidate's score, and what HR later said. */
export interface DecisionRecord {
  decision: 'match' | 'review' | 'none';
  score: number | null;
  verdict: AccuracyVerdict;
  /**
   * The candidates the decision showed, best first; absent or null where not kept (decisions stored before they
   * were): the best score alone stands, as it did then.
   */
  candidates?: readonly CandidateOdds[] | null;
}

/** One candidate a decision showed, as the report reads it: its score and whether its contacts all changed. */
export interface CandidateOdds {
  score: number;
  contactsChanged: boolean;
}

export function candidateOdds(c: Pick<ScoredCandidate, 'score' | 'evidence'>): CandidateOdds {
  return { score: c.score, contactsChanged: contactsChanged(c) };
}

/** A candidate's log2 odds as the report reads them: its score, less what changed contacts say (see above). */
const oddsOf = (c: CandidateOdds): number =>
  c.contactsChanged ? c.score + ACCURACY_REPORT.contactsChangedWeight : c.score;

/** log2 odds that the best candidate is the applicant. */
function bestOdds(d: DecisionRecord): number | null {
  if (d.score === null) return null;
  const best = d.candidates?.[0];
  return best ? oddsOf(best) : d.score;
}

/**
 * log2 odds that the applicant is any of the candidates shown (they exclude one another, so their odds add up):
 * a returnee whose best candidate is a namesake is still a returnee the report must expect.
 */
function anyOdds(d: DecisionRecord): number | null {
  if (d.score === null || !d.candidates?.length) return bestOdds(d);
  const odds = d.candidates.map(oddsOf);
  const top = Math.max(...odds);
  return top + Math.log2(odds.reduce((s, o) => s + 2 ** (o - top), 0));
}

export interface AccuracyFigures {
  autoPrecision: number | null;
  reviewPrecision: number | null;
  /** Share of returnees flagged or sent to review. */
  foundRecall: number | null;
  /** Share of returnees flagged automatically. */
  autoRecall: number | null;
}

export interface DriftWarning {
  metric: 'auto_precision' | 'review_precision';
  estimated: number;
  measured: number;
  /** The difference allowed before this warning: max(stated tolerance, z standard errors). */
  tolerance: number;
  samples: number;
}

export interface AccuracyReport {
  decisions: number;
  auto: number;
  review: number;
  none: number;
  reviewLoad: number | null;
  estimated: AccuracyFigures & {
    expectedReturnees: number;
    /** Estimated share of applicants who are returnees (the prior the probabilities above use). */
    returneeShare: number | null;
  };
  measured: AccuracyFigures & {
    decidedReviews: number;
    confirmed: number;
    rejected: number;
    undone: number;
    /** The estimate of review precision over the same decided reviews (what `reviewPrecision` is compared with). */
    estimatedForDecided: number | null;
  };
  drift: DriftWarning[];
  /** What other review budgets would have bought on the same decisions (see budgetOptions). */
  budgets: BudgetOption[];
}

/** Review shares the report prices beside HR's own. */
export const BUDGET_SHARES = [0.02, 0.05, 0.07, 0.1] as const;

/**
 * One review budget priced on the latest decisions: had the applicants not flagged automatically been sent to
 * review best score first until this share of all applicants was reached, how many returnees would the report
 * expect found, and how many of the reviews added over the next smaller budget would be right. (The budget's
 * online threshold spends a little under its share: REVIEW_BUDGET.safety.)
 */
export interface BudgetOption {
  share: number;
  reviews: number;
  /** The score the last of those reviews had (null: no review at this share). */
  reviewFrom: number | null;
  foundRecall: number | null;
  reviewPrecision: number | null;
  /** Estimated share right among the reviews this budget adds over the next smaller one. */
  marginalPrecision: number | null;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

function tolerance(estimate: number, n: number, floor: number): number {
  return Math.max(floor, ACCURACY_REPORT.z * Math.sqrt((estimate * (1 - estimate)) / Math.max(n, 1)));
}

/**
 * Each share (sorted; HR's own among them) priced on the same decisions: the model's probability that each
 * decision's best candidate is right, summed over the automatic flags and the best-scored rest up to the share.
 * The differences between budgets are what HR chooses by; the level carries the report's own bias (found_recall
 * estimated 1–5 points high, docs/matching-accuracy.md).
 */
export function budgetOptions(
  records: readonly DecisionRecord[],
  shares: readonly number[],
  returneeShare: number = estimateReturneeShare(records.map(anyOdds)),
): BudgetOption[] {
  const p = (d: DecisionRecord): number => returneeProbability(bestOdds(d), returneeShare);
  const expected = records.reduce((s, d) => s + returneeProbability(anyOdds(d), returneeShare), 0);
  const flagged = records.filter((d) => d.decision === 'match').reduce((s, d) => s + p(d), 0);
  const rest = records
    .filter((d) => d.decision !== 'match' && d.score !== null)
    .map((d) => ({ score: d.score as number, p: p(d) }))
    .sort((a, b) => b.score - a.score);
  let previous = { reviews: 0, right: 0 };
  return [...new Set(shares)]
    .sort((a, b) => a - b)
    .map((s) => {
      // (0.29 × 100 is 28.999… in floating point.)
      const picked = rest.slice(0, Math.floor(s * records.length + 1e-9));
      const right = picked.reduce((acc, x) => acc + x.p, 0);
      const option: BudgetOption = {
        share: s,
        reviews: picked.length,
        reviewFrom: picked.length > 0 ? picked[picked.length - 1].score : null,
        foundRecall: ratio(flagged + right, expected),
        reviewPrecision: ratio(right, picked.length),
        marginalPrecision: ratio(right - previous.right, picked.length - previous.reviews),
      };
      previous = { reviews: picked.length, right };
      return option;
    });
}

export function accuracyReport(
  records: readonly DecisionRecord[],
  budgetShares: readonly number[] = BUDGET_SHARES,
): AccuracyReport {
  // Returnees expected among applicants: any candidate; found ones: the best candidate (the one proposed).
  const share = estimateReturneeShare(records.map(anyOdds));
  const sum = (xs: readonly DecisionRecord[]): number =>
    xs.reduce((s, d) => s + returneeProbability(bestOdds(d), share), 0);
  const sumAny = (xs: readonly DecisionRecord[]): number =>
    xs.reduce((s, d) => s + returneeProbability(anyOdds(d), share), 0);
  const auto = records.filter((d) => d.decision === 'match');
  const review = records.filter((d) => d.decision === 'review');
  const none = records.filter((d) => d.decision === 'none');
  const expected = sumAny(records);
  const estimated = {
    autoPrecision: ratio(sum(auto), auto.length),
    reviewPrecision: ratio(sum(review), review.length),
    foundRecall: ratio(sum(auto) + sum(review), expected),
    autoRecall: ratio(sum(auto), expected),
    expectedReturnees: Math.round(expected * 10) / 10,
    returneeShare: records.length > 0 ? Math.round(share * 1000) / 1000 : null,
  };

  const decided = review.filter((d) => d.verdict === 'confirmed' || d.verdict === 'rejected');
  const confirmed = decided.filter((d) => d.verdict === 'confirmed').length;
  const undone = auto.filter((d) => d.verdict === 'undone').length;
  const reviewPrecision = ratio(confirmed, decided.length);
  const estimatedForDecided = ratio(sum(decided), decided.length);
  const autoPrecision = ratio(auto.length - undone, auto.length);
  // Returnees found as HR saw them: flags not undone, confirmed reviews, open reviews at the measured rate.
  // Those never shown to anyone cannot be measured: the model's expectation over 'none' decisions stands in.
  const open = review.filter((d) => d.verdict === null).length;
  const foundRight =
    auto.length - undone + confirmed + open * (reviewPrecision ?? estimated.reviewPrecision ?? 0);
  const missed = sumAny(none);
  const measured = {
    autoPrecision,
    reviewPrecision,
    foundRecall: ratio(foundRight, foundRight + missed),
    autoRecall: ratio(auto.length - undone, foundRight + missed),
    decidedReviews: decided.length,
    confirmed,
    rejected: decided.length - confirmed,
    undone,
    estimatedForDecided,
  };

  const drift: DriftWarning[] = [];
  if (
    reviewPrecision !== null &&
    estimatedForDecided !== null &&
    decided.length >= ACCURACY_REPORT.minMeasured
  ) {
    const tol = tolerance(estimatedForDecided, decided.length, ACCURACY_REPORT.reviewTolerance);
    if (Math.abs(reviewPrecision - estimatedForDecided) > tol) {
      drift.push({
        metric: 'review_precision',
        estimated: estimatedForDecided,
        measured: reviewPrecision,
        tolerance: tol,
        samples: decided.length,
      });
    }
  }
  if (
    autoPrecision !== null &&
    estimated.autoPrecision !== null &&
    auto.length >= ACCURACY_REPORT.minMeasured
  ) {
    const tol = tolerance(estimated.autoPrecision, auto.length, ACCURACY_REPORT.autoTolerance);
    // Undos only ever lower the measured figure (HR does not confirm flags), so only a shortfall warns.
    if (estimated.autoPrecision - autoPrecision > tol) {
      drift.push({
        metric: 'auto_precision',
        estimated: estimated.autoPrecision,
        measured: autoPrecision,
        tolerance: tol,
        samples: auto.length,
      });
    }
  }
  return {
    decisions: records.length,
    auto: auto.length,
    review: review.length,
    none: none.length,
    reviewLoad: ratio(review.length, records.length),
    estimated,
    measured,
    drift,
    budgets: budgetOptions(records, budgetShares, share),
  };
}
