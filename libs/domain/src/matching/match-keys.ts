import { normaliseBirthDate } from './birth-date-normalisation';
import { canonicalEmail } from './email-normalisation';
import { normaliseEmployeeNumber } from './employee-number';
import { alumnusNames, applicantNameHypotheses, makeNamePart, type NamePart } from './name-hypotheses';
import { nameSkeletonV1, normaliseNamePart, normaliseNamePartV3 } from './name-normalisation';
import { normalisePhone } from './phone-normalisation';
import type { AlumnusIdentity, AlumnusNameColumns, ApplicantIdentity, MatchContext } from './match-types';

/*
 * Blocking keys. An alumnus is stored under every key below; an applicant probes with the same shapes.
 * Every name key combines two independent things (family + given, or a name part + date of birth),
 * so no key is as broad as a bare surname: with a million alumni a key holds tens of people at most.
 *   em: canonical e-mail        ph: E.164 phone          en: employee number (prefix-free)
 *   nt: family text | given text           (kanji/kana/latin as written)
 *   nr: family reading | given reading     (romaji skeletons)
 *   nx: family text | given reading        (kanji surname with a kana/romaji given name)
 *   ft/fr: family text/reading | birth date    gt/gr: given text/reading | birth date (surname changes)
 */

/**
 * Version of the key derivation (keys, skeletons, readings). Keys are stored per person at import, so a change
 * to how they are derived reaches people already in a registry only through a rebuild
 * (MatchKeyRebuildService, `match-keys:rebuild`): raise this with every such change.
 *   1: until December 2026.   2: romaji skeleton reads ou before oh (コウヘイ and Kohei meet).
 *   3: kanji-only names the tables lack (records without kana, former surnames) are indexed under readings
 *      composed per kanji.
 *   4: variant kanji 濵 栁 曾 莊 靜 峯 凜 folded; phones dialled from abroad (0081 …) or with an extension
 *      (内線 12) and addresses written "Name <address>" are read (they gave no key, or a wrong one); a registry
 *      name with a bracketed note (山田（旧姓：佐藤）) is indexed as the name and the former surname, a romaji
 *      given name of several words (John Michael) also under its first.
 *   5: frequency keys also count the people whose name part has a reading (fq:fk, fq:gk): a reading's rarity
 *      is counted among them.
 */
export const MATCH_KEYS_VERSION = 5;

export const FREQUENCY_KEY = {
  familyText: (text: string): string => `fq:ft:${text}`,
  familyReading: (skeleton: string): string => `fq:fr:${skeleton}`,
  givenText: (text: string): string => `fq:gt:${text}`,
  givenReading: (skeleton: string): string => `fq:gr:${skeleton}`,
  /** Everyone whose family (given) name has a reading: a reading's rarity is counted among them. */
  familyReadingRecorded: 'fq:fk',
  givenReadingRecorded: 'fq:gk',
} as const;

/** The nt: key of a full name as written (both parts must have a text). */
export function writtenNameKey(family: NamePart, given: NamePart): string {
  return `nt:${family.text}|${given.text}`;
}

/** The nr: key of a full name as read (romaji skeletons of both parts, recorded or derived). */
const readNameKey = (familySkeleton: string, givenSkeleton: string): string =>
  `nr:${familySkeleton}|${givenSkeleton}`;

/** The nx: key: the surname as written, the given name as read. */
const mixedNameKey = (familyText: string, givenSkeleton: string): string =>
  `nx:${familyText}|${givenSkeleton}`;

/** A full name's keys, in each form both parts have: written (nt), read (nr), written surname with read name (nx). */
export function fullNameKeys(family: NamePart, given: NamePart): string[] {
  const keys: string[] = [];
  if (family.text && given.text) keys.push(writtenNameKey(family, given));
  if (family.skeleton && given.skeleton) keys.push(readNameKey(family.skeleton, given.skeleton));
  if (family.text && given.skeleton) keys.push(mixedNameKey(family.text, given.skeleton));
  return keys;
}

function nameKeys(family: NamePart, given: NamePart, birthDate: string | null, out: Set<string>): void {
  for (const key of fullNameKeys(family, given)) out.add(key);
  familyDateKeys(family, birthDate, out);
}

function familyDateKeys(family: NamePart, birthDate: string | null, out: Set<string>): void {
  if (!birthDate) return;
  if (family.text) out.add(`ft:${family.text}|${birthDate}`);
  if (family.skeleton) out.add(`fr:${family.skeleton}|${birthDate}`);
}

function givenDateKeys(given: NamePart, birthDate: string | null, out: Set<string>): void {
  if (!birthDate) return;
  if (given.text) out.add(`gt:${given.text}|${birthDate}`);
  if (given.skeleton) out.add(`gr:${given.skeleton}|${birthDate}`);
}

