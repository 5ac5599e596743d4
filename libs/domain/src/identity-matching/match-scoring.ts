import { emailDomain, isPersonalPhone, normaliseBirthDate, normaliseEmail, normaliseEmployeeNumber, normalisePhone } from './contact-normalisation';
import type { AlumnusIdentity, ApplicantIdentity, MatchContext, MatchStatistics } from './identity';
import { FREQUENCY_KEY } from './match-keys';
import { alumnusNames, applicantNameHypotheses, NameHypothesis, NamePart } from './name-forms';
import { hasKanji } from './name-normalisation';

export type EvidenceOutcome = 'agree' | 'partial' | 'disagree' | 'missing' | 'prior';

/** Why a candidate scored as it did. `detail` names fields and methods, never the person's values. */
export interface MatchEvidence {
  field: string;
  outcome: EvidenceOutcome;
  /** Log2 likelihood ratio contributed to the score. */
  weight: number;
  detail: string;
}

export interface ScoredCandidate {
  employeeNumber: string;
  score: number;
  /** Something besides the name agrees (a personal contact, the birth date, a claimed number). */
  corroborated: boolean;
  evidence: MatchEvidence[];
}

const CORROBORATING_FIELDS = new Set(['email', 'phone', 'birth_date', 'employee_number']);

/**
 * Fellegi–Sunter weights, log2(m/u): m = chance the field agrees when it is the same person, u = chance
 * it agrees by coincidence. Contacts and dates are near-unique; names get u from their frequency in the
 * registry (smoothed towards 1/PRIOR_POPULATION for small registries), so 佐藤 健 weighs far less than
 * 桜浦 愛. Disagreement on a birth date or a given name (which rarely change) counts strongly against;
 * on a surname only mildly (marriage), on e-mail and phone not at all (people change them).
 */
export const MATCH_WEIGHTS = {
  personalEmail: 16,
  corporateEmail: 3,
  /** Both sides have personal e-mails and none is shared: returnees keep theirs about half the time. */
  emailDisagree: -1,
  personalPhone: 16,
  /**
   * A shared contact with a different given name is what relatives (a family address, a home phone)
   * look like: the contact then identifies the household, not the person.
   */
  householdContact: 4,
  sharedPhone: 5,
  /** Both sides have phones and none is shared: returnees keep theirs about three times in four. */
  phoneDisagree: -2,
  employeeNumberAgree: 12,
  employeeNumberDisagree: -3,
  birthAgree: 12,
  birthNear: -1,
  birthDisagree: -10,
  nameM: 0.95,
  /** Reading-only agreement (same sound, different or unknown kanji) is weaker than written agreement. */
  readingOnlyPenalty: 1.5,
  familyViaPrevious: 1,
  familyMin: 1.5,
  familyMax: 12,
  givenMin: 1.5,
  givenMax: 12,
  /** About 7% of returnees come back under another surname (marriage, divorce). */
  familyDisagree: -3.5,
  givenDisagree: -8,
  wholeNameAgree: 12,
  priorPopulation: 1_000,
  /** The prior: an applicant is a given former employee with odds of about 1 in the registry's size. */
  minPriorRegistry: 1_000,
} as const;

type PartOutcome = { outcome: EvidenceOutcome; weight: number; detail: string };

function nameWeight(stats: MatchStatistics, freq: number, min: number, max: number): number {
  const u = (freq + 1) / (stats.alumniCount + MATCH_WEIGHTS.priorPopulation);
  return Math.min(max, Math.max(min, Math.log2(MATCH_WEIGHTS.nameM / u)));
}

function comparePart(
  applicant: NamePart | null,
  candidates: { part: NamePart; via: string }[],
  stats: MatchStatistics,
  kind: 'family' | 'given',
): PartOutcome {
  const label = kind === 'family' ? 'family name' : 'given name';
  if (!applicant) return { outcome: 'missing', weight: 0, detail: `${label} not given` };
  const [min, max] = kind === 'family' ? [MATCH_WEIGHTS.familyMin, MATCH_WEIGHTS.familyMax] : [MATCH_WEIGHTS.givenMin, MATCH_WEIGHTS.givenMax];
  const writtenKey = kind === 'family' ? FREQUENCY_KEY.familyWritten : FREQUENCY_KEY.givenWritten;
  const readingKey = kind === 'family' ? FREQUENCY_KEY.familyReading : FREQUENCY_KEY.givenReading;
  let comparable = false;
  let best: PartOutcome | null = null;
  for (const { part, via } of candidates) {
    const viaText = via ? ` ${via}` : '';
    if (applicant.written && part.written) {
      comparable = true;
      if (applicant.written === part.written) {
        const w = nameWeight(stats, stats.frequency(writtenKey(part.written)), min, max) - (via ? MATCH_WEIGHTS.familyViaPrevious : 0);
        const o: PartOutcome = { outcome: 'agree', weight: w, detail: `${label} agrees as written${viaText}` };
        if (!best || o.weight > best.weight) best = o;
        continue;
      }
    }
    // Two different kanji spellings with the same reading (愛/藍) are different names, not a variant.
    if (applicant.written && part.written && hasKanji(applicant.written) && hasKanji(part.written)) continue;
    if (applicant.reading && part.reading) {
      comparable = true;
      if (applicant.reading === part.reading) {
        const w = nameWeight(stats, stats.frequency(readingKey(part.reading)), min, max) - MATCH_WEIGHTS.readingOnlyPenalty - (via ? MATCH_WEIGHTS.familyViaPrevious : 0);
        const o: PartOutcome = { outcome: 'partial', weight: w, detail: `${label} agrees by reading (kana/romaji)${viaText}` };
        if (!best || o.weight > best.weight) best = o;
      }
    }
  }
  if (best) return best;
  if (!comparable) return { outcome: 'missing', weight: 0, detail: `${label} not comparable (different scripts, no reading on file)` };
  return {
    outcome: 'disagree',
    weight: kind === 'family' ? MATCH_WEIGHTS.familyDisagree : MATCH_WEIGHTS.givenDisagree,
    detail: `${label} differs`,
  };
}

