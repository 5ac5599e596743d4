// Recognising a returning applicant: normalisation, index keys, probabilistic scoring, decision.
export type { AlumnusIdentity, ApplicantIdentity, MatchContext, MatchStatistics } from './identity';
export { hasKanji, normaliseNameText, readingOf, readingOfKana, romajiSkeleton } from './name-normalisation';
export { FREE_MAIL_DOMAINS, isPersonalPhone, normaliseBirthDate, normaliseEmail, normaliseEmployeeNumber, normalisePhone } from './contact-normalisation';
export { alumnusNames, applicantNameHypotheses, type NameHypothesis, type NamePart } from './name-forms';
export { alumnusFrequencyKeys, alumnusMatchKeys, applicantProbeKeys, frequencyKeysForApplicant } from './match-keys';
export { MATCH_WEIGHTS, scoreCandidate, type EvidenceOutcome, type MatchEvidence, type ScoredCandidate } from './match-scoring';
export { DEFAULT_MATCH_THRESHOLDS, decideMatch, matchApplicant, type MatchDecision, type MatchThresholds } from './match-decision';
export { detectCorporateDomains } from './corporate-domains';
