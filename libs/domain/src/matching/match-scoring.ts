import { compareBirthDates, normaliseBirthDate } from './birth-date-normalisation';
import { isCorporateEmail, normaliseEmail, type NormalisedEmail } from './email-normalisation';
import { evidenceText, type EvidenceNote, type EvidenceReason } from './evidence-text';
import { normaliseEmployeeNumber } from './employee-number';
import { FREQUENCY_KEY, fullNameKeys, writtenNameKey } from './match-keys';
import {
  alumnusNames,
  applicantNameHypotheses,
  type AlumnusNames,
  type NameHypothesis,
  type NamePart,
} from './name-hypotheses';
import { nameSkeleton, typoDistance } from './name-normalisation';
import { normalisePhone } from './phone-normalisation';
import { compareWorkHistory, entriesNamingCompany, parseHistoryDate, type HistoryDate } from './work-history';
import type {
  AlumnusIdentity,
  ApplicantIdentity,
  MatchContext,
  MatchEvidence,
  MatchStatistics,
  ScoredCandidate,
} from './match-types';

/*
 * Fellegi–Sunter scoring. Each field adds log2(m/u): m = chance of this outcome when applicant and alumnus
 * are one person, u = chance when they are not. Name agreement uses u = registry frequency of the name,
 * so a rare name counts for much more than 佐藤. The score adds the prior log2(1/N) (one alumnus among N),
 * so it reads as log2 posterior odds and thresholds need not move with registry size.
 */
export const MATCH_WEIGHTS = {
  /** log2 m for a name part that agrees (typos and field mix-ups make m a little below 1). */
  nameAgreeM: -0.3,
  /** Former surname in the registry: a little less likely than the current one. */
  formerSurnameM: -1,
  /**
   * Names alone may lift the score at most this far above the prior. A registry count of 1 only says a name
   * is rarer than 1/N, and namesakes exist (deliberately or not), so a name never decides on its own.
   */
  nameOnlyCeiling: 6,
  /** Same reading, different kanji (the applicant gave kana): plausible but not typical of one person. */
  readingOnlyPenalty: -4,
  /**
   * Same kanji, another reading (村上 read ムラウエ by the applicant, ムラカミ in the registry): a person's reading
   * does not change, so this is most often another family writing its name alike; a slip in either kana field
   * keeps it from being a full disagreement.
   */
  otherReadingPenalty: -4,
  /**
   * Agreement through a dictionary reading of a kanji-only registry name (the registry kept no kana): the
   * reading is a guess among several (上田: ウエダ, カミダ …), so it counts less than a recorded one.
   */
  derivedReadingPenalty: -2,
  /** Surnames change on marriage (and back): disagreement is weak evidence. */
  familyDisagree: -3,
  /** Given names hardly ever change. */
  givenDisagree: -10,
  /** One-letter difference in a long reading: as likely a slip as a different name, so roughly neutral. */
  givenTypo: 1,
  familyTypo: 0,
  /** u ≈ 1 / (365 days × ~50 birth years), when the registry's own count of that date is not known. */
  birthDateAgree: 13,
  /** Bounds on the registry-derived weight (a tiny or a skewed registry must not make a date decisive). */
  birthDateAgreeMin: 8,
  birthDateAgreeMax: 15,
  /** One slip (one part differs, or day/month swapped): rare for both, roughly neutral. */
  birthDatePartial: 0,
  birthDateDisagree: -12,
  /** A personal address is close to unique; households rarely share one. */
  personalEmailAgree: 20,
  /** Company addresses are known to colleagues and dead after leaving: weak evidence. */
  corporateEmailAgree: 3,
  /**
   * About half of returnees come back with a new personal address. Counted only beside an agreeing phone: a
   * returnee who changes one contact usually changes the other, so when no phone agrees either, a new address is
   * what a returnee who brings only their name looks like and says nothing more (measured: name-only proposals
   * with a different address on file were right as often as those one bit higher without one).
   */
  emailDisagree: -1,
  /**
   * Phones identify a household, not a person: agreement says "same household", and the given name then
   * says which member. Within a household the surname is shared, so it is capped by householdFamilyCap.
   */
  phoneAgree: 17,
  householdFamilyCap: 2,
  /**
   * With the phone agreeing, the stranger to rule out is a relative sharing it. A relative has another surname
   * (an in-law, a married child) about as often as one person's surname changes: a different surname then says
   * little either way, and the given name decides which member of the household this is.
   */
  householdFamilyDisagree: -1,
  phoneDisagree: -0.5,
  /** A claimed number may be mistyped, but agreeing by chance is very unlikely. */
  employeeNumberAgree: 14,
  employeeNumberDisagree: -5,
  /**
   * An identifier agreement (personal e-mail, phone, claimed employee number) points at one person or one
   * household in the whole registry: a stranger shares it with this alumnus about one time in N, so its worth
   * grows with the registry like the prior shrinks. The fixed weights above stand for small registries; from
   * about 20,000 people on, the agreement counts log2(N) plus this much (what it says beyond "one in N": a
   * personal address is nearly always the person; a phone may be a relative's; a number may be mistyped).
   */
  personalEmailOverPrior: 6,
  phoneOverPrior: 3,
  employeeNumberOverPrior: 0,
} as const;

