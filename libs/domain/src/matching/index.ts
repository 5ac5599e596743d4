// Public API of returnee identity matching (plain TypeScript; the persistence layer stores the keys).
export * from './match-types';
export {
  VARIANT_KANJI,
  detectScript,
  foldVariantKanji,
  hiraganaToKatakana,
  kanaToRomaji,
  nameSkeleton,
  normaliseNamePart,
  normaliseWidth,
  romajiSkeleton,
  stripLatinDiacritics,
  typoDistance,
  type NameScript,
} from './name-normalisation';
export {
  PUBLIC_EMAIL_DOMAINS,
  canonicalEmail,
  detectCorporateDomains,
  isCorporateEmail,
  normaliseEmail,
  type NormalisedEmail,
} from './email-normalisation';
export { normalisePhone } from './phone-normalisation';
export { MAX_COMPOSED_READINGS, composeNameReadings, type KanjiNameReadings } from './composed-readings';
export { normaliseEmployeeNumber } from './employee-number';
export { compareBirthDates, normaliseBirthDate, type BirthDateComparison } from './birth-date-normalisation';
export {
  alumnusNames,
  applicantNameHypotheses,
  makeNamePart,
  namePairs,
  type AlumnusNames,
  type NameHypothesis,
  type NamePart,
} from './name-hypotheses';
export {
  FREQUENCY_KEY,
  MATCH_KEYS_VERSION,
  alumnusFrequencyKeys,
  alumnusIndexKeys,
  isBirthDateKey,
  sharesBirthDateKey,
  alumnusMatchKeys,
  applicantProbeKeys,
  frequencyKeysForApplicant,
  suppressionKeys,
} from './match-keys';
export {
  MATCH_WEIGHTS,
  prepareApplicant,
  scoreCandidate,
  scorePrepared,
  type PreparedApplicant,
} from './match-scoring';
export {
  AUTO_MATCH_MIN_PRECISION,
  AUTO_MATCH_MIN_SCORE,
  DEFAULT_MATCH_THRESHOLDS,
  decideMatch,
  matchApplicant,
  matchProbability,
} from './match-decision';
export {
  DEFAULT_MAX_REVIEW_SHARE,
  REVIEW_BUDGET,
  ScoreWindow,
  type ScoreWindowSnapshot,
} from './review-budget';
export { selectKeyCandidates, type CandidateLimits, type KeyHit } from './candidate-selection';
export { evidenceForViewer, isSensitiveEvidenceField } from './sensitive-evidence';
export {
  EVIDENCE_FIELDS,
  EVIDENCE_NOTES,
  EVIDENCE_REASONS,
  EVIDENCE_TEXTS,
  evidenceFieldLabel,
  evidenceOutcomeLabel,
  evidenceText,
  type EvidenceFacts,
  type EvidenceLanguage,
  type EvidenceNote,
  type EvidenceReason,
} from './evidence-text';
export {
  COMPARISON_FIELDS,
  COMPARISON_LEVELS,
  EM_SETTINGS,
  TENANT_WEIGHT_BOUNDS,
  comparisonLevels,
  estimateParameters,
  patternFromKey,
  patternKey,
  tenantWeights,
  type ComparisonField,
  type ComparisonLevel,
  type ComparisonPattern,
  type EstimatedParameters,
  type FieldParameters,
  type TenantWeights,
} from './parameter-estimation';
export {
  ACCURACY_REPORT,
  accuracyReport,
  BUDGET_SHARES,
  budgetOptions,
  candidateOdds,
  contactsChanged,
  estimateReturneeShare,
  returneeProbability,
  type AccuracyFigures,
  type AccuracyReport,
  type AccuracyVerdict,
  type BudgetOption,
  type CandidateOdds,
  type DecisionRecord,
  type DriftWarning,
} from './accuracy-report';
export {
  WORK_HISTORY_WEIGHTS,
  companyAliases,
  compareWorkHistory,
  entriesNamingCompany,
  namesCompany,
  normaliseCompanyName,
  parseHistoryDate,
  type HistoryDate,
  type WorkHistoryClaim,
} from './work-history';