function scoreNames(h: NameHypothesis, a: AlumnusIdentity, stats: MatchStatistics): MatchEvidence[] {
  const names = alumnusNames(a);
  if (h.whole) {
    const agree = h.whole === names.family.written + names.given.written || names.previousFamilies.some((f) => h.whole === f.written + names.given.written);
    return [
      agree
        ? { field: 'name', outcome: 'agree', weight: MATCH_WEIGHTS.wholeNameAgree, detail: 'full name agrees as written (one field)' }
        : { field: 'name', outcome: 'disagree', weight: MATCH_WEIGHTS.givenDisagree, detail: 'full name differs (one field)' },
    ];
  }
  const family = comparePart(h.family, [{ part: names.family, via: '' }, ...names.previousFamilies.map((p) => ({ part: p, via: 'via former surname (旧姓)' }))], stats, 'family');
  const given = comparePart(h.given, [{ part: names.given, via: '' }], stats, 'given');
  const order = h.swapped ? ' (name fields swapped)' : '';
  // Family and given names are not independent (name pools, families naming alike): when the full name
  // is itself common in the registry, its frequency caps what the two agreements may add up to.
  const agreeing = (o: PartOutcome) => o.outcome === 'agree' || o.outcome === 'partial';
  if (agreeing(family) && agreeing(given) && h.family && h.given) {
    const byWriting = family.outcome === 'agree' && given.outcome === 'agree';
    const key = byWriting
      ? FREQUENCY_KEY.fullWritten(h.family.written, h.given.written)
      : h.family.reading && h.given.reading
        ? FREQUENCY_KEY.fullReading(h.family.reading, h.given.reading)
        : null;
    const k = key ? stats.frequency(key) : 0;
    const cap = Math.log2((MATCH_WEIGHTS.nameM * MATCH_WEIGHTS.nameM) / (k / (stats.alumniCount + MATCH_WEIGHTS.priorPopulation))) - (byWriting ? 0 : 2 * MATCH_WEIGHTS.readingOnlyPenalty);
    const total = family.weight + given.weight;
    if (k > 1 && total > cap) {
      const scale = cap / total;
      family.weight *= scale;
      given.weight *= scale;
      given.detail += `; the full name is shared by ${k > 9 ? 'many' : 'several'} former employees`;
    }
  }
  return [
    { field: 'family_name', ...family, detail: family.detail + (family.outcome === 'agree' || family.outcome === 'partial' ? order : '') },
    { field: 'given_name', ...given, detail: given.detail + (given.outcome === 'agree' || given.outcome === 'partial' ? order : '') },
  ];
}