const round = (x: number): number => Math.round(x * 100) / 100;

type TenantWeightKey = 'emailDisagree' | 'phoneDisagree' | 'familyDisagree';

/** The tenant's estimated weight where one exists (parameter-estimation.ts bounds it), else the shipped one. */
function wt(ctx: MatchContext | undefined, key: TenantWeightKey): number {
  return ctx?.weights?.[key] ?? MATCH_WEIGHTS[key];
}

type IdentifierKey = 'personalEmailAgree' | 'phoneAgree' | 'employeeNumberAgree';
const OVER_PRIOR: Record<IdentifierKey, number> = {
  personalEmailAgree: MATCH_WEIGHTS.personalEmailOverPrior,
  phoneAgree: MATCH_WEIGHTS.phoneOverPrior,
  employeeNumberAgree: MATCH_WEIGHTS.employeeNumberOverPrior,
};

/**
 * An identifier's agreement weight for a registry of 2^log2N people: the shipped weight or log2(N) plus its
 * margin, whichever is larger. (Not estimated per tenant: see TenantWeightKey in parameter-estimation.ts.)
 */
export function identifierAgreeWeight(key: IdentifierKey, log2N: number): number {
  return Math.max(MATCH_WEIGHTS[key], log2N + OVER_PRIOR[key]);
}

/** Applicant data normalised once and reused for every candidate. */
export interface PreparedApplicant {
  hypotheses: NameHypothesis[];
  birthDate: string | null;
  emails: NormalisedEmail[];
  phones: string[];
  employeeNumber: string | null;
  /** The periods of the work-history entries that name the tenant's company (none when no names are known). */
  companyPeriods: { start: HistoryDate | null; end: HistoryDate | null }[];
}

export function prepareApplicant(
  p: ApplicantIdentity,
  ctx?: Pick<MatchContext, 'companyNames'>,
): PreparedApplicant {
  return {
    companyPeriods: entriesNamingCompany(p.workHistory, ctx?.companyNames).map((w) => ({
      start: parseHistoryDate(w.startDate),
      end: parseHistoryDate(w.endDate),
    })),
    hypotheses: applicantNameHypotheses(p),
    birthDate: normaliseBirthDate(p.birthDate),
    emails: (p.emails ?? []).map((e) => normaliseEmail(e)).filter((e): e is NormalisedEmail => e !== null),
    phones: (p.phones ?? []).map((x) => normalisePhone(x)).filter((x): x is string => x !== null),
    employeeNumber: normaliseEmployeeNumber(p.employeeNumber),
  };
}

/** Only when an entry names the company: most applications list other employers or none, and say nothing here. */
function workHistoryEvidence(p: PreparedApplicant, a: AlumnusIdentity): MatchEvidence | null {
  const c = compareWorkHistory(p.companyPeriods, a);
  if (!c) return null;
  return { field: 'work_history', outcome: c.outcome, weight: c.weight, detail: '', reason: c.reason };
}

type PartRole = 'family' | 'given';

interface PartComparison {
  outcome: MatchEvidence['outcome'];
  weight: number;
  reason: EvidenceReason;
  oneIn?: number;
  viaFormerSurname?: boolean;
  /** Agreement with the first of the registry's romaji given names only. */
  firstGivenWord?: boolean;
  /** Agreement rests on a dictionary-derived reading. */
  derived?: boolean;
  /** The written form and both sides' recorded readings agree (not just one of them). */
  textAndReading?: boolean;
}