function contactKeys(
  emails: readonly string[],
  phones: readonly string[],
  employeeNumber: string | null | undefined,
  out: Set<string>,
): void {
  for (const e of emails) {
    const c = canonicalEmail(e);
    if (c) out.add(`em:${c}`);
  }
  for (const raw of phones) {
    const ph = normalisePhone(raw);
    if (ph) out.add(`ph:${ph}`);
  }
  const en = normaliseEmployeeNumber(employeeNumber);
  if (en) out.add(`en:${en}`);
}

/**
 * Index keys of one alumnus. Company addresses are indexed too (an applicant quoting their old company
 * address should still find the record); scoring gives them little weight.
 */
export function alumnusMatchKeys(a: AlumnusIdentity, ctx: MatchContext): string[] {
  return alumnusKeys(a, true, ctx);
}

function alumnusKeys(a: AlumnusIdentity, withBirthDateKeys: boolean, ctx?: MatchContext): string[] {
  const out = new Set<string>();
  const names = alumnusNames(a);
  const dob = withBirthDateKeys ? normaliseBirthDate(a.birthDate) : null;
  for (const family of [names.family, ...names.previousFamilies]) {
    nameKeys(family, names.given, dob, out);
    if (names.firstGiven) nameKeys(family, names.firstGiven, dob, out);
    derivedReadingKeys(family, names.given, ctx, out);
  }
  givenDateKeys(names.given, dob, out);
  if (names.firstGiven) givenDateKeys(names.firstGiven, dob, out);
  contactKeys(a.emails, a.phones, a.employeeNumber, out);
  return [...out];
}

/** Dictionary readings indexed per kanji-only given name (裕子: ヒロコ, ユウコ …). */
export const MAX_DERIVED_GIVEN_READINGS = 3;
/** Composed readings indexed per kanji-only surname the surname table lacks (前下: マエシモ, マエシタ). */
export const MAX_DERIVED_FAMILY_READINGS = 2;

/**
 * A record kept without kana (久保 哲也) has no reading to compare an applicant's romaji or kana with, so it is
 * also stored under the given name's dictionary readings beside the kanji surname (nx:久保|tetuya): the key
 * an applicant writing "Kubo Tetsuya" probes through the surname table (derivedFamilyKeys). A surname that
 * table does not list (竹江, or a former surname such as 黒浦 kept in kanji only) cannot be reached that way, so
 * the record is stored under its composed readings too, with the given name's recorded or derived reading
 * (nr:take|masahiko): the key any applicant writing the name in romaji or kana probes. Scoring still weighs
 * such an agreement as a guess (derivedReadingPenalty).
 */
function derivedReadingKeys(
  family: NamePart,
  given: NamePart,
  ctx: MatchContext | undefined,
  out: Set<string>,
): void {
  if (!family.text || !given.text) return;
  let givenSkeletons: string[];
  if (given.skeleton) givenSkeletons = [given.skeleton];
  else if (given.script === 'kanji' && ctx?.givenNameReadings) {
    givenSkeletons = readingSkeletons(ctx.givenNameReadings(given.text), MAX_DERIVED_GIVEN_READINGS);
    for (const skeleton of givenSkeletons) out.add(mixedNameKey(family.text, skeleton));
  } else return;
  if (family.skeleton || family.script !== 'kanji' || !ctx?.unlistedFamilyReadings) return;
  for (const familySkeleton of readingSkeletons(
    ctx.unlistedFamilyReadings(family.text),
    MAX_DERIVED_FAMILY_READINGS,
  ))
    for (const skeleton of givenSkeletons) out.add(readNameKey(familySkeleton, skeleton));
}

function readingSkeletons(readings: readonly string[], max: number): string[] {
  const out: string[] = [];
  for (const reading of readings.slice(0, max)) {
    const skeleton = makeNamePart(reading).skeleton;
    if (skeleton && !out.includes(skeleton)) out.push(skeleton);
  }
  return out;
}

/**
 * Keys pairing a name part with the date of birth (ft/fr/gt/gr). The registry does not store them: it finds
 * people born that day through its birth-date index (a few dozen in a million) and keeps those sharing one of
 * these keys, which is the same candidate set for less than half the index rows.
 */
export function isBirthDateKey(key: string): boolean {
  return BIRTH_DATE_KEY_RE.test(key);
}
const BIRTH_DATE_KEY_RE = /^(?:ft|fr|gt|gr):/u;

/** The keys the registry stores per alumnus: every match key except the birth-date ones. */
export function alumnusIndexKeys(a: AlumnusIdentity, ctx: MatchContext): string[] {
  return alumnusKeys(a, false, ctx);
}

/**
 * Whether a person found through the birth-date index shares one of the applicant's birth-date keys. `dob` is
 * the applicant's birth date already normalised (YYYY-MM-DD; everyone the index returned was born that day):
 * at a million people some sixty share a birthday and this runs for each of them, so neither the date is
 * parsed again nor an identity object built per person — the name columns are read as the index returns them.
 */
