import { describeEvidence, prepareApplicant, recordedNamesOf, scoreEvidence } from './match-scoring';
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

/** Lowest estimated precision of an automatic flag when the weights are the tenant's estimate. */
export const AUTO_MATCH_MIN_PRECISION = 0.998;
/** The same as a score (log2 posterior odds): log2(0.998 / 0.002) ≈ 8.96. */
export const AUTO_MATCH_MIN_SCORE = Math.log2(AUTO_MATCH_MIN_PRECISION / (1 - AUTO_MATCH_MIN_PRECISION));

/** Probability that the pair is one person, from a score on the log2-odds scale. */
export function matchProbability(score: number): number {
  return 1 / (1 + 2 ** -score);
}

/** Fields whose agreement is independent of the names: evidence a dictionary reading cannot stand in for. */
const CORROBORATING_FIELDS: ReadonlySet<string> = new Set([
  'birth_date',
  'email',
  'phone',
  'employee_number',
]);

/** Another field agrees outright (a company e-mail's weak 'partial' does not count). */
function isCorroborated(c: ScoredCandidate): boolean {
  return c.evidence.some((e) => e.outcome === 'agree' && CORROBORATING_FIELDS.has(e.field));
}

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
  // A derived reading is a guess, and a work history is the applicant's own word: on their own they may bring
  // someone to review, never to an automatic flag. Beside an agreeing birth date or identifier they only have to
  // tell apart the few people who share that field.
  const provenScore = isCorroborated(best)
    ? best.score
    : best.score - Math.max(best.derivedWeight ?? 0, 0) - Math.max(best.statedWeight ?? 0, 0);
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
  const prepared = prepareApplicant(p, ctx);
  const pooled: MatchStatistics = { ...stats, recordedNames: recordedNamesOf(candidates) };
  const decision = decideMatch(
    candidates.map((a) => scoreEvidence(prepared, a, pooled, ctx)),
    thresholds,
  );
  for (const c of decision.candidates) describeEvidence(c);
  return decision;
}