/** Agreement weight log2(N / frequency): how surprising it is that a stranger shares this name part. */
function rarityWeight(stats: MatchStatistics, key: string): number {
  const n = Math.max(stats.alumniCount, 1);
  const f = Math.max(stats.frequency(key), 1);
  return Math.max(Math.log2(n / f), 0);
}

/**
 * Rarity of a reading among the alumni whose name part has one (a registry without kana for some people
 * would otherwise make every reading look rarer than it is); among everyone where that count is not known.
 */
function readingRarityWeight(stats: MatchStatistics, role: PartRole, skeleton: string): number {
  const key = role === 'family' ? FREQUENCY_KEY.familyReading : FREQUENCY_KEY.givenReading;
  const recorded = stats.frequency(
    role === 'family' ? FREQUENCY_KEY.familyReadingRecorded : FREQUENCY_KEY.givenReadingRecorded,
  );
  if (recorded <= 0) return rarityWeight(stats, key(skeleton));
  return Math.max(Math.log2(recorded / Math.max(stats.frequency(key(skeleton)), 1)), 0);
}

function comparePart(
  p: NamePart,
  a: NamePart,
  role: PartRole,
  stats: MatchStatistics,
  via: 'current' | 'former',
  ctx?: MatchContext,
): PartComparison {
  const former = via === 'former' ? { viaFormerSurname: true } : {};
  const m = via === 'former' ? MATCH_WEIGHTS.formerSurnameM : MATCH_WEIGHTS.nameAgreeM;
  const textKey = role === 'family' ? FREQUENCY_KEY.familyText : FREQUENCY_KEY.givenText;
  if (!p.text && !p.skeleton) return { outcome: 'missing', weight: 0, reason: 'name_not_given' };
  if (!a.text) return { outcome: 'missing', weight: 0, reason: 'name_not_in_registry' };
  if (p.text === a.text) {
    const textWeight = rarityWeight(stats, textKey(p.text));
    // Kanji with a reading on both sides: the reading says which family writes it so (村上: ムラカミ or ムラウエ).
    const reading = p.script === 'kanji' && a.skeleton !== null ? p.skeleton : null;
    if (
      reading !== null &&
      a.skeleton !== null &&
      reading !== a.skeleton &&
      !isLikelyTypo(reading, a.skeleton)
    ) {
      return {
        outcome: 'partial',
        weight: textWeight + m + MATCH_WEIGHTS.otherReadingPenalty,
        reason: 'name_written_alike_read_differently',
        ...former,
      };
    }
    // Sharing the kanji and the reading is at least as rare as the rarer of the two.
    const both = reading !== null && reading === a.skeleton;
    const w = both ? Math.max(textWeight, readingRarityWeight(stats, role, reading)) : textWeight;
    return {
      outcome: 'agree',
      weight: w + m,
      reason: 'name_agrees',
      oneIn: oneIn(w),
      ...(both ? { textAndReading: true } : {}),
      ...former,
    };
  }
  if (p.skeleton && a.skeleton && p.skeleton === a.skeleton) {
    const w = readingRarityWeight(stats, role, p.skeleton);
    if (p.script === 'kanji' && a.script === 'kanji') {
      return {
        outcome: 'partial',
        weight: w + m + MATCH_WEIGHTS.readingOnlyPenalty,
        reason: 'name_reading_agrees_written_differently',
        ...former,
      };
    }
    return { outcome: 'agree', weight: w + m, reason: 'name_agrees_by_reading', oneIn: oneIn(w), ...former };
  }
  if (p.skeleton && !a.skeleton && a.script === 'kanji' && ctx?.readings) {
    const derived = derivedAgreement(p.skeleton, a.text, role, stats, m, ctx.readings);
    if (derived) return { ...derived, ...former };
  }
  const comparable =
    (p.script === 'kanji' && a.script === 'kanji') || (p.skeleton !== null && a.skeleton !== null);
  if (!comparable) return { outcome: 'missing', weight: 0, reason: 'name_not_comparable' };
  if (p.skeleton && a.skeleton && isLikelyTypo(p.skeleton, a.skeleton)) {
    return {
      outcome: 'partial',
      weight: role === 'family' ? MATCH_WEIGHTS.familyTypo : MATCH_WEIGHTS.givenTypo,
      reason: 'name_one_letter_off',
      ...former,
    };
  }
  if (role === 'family')
    return { outcome: 'disagree', weight: wt(ctx, 'familyDisagree'), reason: 'name_differs', ...former };
  return { outcome: 'disagree', weight: MATCH_WEIGHTS.givenDisagree, reason: 'name_differs' };
}

