import { prepareApplicant, scorePrepared } from './match-scoring';
import type {
  AlumnusIdentity,
  ApplicantIdentity,
  MatchContext,
  MatchDecision,
  MatchStatistics,
  MatchThresholds,
  ScoredCandidate,
} from './match-types';

/**
 * Defaults on the log2-posterior-odds scale of scoreCandidate. A wrong automatic flag costs far more than a
 * review, so 'match' needs strong evidence beyond the name (or an extremely rare name) and a clear lead.
 */
export const DEFAULT_MATCH_THRESHOLDS: MatchThresholds = {
  match: 8,
  review: 2,
  minMargin: 4,
  maxCandidates: 5,
};

export function decideMatch(
  scored: ScoredCandidate[],
  thresholds: MatchThresholds = DEFAULT_MATCH_THRESHOLDS,
): MatchDecision {
  const sorted = [...scored].sort(
    (x, y) => y.score - x.score || x.employeeNumber.localeCompare(y.employeeNumber),
  );
  const candidates = sorted.slice(0, Math.max(thresholds.maxCandidates, 1));
  const best = sorted[0];
  if (!best) return { decision: 'none', employeeNumber: null, score: 0, candidates: [] };
  const runnerUp = sorted[1]?.score ?? Number.NEGATIVE_INFINITY;
  // A derived reading is a guess: it may bring someone to review, never to an automatic flag on its own.
  const provenScore = best.score - Math.max(best.derivedWeight ?? 0, 0);
  if (provenScore >= thresholds.match && best.score - runnerUp >= thresholds.minMargin) {
    return { decision: 'match', employeeNumber: best.employeeNumber, score: best.score, candidates };
  }
  if (best.score >= thresholds.review) {
    return { decision: 'review', employeeNumber: best.employeeNumber, score: best.score, candidates };
  }
  return { decision: 'none', employeeNumber: null, score: best.score, candidates };
}

/** Score every candidate the key lookup returned and decide. */
export function matchApplicant(
  p: ApplicantIdentity,
  candidates: AlumnusIdentity[],
  stats: MatchStatistics,
  ctx: MatchContext,
  thresholds: MatchThresholds = DEFAULT_MATCH_THRESHOLDS,
): MatchDecision {
  const prepared = prepareApplicant(p);
  return decideMatch(
    candidates.map((a) => scorePrepared(prepared, a, stats, ctx)),
    thresholds,
  );
}
