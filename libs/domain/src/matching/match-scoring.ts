import { compareBirthDates, normaliseBirthDate } from './birth-date-normalisation';
import { isCorporateEmail, normaliseEmail, type NormalisedEmail } from './email-normalisation';
import { normaliseEmployeeNumber } from './employee-number';
import { FREQUENCY_KEY } from './match-keys';
import {
  alumnusNames,
  applicantNameHypotheses,
  type AlumnusNames,
  type NameHypothesis,
  type NamePart,
} from './name-hypotheses';
import { nameSkeleton, typoDistance } from './name-normalisation';
import { normalisePhone } from './phone-normalisation';
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
}

export function prepareApplicant(p: ApplicantIdentity): PreparedApplicant {
  return {
    hypotheses: applicantNameHypotheses(p),
    birthDate: normaliseBirthDate(p.birthDate),
    emails: (p.emails ?? []).map((e) => normaliseEmail(e)).filter((e): e is NormalisedEmail => e !== null),
    phones: (p.phones ?? []).map((x) => normalisePhone(x)).filter((x): x is string => x !== null),
    employeeNumber: normaliseEmployeeNumber(p.employeeNumber),
  };
}

type PartRole = 'family' | 'given';

interface PartComparison {
  outcome: MatchEvidence['outcome'];
  weight: number;
  detail: string;
  /** Agreement rests on a dictionary-derived reading. */
  derived?: boolean;
}

/** Agreement weight log2(N / frequency): how surprising it is that a stranger shares this name part. */
function rarityWeight(stats: MatchStatistics, key: string): number {
  const n = Math.max(stats.alumniCount, 1);
  const f = Math.max(stats.frequency(key), 1);
  return Math.max(Math.log2(n / f), 0);
}

function comparePart(
  p: NamePart,
  a: NamePart,
  role: PartRole,
  stats: MatchStatistics,
  via: 'current' | 'former',
  ctx?: MatchContext,
): PartComparison {
  const label = role === 'family' ? 'family name' : 'given name';
  const suffix = via === 'former' ? ' via former surname' : '';
  const m = via === 'former' ? MATCH_WEIGHTS.formerSurnameM : MATCH_WEIGHTS.nameAgreeM;
  const textKey = role === 'family' ? FREQUENCY_KEY.familyText : FREQUENCY_KEY.givenText;
  const readingKey = role === 'family' ? FREQUENCY_KEY.familyReading : FREQUENCY_KEY.givenReading;
  if (!p.text && !p.skeleton) return { outcome: 'missing', weight: 0, detail: `${label} not given` };
  if (!a.text) return { outcome: 'missing', weight: 0, detail: `${label} not in registry` };
  if (p.text === a.text) {
    const w = rarityWeight(stats, textKey(p.text));
    return {
      outcome: 'agree',
      weight: w + m,
      detail: `${label} agrees${suffix} (1 in ${freqLabel(stats, w)})`,
    };
  }
  if (p.skeleton && a.skeleton && p.skeleton === a.skeleton) {
    const w = rarityWeight(stats, readingKey(p.skeleton));
    if (p.script === 'kanji' && a.script === 'kanji') {
      return {
        outcome: 'partial',
        weight: w + m + MATCH_WEIGHTS.readingOnlyPenalty,
        detail: `${label} reading agrees${suffix} but written differently`,
      };
    }
    return {
      outcome: 'agree',
      weight: w + m,
      detail: `${label} agrees by reading${suffix} (1 in ${freqLabel(stats, w)})`,
    };
  }
  if (p.skeleton && !a.skeleton && a.script === 'kanji' && ctx?.readings) {
    const derived = derivedAgreement(p.skeleton, a.text, role, stats, m, ctx.readings);
    if (derived) return { ...derived, detail: derived.detail.replace('{label}', label) + suffix };
  }
  const comparable =
    (p.script === 'kanji' && a.script === 'kanji') || (p.skeleton !== null && a.skeleton !== null);
  if (!comparable)
    return {
      outcome: 'missing',
      weight: 0,
      detail: `${label} not comparable (different scripts, no reading)`,
    };
  if (p.skeleton && a.skeleton && isLikelyTypo(p.skeleton, a.skeleton)) {
    return {
      outcome: 'partial',
      weight: role === 'family' ? MATCH_WEIGHTS.familyTypo : MATCH_WEIGHTS.givenTypo,
      detail: `${label} differs by one letter${suffix} (possible typo)`,
    };
  }
  if (role === 'family')
    return {
      outcome: 'disagree',
      weight: wt(ctx, 'familyDisagree'),
      detail: `family name differs${suffix}`,
    };
  return { outcome: 'disagree', weight: MATCH_WEIGHTS.givenDisagree, detail: 'given name differs' };
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
  const readingKey = role === 'family' ? FREQUENCY_KEY.familyReading : FREQUENCY_KEY.givenReading;
  const w = rarityWeight(stats, readingKey(skeleton));
  const weight = w + m + MATCH_WEIGHTS.derivedReadingPenalty;
  return {
    outcome: 'partial',
    weight,
    detail: `{label} agrees with a dictionary reading of the registry's kanji (no kana recorded)`,
    derived: true,
  };
}