function derivedAgreement(
  skeleton: string,
  kanji: string,
  role: PartRole,
  stats: MatchStatistics,
  m: number,
  readings: NonNullable<MatchContext['readings']>,
): PartComparison | null {
  if (!readings(kanji, role).some((r) => nameSkeleton(r) === skeleton)) return null;
  const w = readingRarityWeight(stats, role, skeleton);
  const weight = w + m + MATCH_WEIGHTS.derivedReadingPenalty;
  return {
    outcome: 'partial',
    weight,
    reason: 'name_agrees_dictionary_reading',
    derived: true,
  };
}

/** Short names are too close to each other (Yuki/Yuka are different people); only longer ones count as typos. */
function isLikelyTypo(a: string, b: string): boolean {
  return Math.min(a.length, b.length) >= 4 && Math.max(a.length, b.length) >= 5 && typoDistance(a, b) === 1;
}

/** Rarity as "1 in X" of the registry: informative without revealing the name. */
function oneIn(w: number): number {
  return Math.max(1, Math.round(2 ** w));
}

function bestFamily(
  p: NamePart,
  a: AlumnusNames,
  stats: MatchStatistics,
  ctx?: MatchContext,
): PartComparison {
  let best = comparePart(p, a.family, 'family', stats, 'current', ctx);
  for (const prev of a.previousFamilies) {
    const c = comparePart(p, prev, 'family', stats, 'former', ctx);
    if (c.outcome !== 'missing' && (best.outcome === 'missing' || c.weight > best.weight)) best = c;
  }
  return best;
}

/** The registry's given name, or only the first of several romaji ones (John for "John Michael"). */
function bestGiven(p: NamePart, a: AlumnusNames, stats: MatchStatistics, ctx?: MatchContext): PartComparison {
  const whole = comparePart(p, a.given, 'given', stats, 'current', ctx);
  if (!a.firstGiven || whole.outcome === 'agree') return whole;
  const first = comparePart(p, a.firstGiven, 'given', stats, 'current', ctx);
  return first.outcome === 'agree' ? { ...first, firstGivenWord: true } : whole;
}

const LAYOUT_NOTE: Record<NameHypothesis['layout'], EvidenceNote | null> = {
  'as-entered': null,
  swapped: 'fields_swapped',
  'single-field': 'single_field',
};

function partEvidence(
  field: 'family_name' | 'given_name',
  c: PartComparison,
  notes: EvidenceNote[],
): MatchEvidence {
  const all: EvidenceNote[] = c.firstGivenWord ? [...notes, 'registry_first_given_name'] : [...notes];
  return {
    field,
    outcome: c.outcome,
    weight: round(c.weight),
    detail: '',
    reason: c.reason,
    ...(c.oneIn !== undefined ? { oneIn: c.oneIn } : {}),
    ...(c.viaFormerSurname ? { viaFormerSurname: true } : {}),
    ...(all.length > 0 ? { notes: all } : {}),
  };
}

function nameEvidence(
  p: PreparedApplicant,
  a: AlumnusNames,
  stats: MatchStatistics,
  ctx?: MatchContext,
): {
  evidence: MatchEvidence[];
  derived: Set<MatchEvidence>;
  hypothesis?: NameHypothesis;
  /** Both parts agree in kanji and in the readings both sides recorded. */
  textAndReading?: boolean;
} {
  let best: { family: PartComparison; given: PartComparison; h: NameHypothesis } | null = null;
  for (const h of p.hypotheses) {
    const family = bestFamily(h.family, a, stats, ctx);
    const given = bestGiven(h.given, a, stats, ctx);
    const total = family.weight + given.weight;
    // Ties go to the earlier (as-entered) reading.
    if (!best || total > best.family.weight + best.given.weight) best = { family, given, h };
  }
  if (!best) {
    return {
      evidence: [
        { field: 'family_name', outcome: 'missing', weight: 0, detail: '', reason: 'name_not_given' },
        { field: 'given_name', outcome: 'missing', weight: 0, detail: '', reason: 'name_not_given' },
      ],
      derived: new Set(),
    };
  }
  const layout = LAYOUT_NOTE[best.h.layout];
  const notes: EvidenceNote[] = [
    ...(layout ? [layout] : []),
    ...(best.h.formerFamily ? (['applicant_former_surname'] as const) : []),
  ];
  const family = partEvidence('family_name', best.family, notes);
  const given = partEvidence('given_name', best.given, notes);
  const derived = new Set<MatchEvidence>();
  if (best.family.derived) derived.add(family);
  if (best.given.derived) derived.add(given);
  const textAndReading = best.family.textAndReading === true && best.given.textAndReading === true;
  return { evidence: [family, given], derived, hypothesis: best.h, textAndReading };
}

