// Rediscovery: which former employees fit an open job, ranked with reasons.
export {
  MAX_LEVEL_GAP,
  jobFamilyOf,
  levelRank,
  levelsWithinReach,
  jobTitleSkills,
  rankRediscoveryCandidates,
  scoreRediscoveryCandidate,
  type FitReason,
  type FitReasonCode,
  type RankedCandidate,
  type RankingOptions,
  type RediscoveryCandidate,
  type RediscoveryJob,
} from './rediscovery-ranking';