/** Short names are too close to each other (Yuki/Yuka are different people); only longer ones count as typos. */
function isLikelyTypo(a: string, b: string): boolean {
  return Math.min(a.length, b.length) >= 4 && Math.max(a.length, b.length) >= 5 && typoDistance(a, b) === 1;
}

function freqLabel(stats: MatchStatistics, w: number): string {
  // Express rarity as "1 in X" of the registry: informative without revealing the name.
  return String(Math.max(1, Math.round(2 ** w)));
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

const LAYOUT_NOTE: Record<NameHypothesis['layout'], string> = {
  'as-entered': '',
  swapped: ' (family and given name fields swapped)',
  'single-field': ' (whole name in one field)',
};
const FORMER_FAMILY_NOTE = ' (read with the former surname the applicant wrote in brackets)';

function nameEvidence(
  p: PreparedApplicant,
  a: AlumnusNames,
  stats: MatchStatistics,
  ctx?: MatchContext,
): { evidence: MatchEvidence[]; derived: Set<MatchEvidence>; hypothesis?: NameHypothesis } {
  let best: { family: PartComparison; given: PartComparison; h: NameHypothesis } | null = null;
  for (const h of p.hypotheses) {
    const family = bestFamily(h.family, a, stats, ctx);
    const given = comparePart(h.given, a.given, 'given', stats, 'current', ctx);
    const total = family.weight + given.weight;
    // Ties go to the earlier (as-entered) reading.
    if (!best || total > best.family.weight + best.given.weight) best = { family, given, h };
  }
  if (!best) {
    return {
      evidence: [
        { field: 'family_name', outcome: 'missing', weight: 0, detail: 'family name not given' },
        { field: 'given_name', outcome: 'missing', weight: 0, detail: 'given name not given' },
      ],
      derived: new Set(),
    };
  }
  const note = LAYOUT_NOTE[best.h.layout] + (best.h.formerFamily ? FORMER_FAMILY_NOTE : '');
  const family: MatchEvidence = {
    field: 'family_name',
    outcome: best.family.outcome,
    weight: round(best.family.weight),
    detail: best.family.detail + note,
  };
  const given: MatchEvidence = {
    field: 'given_name',
    outcome: best.given.outcome,
    weight: round(best.given.weight),
    detail: best.given.detail + note,
  };
  const derived = new Set<MatchEvidence>();
  if (best.family.derived) derived.add(family);
  if (best.given.derived) derived.add(given);
  return { evidence: [family, given], derived, hypothesis: best.h };
}

/** log2(N / alumni with this full name): what a full-name agreement can be worth at most. */
function fullNameWeight(h: NameHypothesis, stats: MatchStatistics): number | null {
  if (!stats.keyFrequency) return null;
  const keys: string[] = [];
  if (h.family.text && h.given.text) keys.push(`nt:${h.family.text}|${h.given.text}`);
  if (h.family.skeleton && h.given.skeleton) keys.push(`nr:${h.family.skeleton}|${h.given.skeleton}`);
  if (h.family.text && h.given.skeleton) keys.push(`nx:${h.family.text}|${h.given.skeleton}`);
  const count = Math.max(0, ...keys.map((k) => stats.keyFrequency!(k)));
  // One means only the candidate: the name is rarer than 1/N, and the parts' estimate stands.
  if (count < 2) return null;
  return Math.log2(Math.max(stats.alumniCount, 1) / count) + 2 * MATCH_WEIGHTS.nameAgreeM;
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
      detail: p.birthDate ? 'date of birth not in registry' : 'date of birth not given',
    };
  }
  switch (compareBirthDates(p.birthDate, ad)) {
    case 'agree':
      return {
        field: 'birth_date',
        outcome: 'agree',
        weight: round(birthDateAgreeWeight(stats)),
        detail: 'date of birth agrees',
      };
    case 'partial':
      return {
        field: 'birth_date',
        outcome: 'partial',
        weight: MATCH_WEIGHTS.birthDatePartial,
        detail: 'date of birth differs by one part (possible typo)',
      };
    case 'disagree':
      return {
        field: 'birth_date',
        outcome: 'disagree',
        weight: MATCH_WEIGHTS.birthDateDisagree,
        detail: 'date of birth differs',
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
      detail: p.emails.length ? 'no e-mail in registry' : 'no e-mail given',
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
        detail: 'company e-mail agrees (weak: company addresses are known to colleagues and end on leaving)',
      };
      continue;
    }
    const viaGmail = hit.plain !== pe.plain;
    return {
      field: 'email',
      outcome: 'agree',
      weight: round(identifierAgreeWeight('personalEmailAgree', log2N)),
      detail: viaGmail ? 'personal e-mail agrees after Gmail normalisation' : 'personal e-mail agrees',
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
      detail: phoneAgrees
        ? 'personal e-mail differs although the phone agrees'
        : 'personal e-mail differs (returnees who change contacts usually change them all)',
    };
  }
  return { field: 'email', outcome: 'missing', weight: 0, detail: 'no comparable personal e-mail' };
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
      detail: p.phones.length ? 'no phone in registry' : 'no phone given',
    };
  }
  if (p.phones.some((x) => alumnus.has(x))) {
    return {
      field: 'phone',
      outcome: 'agree',
      weight: round(identifierAgreeWeight('phoneAgree', log2N)),
      detail: 'phone agrees (may be a shared household phone)',
    };
  }
  return {
    field: 'phone',
    outcome: 'disagree',
    weight: wt(ctx, 'phoneDisagree'),
    detail: 'phone differs',
  };
}