/**
 * log2(N / alumni with this full name): what a full-name agreement can be worth at most. The count is the
 * largest over the name's written and read forms, unless the candidate agrees in both (村上 麻佳 read ムラウエ
 * マカ): then it is the people recorded with both (recordedNameCount).
 */
function fullNameWeight(h: NameHypothesis, stats: MatchStatistics, textAndReading: boolean): number | null {
  const keyFrequency = stats.keyFrequency;
  if (!keyFrequency) return null;
  const written = h.family.text && h.given.text ? writtenNameKey(h.family, h.given) : null;
  const counts = fullNameKeys(h.family, h.given).map((k) => keyFrequency(k));
  const count = textAndReading ? recordedNameCount(h, stats, written, counts) : Math.max(0, ...counts);
  // One means only the candidate: the name is rarer than 1/N, and the parts' estimate stands.
  if (count < 2) return null;
  return Math.log2(Math.max(stats.alumniCount, 1) / count) + 2 * MATCH_WEIGHTS.nameAgreeM;
}

/** Key of a full name as recorded: kanji and reading of both parts. */
function recordedNameKey(family: NamePart, given: NamePart): string {
  return `${family.text}|${family.skeleton ?? ''}|${given.text}|${given.skeleton ?? ''}`;
}

/**
 * Alumni recorded with the applicant's kanji and reading. The keys count people under either form (a derived
 * reading, another kanji read alike), so the candidates themselves are counted — when every alumnus written
 * so is among them; otherwise the smaller key count stands.
 */
function recordedNameCount(
  h: NameHypothesis,
  stats: MatchStatistics,
  written: string | null,
  counts: number[],
): number {
  const pool = stats.recordedNames;
  const key = recordedNameKey(h.family, h.given);
  const complete =
    pool && written !== null && pool.written(written) >= (stats.keyFrequency?.(written) ?? Infinity);
  return complete ? pool.withReading(key) : Math.min(...counts);
}

/**
 * MatchStatistics.recordedNames for a set of candidates, counted on first use: most applicants give no kana,
 * and a match has a few milliseconds.
 */
export function recordedNamesOf(candidates: readonly AlumnusIdentity[]): MatchStatistics['recordedNames'] {
  let counts: { withReading: Map<string, number>; written: Map<string, number> } | null = null;
  const count = (): NonNullable<typeof counts> => {
    if (counts) return counts;
    counts = { withReading: new Map(), written: new Map() };
    const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
    for (const a of candidates) {
      const { family, given } = alumnusNames(a);
      if (!family.text || !given.text) continue;
      bump(counts.withReading, recordedNameKey(family, given));
      bump(counts.written, writtenNameKey(family, given));
    }
    return counts;
  };
  return {
    withReading: (k) => count().withReading.get(k) ?? 0,
    written: (k) => count().written.get(k) ?? 0,
  };
}

/** log2(N / alumni born that day): how surprising it is that a stranger shares the date. */
function birthDateAgreeWeight(stats: MatchStatistics): number {
  if (stats.birthDateFrequency === undefined) return MATCH_WEIGHTS.birthDateAgree;
  const w = Math.log2(Math.max(stats.alumniCount, 1) / Math.max(stats.birthDateFrequency, 1));
  return Math.min(Math.max(w, MATCH_WEIGHTS.birthDateAgreeMin), MATCH_WEIGHTS.birthDateAgreeMax);
}

