import type { AlumnusIdentity, ApplicantIdentity, MatchContext, MatchStatistics } from './identity';
import { ScoredCandidate, scoreCandidate } from './match-scoring';

export interface MatchThresholds {
  /** Score (log2 likelihood ratio) from which a match is flagged automatically. */
  match: number;
  /** Score from which a person is asked. */
  review: number;
  /** How far the best must lead the runner-up to be flagged automatically. */
  margin: number;
}

/**
 * A wrong automatic flag costs far more than a review, and a review costs a recruiter's time: the
 * thresholds put both in budget (tuned on development data, checked on a held-out half).
 */
export const DEFAULT_MATCH_THRESHOLDS: MatchThresholds = { match: 2, review: -0.25, margin: 4 };

export interface MatchDecision {
  decision: 'match' | 'review' | 'none';
  employeeNumber: string | null;
  score: number;
  candidates: ScoredCandidate[];
}

const MAX_REPORTED_CANDIDATES = 5;

export function decideMatch(scored: readonly ScoredCandidate[], t: MatchThresholds = DEFAULT_MATCH_THRESHOLDS): MatchDecision {
  const ranked = [...scored].sort((x, y) => y.score - x.score || x.employeeNumber.localeCompare(y.employeeNumber));
  const [top, second] = ranked;
  const shown = ranked.filter((c) => c.score >= t.review - t.margin).slice(0, MAX_REPORTED_CANDIDATES);
  if (!top || top.score < t.review) return { decision: 'none', employeeNumber: null, score: top?.score ?? 0, candidates: shown };
  const leads = !second || top.score - second.score >= t.margin;
  // A name alone, however rare, is never enough to flag someone automatically: a person looks first.
  if (top.score >= t.match && leads && top.corroborated) return { decision: 'match', employeeNumber: top.employeeNumber, score: top.score, candidates: shown };
  return { decision: 'review', employeeNumber: top.employeeNumber, score: top.score, candidates: shown };
}

export function matchApplicant(
  p: ApplicantIdentity,
  candidates: readonly AlumnusIdentity[],
  stats: MatchStatistics,
  ctx: MatchContext,
  thresholds: MatchThresholds = DEFAULT_MATCH_THRESHOLDS,
): MatchDecision {
  return decideMatch(candidates.map((a) => scoreCandidate(p, a, stats, ctx)), thresholds);
}
