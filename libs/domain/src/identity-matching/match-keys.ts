import { normaliseBirthDate, normaliseEmail, normaliseEmployeeNumber, normalisePhone } from './contact-normalisation';
import type { AlumnusIdentity, ApplicantIdentity, MatchContext } from './identity';
import { alumnusNames, applicantNameHypotheses, NamePart } from './name-forms';

/**
 * Index keys. An applicant's probe keys are looked up in the registry's key index; every alumnus
 * sharing one is a candidate. Each key is selective on its own — a full name, a contact, a birth date
 * with a given name — never a bare surname, so candidate sets stay small even on a million people.
 */
const K = {
  email: 'em:',
  phone: 'ph:',
  employeeNumber: 'en:',
  nameWritten: 'nw:',
  nameReading: 'nr:',
  wholeWritten: 'nf:',
  birthGivenWritten: 'bw:',
  birthGivenReading: 'br:',
  familyWritten: 'fw:',
  familyReading: 'fr:',
  givenWritten: 'gw:',
  givenReading: 'gr:',
} as const;

export const FREQUENCY_KEY = {
  fullWritten: (family: string, given: string) => `${K.nameWritten}${family}|${given}`,
  fullReading: (family: string, given: string) => `${K.nameReading}${family}|${given}`,
  familyWritten: (s: string) => `${K.familyWritten}${s}`,
  familyReading: (s: string) => `${K.familyReading}${s}`,
  givenWritten: (s: string) => `${K.givenWritten}${s}`,
  givenReading: (s: string) => `${K.givenReading}${s}`,
};

function nameKeys(family: NamePart, given: NamePart, out: Set<string>): void {
  if (family.written && given.written) out.add(`${K.nameWritten}${family.written}|${given.written}`);
  if (family.reading && given.reading) out.add(`${K.nameReading}${family.reading}|${given.reading}`);
}

function birthKeys(birth: string, given: NamePart, out: Set<string>): void {
  if (given.written) out.add(`${K.birthGivenWritten}${birth}|${given.written}`);
  if (given.reading) out.add(`${K.birthGivenReading}${birth}|${given.reading}`);
}

/** Keys stored for a former employee (all e-mails, including company ones: scoring weighs those down). */
export function alumnusMatchKeys(a: AlumnusIdentity, _ctx: MatchContext): string[] {
  const out = new Set<string>();
  for (const e of a.emails) {
    const n = normaliseEmail(e);
    if (n) out.add(`${K.email}${n}`);
  }
  for (const p of a.phones) {
    const n = normalisePhone(p);
    if (n) out.add(`${K.phone}${n}`);
  }
  const emp = normaliseEmployeeNumber(a.employeeNumber);
  if (emp) out.add(`${K.employeeNumber}${emp}`);
  const names = alumnusNames(a);
  for (const family of [names.family, ...names.previousFamilies]) {
    nameKeys(family, names.given, out);
    if (family.written && names.given.written) out.add(`${K.wholeWritten}${family.written}${names.given.written}`);
  }
  const birth = normaliseBirthDate(a.birthDate);
  if (birth) birthKeys(birth, names.given, out);
  return [...out];
}

export function applicantProbeKeys(p: ApplicantIdentity, _ctx: MatchContext): string[] {
  const out = new Set<string>();
  for (const e of p.emails ?? []) {
    const n = normaliseEmail(e);
    if (n) out.add(`${K.email}${n}`);
  }
  for (const ph of p.phones ?? []) {
    const n = normalisePhone(ph);
    if (n) out.add(`${K.phone}${n}`);
  }
  const emp = normaliseEmployeeNumber(p.employeeNumber);
  if (emp) out.add(`${K.employeeNumber}${emp}`);
  const birth = normaliseBirthDate(p.birthDate);
  for (const h of applicantNameHypotheses(p)) {
    if (h.whole) out.add(`${K.wholeWritten}${h.whole}`);
    if (h.family && h.given) nameKeys(h.family, h.given, out);
    if (birth && h.given) birthKeys(birth, h.given, out);
  }
  return [...out];
}

/** Name keys counted per alumnus: how common a family or given name is, written and read. */
export function alumnusFrequencyKeys(a: AlumnusIdentity): string[] {
  const n = alumnusNames(a);
  const out = new Set<string>();
  for (const f of [n.family, ...n.previousFamilies]) {
    if (f.written) out.add(FREQUENCY_KEY.familyWritten(f.written));
    if (f.reading) out.add(FREQUENCY_KEY.familyReading(f.reading));
  }
  if (n.given.written) out.add(FREQUENCY_KEY.givenWritten(n.given.written));
  if (n.given.reading) out.add(FREQUENCY_KEY.givenReading(n.given.reading));
  if (n.family.written && n.given.written) out.add(FREQUENCY_KEY.fullWritten(n.family.written, n.given.written));
  if (n.family.reading && n.given.reading) out.add(FREQUENCY_KEY.fullReading(n.family.reading, n.given.reading));
  return [...out];
}

/** The frequency keys the scorer will ask about for this applicant (fetched in one query). */
export function frequencyKeysForApplicant(p: ApplicantIdentity): string[] {
  const out = new Set<string>();
  for (const h of applicantNameHypotheses(p)) {
    for (const [part, written, reading] of [
      [h.family, FREQUENCY_KEY.familyWritten, FREQUENCY_KEY.familyReading],
      [h.given, FREQUENCY_KEY.givenWritten, FREQUENCY_KEY.givenReading],
    ] as const) {
      if (part?.written) out.add(written(part.written));
      if (part?.reading) out.add(reading(part.reading));
    }
    if (h.family?.written && h.given?.written) out.add(FREQUENCY_KEY.fullWritten(h.family.written, h.given.written));
    if (h.family?.reading && h.given?.reading) out.add(FREQUENCY_KEY.fullReading(h.family.reading, h.given.reading));
  }
  return [...out];
}