function birthDateEvidence(p: PreparedApplicant, a: AlumnusIdentity, stats: MatchStatistics): MatchEvidence {
  const ad = normaliseBirthDate(a.birthDate);
  if (!p.birthDate || !ad) {
    return {
      field: 'birth_date',
      outcome: 'missing',
      weight: 0,
      detail: '',
      reason: p.birthDate ? 'birth_date_not_in_registry' : 'birth_date_not_given',
    };
  }
  switch (compareBirthDates(p.birthDate, ad)) {
    case 'agree':
      return {
        field: 'birth_date',
        outcome: 'agree',
        weight: round(birthDateAgreeWeight(stats)),
        detail: '',
        reason: 'birth_date_agrees',
      };
    case 'partial':
      return {
        field: 'birth_date',
        outcome: 'partial',
        weight: MATCH_WEIGHTS.birthDatePartial,
        detail: '',
        reason: 'birth_date_one_part_off',
      };
    case 'disagree':
      return {
        field: 'birth_date',
        outcome: 'disagree',
        weight: MATCH_WEIGHTS.birthDateDisagree,
        detail: '',
        reason: 'birth_date_differs',
      };
  }
}

function emailEvidence(
  p: PreparedApplicant,
  a: AlumnusIdentity,
  ctx: MatchContext,
  log2N: number,
  phoneAgrees: boolean,
): MatchEvidence {
  const alumnus = a.emails.map((e) => normaliseEmail(e)).filter((e): e is NormalisedEmail => e !== null);
  if (p.emails.length === 0 || alumnus.length === 0) {
    return {
      field: 'email',
      outcome: 'missing',
      weight: 0,
      detail: '',
      reason: p.emails.length ? 'email_not_in_registry' : 'email_not_given',
    };
  }
  let corporateAgree: MatchEvidence | null = null;
  for (const pe of p.emails) {
    const hit = alumnus.find((ae) => ae.canonical === pe.canonical);
    if (!hit) continue;
    if (isCorporateEmail(pe.domain, ctx.corporateEmailDomains)) {
      corporateAgree = {
        field: 'email',
        outcome: 'partial',
        weight: MATCH_WEIGHTS.corporateEmailAgree,
        detail: '',
        reason: 'company_email_agrees',
      };
      continue;
    }
    const viaGmail = hit.plain !== pe.plain;
    return {
      field: 'email',
      outcome: 'agree',
      weight: round(identifierAgreeWeight('personalEmailAgree', log2N)),
      detail: '',
      reason: viaGmail ? 'personal_email_agrees_normalised' : 'personal_email_agrees',
    };
  }
  if (corporateAgree) return corporateAgree;
  const personal = (list: NormalisedEmail[]): boolean =>
    list.some((e) => !isCorporateEmail(e.domain, ctx.corporateEmailDomains));
  if (personal(p.emails) && personal(alumnus)) {
    return {
      field: 'email',
      outcome: 'disagree',
      weight: phoneAgrees ? wt(ctx, 'emailDisagree') : 0,
      detail: '',
      reason: phoneAgrees ? 'personal_email_differs_phone_agrees' : 'personal_email_differs',
    };
  }
  return { field: 'email', outcome: 'missing', weight: 0, detail: '', reason: 'email_not_comparable' };
}

function phoneEvidence(
  p: PreparedApplicant,
  a: AlumnusIdentity,
  ctx: MatchContext,
  log2N: number,
): MatchEvidence {
  const alumnus = new Set(a.phones.map((x) => normalisePhone(x)).filter((x): x is string => x !== null));
  if (p.phones.length === 0 || alumnus.size === 0) {
    return {
      field: 'phone',
      outcome: 'missing',
      weight: 0,
      detail: '',
      reason: p.phones.length ? 'phone_not_in_registry' : 'phone_not_given',
    };
  }
  if (p.phones.some((x) => alumnus.has(x))) {
    return {
      field: 'phone',
      outcome: 'agree',
      weight: round(identifierAgreeWeight('phoneAgree', log2N)),
      detail: '',
      reason: 'phone_agrees',
    };
  }
  return {
    field: 'phone',
    outcome: 'disagree',
    weight: wt(ctx, 'phoneDisagree'),
    detail: '',
    reason: 'phone_differs',
  };
}

function employeeNumberEvidence(p: PreparedApplicant, a: AlumnusIdentity, log2N: number): MatchEvidence {
  if (!p.employeeNumber)
    return {
      field: 'employee_number',
      outcome: 'missing',
      weight: 0,
      detail: '',
      reason: 'employee_number_not_claimed',
    };
  if (p.employeeNumber === normaliseEmployeeNumber(a.employeeNumber)) {
    return {
      field: 'employee_number',
      outcome: 'agree',
      weight: round(identifierAgreeWeight('employeeNumberAgree', log2N)),
      detail: '',
      reason: 'employee_number_agrees',
    };
  }
  return {
    field: 'employee_number',
    outcome: 'disagree',
    weight: MATCH_WEIGHTS.employeeNumberDisagree,
    detail: '',
    reason: 'employee_number_other_record',
  };
}