export function sharesBirthDateKey(
  applicantKeys: ReadonlySet<string>,
  names: AlumnusNameColumns,
  dob: string | null,
): boolean {
  if (!dob) return false;
  const parts = alumnusNames(names);
  const keys = new Set<string>();
  for (const family of [parts.family, ...parts.previousFamilies]) familyDateKeys(family, dob, keys);
  givenDateKeys(parts.given, dob, keys);
  if (parts.firstGiven) givenDateKeys(parts.firstGiven, dob, keys);
  for (const k of keys) if (applicantKeys.has(k)) return true;
  return false;
}

/** Dictionary surnames probed per romaji/kana surname: enough for ono → 小野, 大野, 尾野 …, bounded per applicant. */
export const MAX_DERIVED_FAMILY_PROBES = 16;

/** Keys to look up for an applicant: any alumnus sharing one becomes a candidate. */
export function applicantProbeKeys(p: ApplicantIdentity, ctx: MatchContext): string[] {
  const out = new Set<string>();
  const dob = normaliseBirthDate(p.birthDate);
  for (const h of applicantNameHypotheses(p)) {
    nameKeys(h.family, h.given, dob, out);
    givenDateKeys(h.given, dob, out);
    derivedFamilyKeys(h.family, h.given, ctx, out);
  }
  contactKeys(p.emails ?? [], p.phones ?? [], p.employeeNumber, out);
  return [...out];
}

/**
 * A surname given in romaji or kana, probed as the kanji the dictionary reads that way, with the given name's
 * reading (the registry's nx key): a former surname or a record kept in kanji only is found without a
 * birth date. Scoring still weighs such an agreement as a guess (derivedReadingPenalty).
 */
function derivedFamilyKeys(family: NamePart, given: NamePart, ctx: MatchContext, out: Set<string>): void {
  if (!ctx.familySurfaces || !family.skeleton || !given.skeleton || family.script === 'kanji') return;
  for (const surface of ctx.familySurfaces(family.skeleton).slice(0, MAX_DERIVED_FAMILY_PROBES)) {
    const text = makeNamePart(surface).text;
    if (text) out.add(mixedNameKey(text, given.skeleton));
  }
}

function partFrequencyKeys(part: NamePart, role: 'family' | 'given', out: Set<string>): void {
  if (part.text)
    out.add(role === 'family' ? FREQUENCY_KEY.familyText(part.text) : FREQUENCY_KEY.givenText(part.text));
  if (part.skeleton) {
    out.add(
      role === 'family'
        ? FREQUENCY_KEY.familyReading(part.skeleton)
        : FREQUENCY_KEY.givenReading(part.skeleton),
    );
    out.add(role === 'family' ? FREQUENCY_KEY.familyReadingRecorded : FREQUENCY_KEY.givenReadingRecorded);
  }
}

/** Name keys counted once per alumnus (current names only) to estimate how common a name is. */
export function alumnusFrequencyKeys(a: AlumnusIdentity): string[] {
  const out = new Set<string>();
  const names = alumnusNames(a);
  partFrequencyKeys(names.family, 'family', out);
  partFrequencyKeys(names.given, 'given', out);
  return [...out];
}

/** The frequency keys scoring may ask about for this applicant, so they can be fetched in one query. */
export function frequencyKeysForApplicant(p: ApplicantIdentity): string[] {
  const out = new Set<string>();
  for (const h of applicantNameHypotheses(p)) {
    partFrequencyKeys(h.family, 'family', out);
    partFrequencyKeys(h.given, 'given', out);
  }
  return [...out];
}

const SUPPRESSION_KEY_RE = /^(?:em|ph|en|ft|fr):/u;

/**
 * The keys that keep an erased person out of later imports (hashed before they are stored): e-mail, phone,
 * employee number, and family name with birth date. Name-only keys are left out: they would also suppress
 * namesakes. Hashes stored are never re-derived, so a family reading is also given as key version 1 spelt it
 * (ゴウハラ: gohara then, goara now): a person erased before version 2 stays out.
 */
export function suppressionKeys(a: AlumnusIdentity): string[] {
  const keys = new Set(alumnusKeys(a, true).filter((k) => SUPPRESSION_KEY_RE.test(k)));
  const dob = normaliseBirthDate(a.birthDate);
  if (dob)
    for (const [written, kana] of [
      [a.familyName, a.familyNameKana] as const,
      ...a.previousFamilyNames.map((n) => [n, null] as const),
    ]) {
      const v1 = (kana ? nameSkeletonV1(kana) : null) ?? nameSkeletonV1(normaliseNamePart(written));
      if (v1) keys.add(`fr:${v1}|${dob}`);
      const v3 = normaliseNamePartV3(written);
      if (v3) keys.add(`ft:${v3}|${dob}`);
    }
  return [...keys];
}