function employeeNumberEvidence(p: PreparedApplicant, a: AlumnusIdentity, log2N: number): MatchEvidence {
  if (!p.employeeNumber)
    return { field: 'employee_number', outcome: 'missing', weight: 0, detail: 'no employee number claimed' };
  if (p.employeeNumber === normaliseEmployeeNumber(a.employeeNumber)) {
    return {
      field: 'employee_number',
      outcome: 'agree',
      weight: round(identifierAgreeWeight('employeeNumberAgree', log2N)),
      detail: 'claimed employee number agrees',
    };
  }
  return {
    field: 'employee_number',
    outcome: 'disagree',
    weight: MATCH_WEIGHTS.employeeNumberDisagree,
    detail: 'claimed employee number is another record',
  };
}

/** Score one prepared applicant against one alumnus. */
export function scorePrepared(
  p: PreparedApplicant,
  a: AlumnusIdentity,
  stats: MatchStatistics,
  ctx: MatchContext,
): ScoredCandidate {
  const log2N = Math.log2(Math.max(stats.alumniCount, 1));
  const phone = phoneEvidence(p, a, ctx, log2N);
  const { evidence: names, derived, hypothesis } = nameEvidence(p, alumnusNames(a), stats, ctx);
  const nameTotal = names.reduce((s, e) => s + e.weight, 0);
  const bothAgree = names.every((e) => e.outcome === 'agree');
  const joint = bothAgree && hypothesis ? fullNameWeight(hypothesis, stats) : null;
  const ceiling = Math.min(log2N + MATCH_WEIGHTS.nameOnlyCeiling, joint ?? Number.POSITIVE_INFINITY);
  if (nameTotal > ceiling && nameTotal > 0) {
    // Scale both parts down proportionally, keeping their relative contribution visible.
    const factor = Math.max(ceiling, 0) / nameTotal;
    const why =
      joint !== null && joint < log2N + MATCH_WEIGHTS.nameOnlyCeiling
        ? '; capped: counted as the full name, which other alumni share'
        : '; capped: names alone never decide';
    for (const e of names) {
      if (e.weight > 0) {
        e.weight = round(e.weight * factor);
        e.detail += why;
      }
    }
  }
  if (phone.outcome === 'agree') {
    for (const e of names) {
      if (e.field !== 'family_name') continue;
      if (e.weight > MATCH_WEIGHTS.householdFamilyCap) {
        e.weight = MATCH_WEIGHTS.householdFamilyCap;
        e.detail += '; counts little next to a shared phone (relatives share both)';
      } else if (e.outcome === 'disagree' && e.weight < MATCH_WEIGHTS.householdFamilyDisagree) {
        e.weight = MATCH_WEIGHTS.householdFamilyDisagree;
        e.detail += '; says little next to a shared phone (relatives differ in surname as often)';
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
  const prior = -log2N;
  const score = evidence.reduce((s, e) => s + e.weight, prior);
  const derivedWeight = [...derived].reduce((s, e) => s + Math.max(e.weight, 0), 0);
  return {
    employeeNumber: a.employeeNumber,
    score: round(score),
    evidence,
    ...(derivedWeight > 0 ? { derivedWeight: round(derivedWeight) } : {}),
  };
}

export function scoreCandidate(
  p: ApplicantIdentity,
  a: AlumnusIdentity,
  stats: MatchStatistics,
  ctx: MatchContext,
): ScoredCandidate {
  return scorePrepared(prepareApplicant(p), a, stats, ctx);
}