function addNote(e: MatchEvidence, note: EvidenceNote): void {
  e.notes = [...(e.notes ?? []), note];
}

/** Score one prepared applicant against one alumnus, with the evidence in words. */
export function scorePrepared(
  p: PreparedApplicant,
  a: AlumnusIdentity,
  stats: MatchStatistics,
  ctx: MatchContext,
): ScoredCandidate {
  return describeEvidence(scoreEvidence(p, a, stats, ctx));
}

/** Writes each piece of evidence's English detail (done only for the candidates a decision shows). */
export function describeEvidence(c: ScoredCandidate): ScoredCandidate {
  for (const e of c.evidence) e.detail = evidenceText(e, 'en');
  return c;
}

/**
 * Score one prepared applicant against one alumnus; `detail` is left empty (describeEvidence writes it): a
 * match scores up to a few hundred candidates and shows five.
 */
export function scoreEvidence(
  p: PreparedApplicant,
  a: AlumnusIdentity,
  stats: MatchStatistics,
  ctx: MatchContext,
): ScoredCandidate {
  const log2N = Math.log2(Math.max(stats.alumniCount, 1));
  const phone = phoneEvidence(p, a, ctx, log2N);
  const {
    evidence: names,
    derived,
    hypothesis,
    textAndReading,
  } = nameEvidence(p, alumnusNames(a), stats, ctx);
  const nameTotal = names.reduce((s, e) => s + e.weight, 0);
  const bothAgree = names.every((e) => e.outcome === 'agree');
  const joint = bothAgree && hypothesis ? fullNameWeight(hypothesis, stats, textAndReading === true) : null;
  const ceiling = Math.min(log2N + MATCH_WEIGHTS.nameOnlyCeiling, joint ?? Number.POSITIVE_INFINITY);
  if (nameTotal > ceiling && nameTotal > 0) {
    // Scale both parts down proportionally, keeping their relative contribution visible.
    const factor = Math.max(ceiling, 0) / nameTotal;
    const why: EvidenceNote =
      joint !== null && joint < log2N + MATCH_WEIGHTS.nameOnlyCeiling
        ? 'capped_full_name'
        : 'capped_names_alone';
    for (const e of names) {
      if (e.weight > 0) {
        e.weight = round(e.weight * factor);
        addNote(e, why);
      }
    }
  }
  if (phone.outcome === 'agree') {
    for (const e of names) {
      if (e.field !== 'family_name') continue;
      if (e.weight > MATCH_WEIGHTS.householdFamilyCap) {
        e.weight = MATCH_WEIGHTS.householdFamilyCap;
        addNote(e, 'household_family_cap');
      } else if (e.outcome === 'disagree' && e.weight < MATCH_WEIGHTS.householdFamilyDisagree) {
        e.weight = MATCH_WEIGHTS.householdFamilyDisagree;
        addNote(e, 'household_family_disagree');
      }
    }
  }
  const evidence: MatchEvidence[] = [
    ...names,
    birthDateEvidence(p, a, stats),
    emailEvidence(p, a, ctx, log2N, phone.outcome === 'agree'),
    phone,
    employeeNumberEvidence(p, a, log2N),
  ];
  const stated = workHistoryEvidence(p, a);
  if (stated) evidence.push(stated);
  const prior = -log2N;
  const score = evidence.reduce((s, e) => s + e.weight, prior);
  const derivedWeight = [...derived].reduce((s, e) => s + Math.max(e.weight, 0), 0);
  const statedWeight = Math.max(stated?.weight ?? 0, 0);
  return {
    employeeNumber: a.employeeNumber,
    score: round(score),
    evidence,
    ...(derivedWeight > 0 ? { derivedWeight: round(derivedWeight) } : {}),
    ...(statedWeight > 0 ? { statedWeight } : {}),
  };
}

export function scoreCandidate(
  p: ApplicantIdentity,
  a: AlumnusIdentity,
  stats: MatchStatistics,
  ctx: MatchContext,
): ScoredCandidate {
  return scorePrepared(prepareApplicant(p, ctx), a, stats, ctx);
}
