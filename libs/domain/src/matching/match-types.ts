import type { EvidenceNote, EvidenceReason } from './evidence-text';
import type { WorkHistoryClaim } from './work-history';
/** A former employee as the matcher sees them (the registry row's identity fields). */
export interface AlumnusIdentity {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana?: string | null;
  givenNameKana?: string | null;
  previousFamilyNames: string[];
  /** YYYY-MM-DD */
  birthDate?: string | null;
  emails: string[];
  phones: string[];
  /** YYYY-MM-DD: compared with the months an applicant's work history gives for the company. */
  hireDate?: string | null;
  leaveDate?: string | null;
}

/** The name columns of a former employee: what name keys and name comparisons read. */
export type AlumnusNameColumns = Pick<
  AlumnusIdentity,
  'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana' | 'previousFamilyNames'
>;

/** What the ATS gives about an applicant; every field may be missing or in the wrong box. */
export interface ApplicantIdentity {
  firstName?: string | null;
  lastName?: string | null;
  firstNameKana?: string | null;
  lastNameKana?: string | null;
  emails?: string[];
  phones?: string[];
  birthDate?: string | null;
  employeeNumber?: string | null;
  /** Surnames the applicant says they had (an ATS 旧姓 field, the preview's former_family_names). */
  formerFamilyNames?: string[];
  /** The applicant's work history (CV, ATS employments): an entry naming the company says when they were here. */
  workHistory?: WorkHistoryClaim[];
}

export interface MatchContext {
  /** The tenant's company domains: addresses there don't identify someone after they left. */
  corporateEmailDomains: ReadonlySet<string>;
  /**
   * Candidate readings (katakana) of a kanji-only name from a dictionary, for comparing romaji or kana with
   * registry names HR recorded without kana (旧姓 especially). Injected: the domain holds no dictionary.
   */
  readings?: (text: string, role: 'family' | 'given') => readonly string[];
  /**
   * The other way round: surnames in kanji whose dictionary reading has this romaji skeleton (ono → 小野, 大野 …),
   * so an applicant writing their surname in romaji or kana can find a registry record that has it in kanji only.
   */
  familySurfaces?: (skeleton: string) => readonly string[];
  /**
   * Readings (katakana) of a given name written in kanji, from a precomputed name table (no dictionary needed),
   * composed per kanji for names the table lacks: a registry record without kana is also indexed under them, so
   * an applicant writing romaji or kana finds it.
   */
  givenNameReadings?: (kanji: string) => readonly string[];
  /**
   * Readings of a kanji surname the surname table does not list (竹江, composed per kanji): an applicant's romaji
   * cannot be turned into that kanji (familySurfaces does not know it), so a record keeping such a surname
   * without kana (its current one, or a former one in kanji only) is also indexed under these readings with its
   * given name's (nr keys). [] for surnames the table lists.
   */
  unlistedFamilyReadings?: (kanji: string) => readonly string[];
  /**
   * Field weights estimated from this tenant's own data (see parameter-estimation.ts); absent fields keep
   * MATCH_WEIGHTS. Already bounded by the estimator.
   */
  weights?: Partial<Record<'emailDisagree' | 'phoneDisagree' | 'familyDisagree', number>>;
  /**
   * The names the tenant's company goes by, normalised (work-history.ts companyAliases): a work-history entry
   * naming one of them is compared with the registry's hire and leave dates.
   */
  companyNames?: readonly string[];
}

export interface MatchStatistics {
  alumniCount: number;
  /** Number of alumni having that frequency key (see alumnusFrequencyKeys). */
  frequency(key: string): number;
  /**
   * How many alumni share the applicant's date of birth (when known): agreement then weighs
   * log2(N / count) instead of the shipped constant, so a date many people share (1 January) counts less.
   */
  birthDateFrequency?: number;
  /**
   * How many alumni are indexed under a match key (nt:/nr: full-name keys), when known. Family and given
   * names are not independent (a family's naming habits, a small foreign-name pool): the full name's own
   * count caps what the two parts add up to.
   */
  keyFrequency?: (key: string) => number;
  /**
   * How many of the scored candidates are recorded with a full name in kanji and kana (recordedNameKey), and
   * how many are written with it (its nt: key) whatever their kana. Set by matchApplicant.
   */
  recordedNames?: { withReading(key: string): number; written(key: string): number };
}

export type EvidenceOutcome = 'agree' | 'partial' | 'disagree' | 'missing';

/** One field's contribution. detail never contains the person's values. */
export interface MatchEvidence {
  field: string;
  outcome: EvidenceOutcome;
  /** log2 likelihood ratio contributed to the score. */
  weight: number;
  /** In English (evidence-text.ts renders it from the fields below, in either language). */
  detail: string;
  reason?: EvidenceReason;
  notes?: EvidenceNote[];
  /** A name part shared by about 1 in this many people of the registry. */
  oneIn?: number;
  /** The name agreed through one of the registry's former surnames. */
  viaFormerSurname?: boolean;
}

export interface ScoredCandidate {
  employeeNumber: string;
  /** log2 posterior odds that applicant and alumnus are one person (sum of weights plus the registry-size prior). */
  score: number;
  evidence: MatchEvidence[];
  /** Part of the score that rests on dictionary-derived readings: an automatic match must hold without it. */
  derivedWeight?: number;
  /** Part of the score that rests on what the applicant says about themselves (their work history): likewise. */
  statedWeight?: number;
}

export interface MatchThresholds {
  /** Minimum score for an automatic match. */
  match: number;
  /** Minimum score to show the best candidate to a person. */
  review: number;
  /** An automatic match also needs this lead over the runner-up. */
  minMargin: number;
  /** How many candidates a decision carries. */
  maxCandidates: number;
}

export interface MatchDecision {
  decision: 'match' | 'review' | 'none';
  employeeNumber: string | null;
  score: number;
  /** Best first, capped at thresholds.maxCandidates. */
  candidates: ScoredCandidate[];
}