function scoreContacts(p: ApplicantIdentity, a: AlumnusIdentity, ctx: MatchContext, givenDiffers: boolean): MatchEvidence[] {
  const out: MatchEvidence[] = [];
  const aEmails = new Set(a.emails.map(normaliseEmail).filter((e): e is string => !!e));
  const pEmails = (p.emails ?? []).map((raw) => ({ raw, n: normaliseEmail(raw) })).filter((e): e is { raw: string; n: string } => !!e.n);
  const sharedEmail = pEmails.find((e) => aEmails.has(e.n));
  if (sharedEmail) {
    const corporate = ctx.corporateEmailDomains.has(emailDomain(sharedEmail.n));
    const method = sharedEmail.raw.trim().toLowerCase() === sharedEmail.n ? '' : ' after normalisation (case, spaces, Gmail dots/+tag)';
    out.push(
      corporate
        ? { field: 'email', outcome: 'partial', weight: MATCH_WEIGHTS.corporateEmail, detail: 'company e-mail agrees (weak: company addresses are not theirs after leaving)' }
        : givenDiffers
          ? { field: 'email', outcome: 'partial', weight: MATCH_WEIGHTS.householdContact, detail: `personal e-mail agrees${method}, but the given name differs (a shared family address?)` }
          : { field: 'email', outcome: 'agree', weight: MATCH_WEIGHTS.personalEmail, detail: `personal e-mail agrees${method}` },
    );
  } else {
    const personal = (emails: Iterable<string>) => [...emails].some((e) => !ctx.corporateEmailDomains.has(emailDomain(e)));
    if (personal(pEmails.map((e) => e.n)) && personal(aEmails)) {
      out.push({ field: 'email', outcome: 'disagree', weight: MATCH_WEIGHTS.emailDisagree, detail: 'no e-mail in common (weak: people change addresses)' });
    }
  }
  const aPhones = new Set(a.phones.map(normalisePhone).filter((x): x is string => !!x));
  const sharedPhone = (p.phones ?? []).map(normalisePhone).find((x): x is string => !!x && aPhones.has(x));
  if (sharedPhone) {
    out.push(
      givenDiffers
        ? { field: 'phone', outcome: 'partial', weight: MATCH_WEIGHTS.householdContact, detail: 'phone agrees, but the given name differs (a shared household number?)' }
        : isPersonalPhone(sharedPhone)
          ? { field: 'phone', outcome: 'agree', weight: MATCH_WEIGHTS.personalPhone, detail: 'mobile number agrees (E.164)' }
          : { field: 'phone', outcome: 'partial', weight: MATCH_WEIGHTS.sharedPhone, detail: 'landline agrees (may be shared by a household)' },
    );
  } else if (aPhones.size && (p.phones ?? []).some((x) => normalisePhone(x))) {
    out.push({ field: 'phone', outcome: 'disagree', weight: MATCH_WEIGHTS.phoneDisagree, detail: 'no phone number in common (weak: numbers change)' });
  }
  return out;
}

function scoreBirth(p: ApplicantIdentity, a: AlumnusIdentity): MatchEvidence | null {
  const pb = normaliseBirthDate(p.birthDate);
  const ab = normaliseBirthDate(a.birthDate);
  if (!pb || !ab) return null;
  if (pb === ab) return { field: 'birth_date', outcome: 'agree', weight: MATCH_WEIGHTS.birthAgree, detail: 'date of birth agrees' };
  const [py, pm, pd] = pb.split('-');
  const [ay, am, ad] = ab.split('-');
  // A typo or a day/month swap is not evidence of a different person, nor of the same one.
  const near = (py === ay && pm === ad && pd === am) || [py !== ay, pm !== am, pd !== ad].filter(Boolean).length === 1;
  return near
    ? { field: 'birth_date', outcome: 'partial', weight: MATCH_WEIGHTS.birthNear, detail: 'date of birth differs in one part (possible typo)' }
    : { field: 'birth_date', outcome: 'disagree', weight: MATCH_WEIGHTS.birthDisagree, detail: 'date of birth differs' };
}

function scoreEmployeeNumber(p: ApplicantIdentity, a: AlumnusIdentity): MatchEvidence | null {
  const claimed = normaliseEmployeeNumber(p.employeeNumber);
  if (!claimed) return null;
  return claimed === normaliseEmployeeNumber(a.employeeNumber)
    ? { field: 'employee_number', outcome: 'agree', weight: MATCH_WEIGHTS.employeeNumberAgree, detail: 'claimed former employee number agrees' }
    : { field: 'employee_number', outcome: 'disagree', weight: MATCH_WEIGHTS.employeeNumberDisagree, detail: 'claimed former employee number differs' };
}

const sum = (ev: readonly MatchEvidence[]) => ev.reduce((s, e) => s + e.weight, 0);

/** Scores one candidate: the best name hypothesis plus contacts, birth date and a claimed number. */
export function scoreCandidate(p: ApplicantIdentity, a: AlumnusIdentity, stats: MatchStatistics, ctx: MatchContext): ScoredCandidate {
  const hypotheses = applicantNameHypotheses(p);
  let names: MatchEvidence[] = [];
  let best = -Infinity;
  for (const h of hypotheses) {
    const ev = scoreNames(h, a, stats);
    const s = sum(ev);
    if (s > best) {
      best = s;
      names = ev;
    }
  }
  const registry = Math.max(stats.alumniCount, MATCH_WEIGHTS.minPriorRegistry);
  const evidence: MatchEvidence[] = [
    { field: 'prior', outcome: 'prior', weight: -Math.log2(registry), detail: 'prior odds: one former employee among the whole registry' },
    ...names,
    ...scoreContacts(p, a, ctx, names.some((e) => (e.field === 'given_name' || e.field === 'name') && e.outcome === 'disagree')),
  ];
  const birth = scoreBirth(p, a);
  if (birth) evidence.push(birth);
  const emp = scoreEmployeeNumber(p, a);
  if (emp) evidence.push(emp);
  return {
    employeeNumber: a.employeeNumber,
    score: Math.round(sum(evidence) * 1000) / 1000,
    corroborated: evidence.some((e) => CORROBORATING_FIELDS.has(e.field) && e.outcome === 'agree'),
    evidence: evidence.map((e) => ({ ...e, weight: Math.round(e.weight * 100) / 100 })),
  };
}
