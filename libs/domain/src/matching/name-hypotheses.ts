import {
  detectScript,
  nameSkeleton,
  normaliseNamePart,
  normaliseWidth,
  type NameScript,
} from './name-normalisation';
import type { AlumnusNameColumns, ApplicantIdentity } from './match-types';
import { BoundedMemo } from './bounded-memo';
import { mayHoldNameNote, type NameBox, readNameBox } from './name-notes';

/** One name part (family or given) ready for comparison. */
export interface NamePart {
  /** Canonical written form (see normaliseNamePart); '' when absent. */
  readonly text: string;
  readonly script: NameScript;
  /** Romaji skeleton of the reading: from the kana field, or from the text itself when it is kana/latin. */
  readonly skeleton: string | null;
}

/** One reading of the applicant's name fields as (family, given). */
export interface NameHypothesis {
  family: NamePart;
  given: NamePart;
  /** How the fields were read, for the evidence text. */
  layout: 'as-entered' | 'swapped' | 'single-field';
  /** The family part is a former surname the applicant gave (山田（旧姓：佐藤）, or an ATS 旧姓 field). */
  formerFamily?: true;
}

export interface AlumnusNames {
  family: NamePart;
  given: NamePart;
  previousFamilies: NamePart[];
  /** The first of several romaji given names (John of "John Michael"): applicants often give only that one. */
  firstGiven: NamePart | null;
}

/*
 * Registries repeat a few thousand name spellings over and over, and normalising one (NFKC, variant kanji,
 * kana → romaji skeleton) costs tens of microseconds: a bounded memo makes a million-row import's name work
 * a map lookup, and keeps memory bounded whatever names arrive.
 */
export const NAME_PART_MEMO = new BoundedMemo<NamePart>(100_000, 128);

export function makeNamePart(written: string | null | undefined, kana?: string | null): NamePart {
  return NAME_PART_MEMO.get(`${written ?? ''}\u0000${kana ?? ''}`, () => {
    const text = normaliseNamePart(written);
    const kanaSkeleton = kana ? nameSkeleton(kana) : null;
    return Object.freeze({
      text,
      script: detectScript(text),
      skeleton: kanaSkeleton ?? nameSkeleton(text),
    });
  });
}

export function alumnusNames(a: AlumnusNameColumns): AlumnusNames {
  if (mayHoldNameNote(a.familyName) || mayHoldNameNote(a.givenName)) return notedAlumnusNames(a);
  return {
    family: makeNamePart(a.familyName, a.familyNameKana),
    given: makeNamePart(a.givenName, a.givenNameKana),
    previousFamilies: a.previousFamilyNames.map((n) => makeNamePart(n)).filter((part) => part.text !== ''),
    firstGiven: firstGivenPart(a.givenName),
  };
}

/** The first word of a registry's romaji given name of several words, when it is a name (not an initial). */
function firstGivenPart(given: string | null | undefined): NamePart | null {
  if (!given || !/[ \u3000]/u.test(given)) return null;
  const first = leadingLatinWord(normaliseWidth(given));
  return first ? makeNamePart(first) : null;
}

/**
 * A registry name column with a bracketed note (HR exports write 山田（旧姓：佐藤） or 山田（やまだ） too): compared
 * and indexed as the name, its reading and a former surname. The stored value stays as HR wrote it.
 */
function notedAlumnusNames(a: AlumnusNameColumns): AlumnusNames {
  const family = readNameBox(a.familyName);
  const given = readNameBox(a.givenName);
  const previous = [...a.previousFamilyNames, ...family.formerFamilies, ...given.formerFamilies];
  return {
    family: makeNamePart(family.name, a.familyNameKana || family.reading),
    given: makeNamePart(given.name, a.givenNameKana || given.reading),
    previousFamilies: previous.map((n) => makeNamePart(n)).filter((part) => part.text !== ''),
    firstGiven: firstGivenPart(given.name),
  };
}

type RawPair = { family: string; given: string; layout: NameHypothesis['layout'] };

const MAX_SINGLE_FIELD_SPLITS = 12;

/** Ways to cut a name typed in one box without a space (山田太郎, YamadaTaro) into family + given. */
function splitSingleToken(token: string): RawPair[] {
  const chars = Array.from(token);
  if (chars.length < 2) return [];
  const script = detectScript(token);
  const out: RawPair[] = [];
  const camel = /^(\p{Lu}\p{Ll}+)(\p{Lu}\p{Ll}+)$/u.exec(token);
  if (camel) {
    out.push({ family: camel[1], given: camel[2], layout: 'single-field' });
    out.push({ family: camel[2], given: camel[1], layout: 'single-field' });
    return out;
  }
  // Kanji names are written family-first; family names are 1–4 characters.
  const kanjiOnly = script === 'kanji';
  const lastCut = kanjiOnly ? Math.min(chars.length - 1, 4) : chars.length - 1;
  const firstCut = script === 'latin' ? 2 : 1;
  for (let i = firstCut; i <= lastCut && out.length < MAX_SINGLE_FIELD_SPLITS; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i).join('');
    if (script === 'latin' && tail.length < 2) continue;
    out.push({ family: head, given: tail, layout: 'single-field' });
    if (!kanjiOnly) out.push({ family: tail, given: head, layout: 'single-field' });
  }
  return out;
}

function splitSpaced(field: string): RawPair[] {
  const tokens = field.split(' ').filter(Boolean);
  if (tokens.length < 2) return [];
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return [
    { family: first, given: tokens.slice(1).join(''), layout: 'single-field' },
    { family: last, given: tokens.slice(0, -1).join(''), layout: 'single-field' },
  ];
}

/** The first word of a romaji box of several words, when it is a name rather than an initial. */
function leadingLatinWord(box: string): string | null {
  if (detectScript(box) !== 'latin') return null;
  const words = box.split(' ');
  return words.length > 1 && words[0].replace(/\./gu, '').length >= 2 ? words[0] : null;
}

/**
 * Every plausible (family, given) reading of two ATS name boxes: as entered (last = family), swapped
 * (family typed into the first-name box), and a whole name in one box, with or without a space.
 */
export function namePairs(
  lastName: string | null | undefined,
  firstName: string | null | undefined,
): RawPair[] {
  const last = normaliseWidth(lastName);
  const first = normaliseWidth(firstName);
  const out: RawPair[] = [];
  if (last && first) {
    out.push({ family: last, given: first, layout: 'as-entered' });
    out.push({ family: first, given: last, layout: 'swapped' });
    // A middle name or initial after a romaji given name (Mary Ann, John M.): registries often keep the first.
    const firstGiven = leadingLatinWord(first);
    if (firstGiven) out.push({ family: last, given: firstGiven, layout: 'as-entered' });
    const lastGiven = leadingLatinWord(last);
    if (lastGiven) out.push({ family: first, given: lastGiven, layout: 'swapped' });
  }
  for (const field of [last, first]) {
    if (field.includes(' ')) out.push(...splitSpaced(field));
  }
  if ((last === '') !== (first === '')) {
    const only = last || first;
    if (!only.includes(' ')) {
      out.push(...splitSingleToken(only));
      // A lone token may be either part; scoring still needs the other evidence.
      out.push({ family: only, given: '', layout: 'single-field' });
      out.push({ family: '', given: only, layout: 'single-field' });
    }
  }
  return out;
}

const NO_READINGS: ReadonlyMap<string, string> = new Map();

/**
 * Readings written in brackets after a name (山田（やまだ）, 山田 花子（やまだ はなこ）), by the written part they
 * spell: a whole box, and word by word when the box and its reading have as many words.
 */
function bracketReadings(boxes: readonly NameBox[]): Map<string, string> {
  const readings = new Map<string, string>();
  for (const box of boxes) {
    if (!box.reading) continue;
    readings.set(box.name, box.reading);
    const words = box.name.split(' ');
    const read = box.reading.split(' ');
    if (words.length > 1 && words.length === read.length) words.forEach((w, i) => readings.set(w, read[i]));
  }
  return readings;
}

/**
 * Applicant name hypotheses, each written reading combined with each kana reading (or none). Bracketed notes
 * in the name boxes (name-notes.ts) give readings and former surnames: each hypothesis is also read with the
 * former surname as its family name.
 */
export function applicantNameHypotheses(p: ApplicantIdentity): NameHypothesis[] {
  // Nearly every applicant writes no note: their boxes are read as they are (this runs three times a match).
  const noted = mayHoldNameNote(p.lastName) || mayHoldNameNote(p.firstName);
  const lastBox = noted ? readNameBox(p.lastName) : null;
  const firstBox = noted ? readNameBox(p.firstName) : null;
  const written = namePairs(lastBox?.name ?? p.lastName, firstBox?.name ?? p.firstName);
  const kana = namePairs(p.lastNameKana, p.firstNameKana).filter((k) => k.family && k.given);
  const readings = lastBox && firstBox ? bracketReadings([lastBox, firstBox]) : NO_READINGS;
  const out: NameHypothesis[] = [];
  const seen = new Set<string>();
  const push = (h: NameHypothesis): void => {
    const id = `${h.family.text}|${h.family.skeleton ?? ''}|${h.given.text}|${h.given.skeleton ?? ''}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push(h);
  };
  for (const w of written) {
    const plain: NameHypothesis = {
      family: makeNamePart(w.family),
      given: makeNamePart(w.given),
      layout: w.layout,
    };
    // Kanji given with kana are read with it: read alone they would agree with a namesake whose recorded
    // reading differs (村上 ムラウエ applying, 村上 ムラカミ in the registry).
    if (kana.length === 0 || (plain.family.script !== 'kanji' && plain.given.script !== 'kanji')) push(plain);
    const familyReading = readings.get(w.family);
    const givenReading = readings.get(w.given);
    // Like a kana box: an extra reading of the same written name (the written one alone may count more).
    if (familyReading || givenReading) {
      push({
        family: makeNamePart(w.family, familyReading),
        given: makeNamePart(w.given, givenReading),
        layout: w.layout,
      });
    }
    for (const k of kana) {
      push({
        family: makeNamePart(w.family, k.family),
        given: makeNamePart(w.given, k.given),
        layout: w.layout,
      });
    }
  }
  // Kana given but no written name: the kana is the name.
  if (written.length === 0) {
    for (const k of kana)
      push({ family: makeNamePart(k.family), given: makeNamePart(k.given), layout: k.layout });
  }
  const formers = [
    ...(lastBox?.formerFamilies ?? []),
    ...(firstBox?.formerFamilies ?? []),
    ...(p.formerFamilyNames ?? []).map((n) => normaliseWidth(n)).filter(Boolean),
  ];
  if (formers.length === 0) return out;
  // The given name stays; the family name is the one the company may have known them by.
  const current = [...out];
  for (const former of formers) {
    const family = makeNamePart(former);
    for (const h of current) {
      if (h.given.text || h.given.skeleton)
        push({ family, given: h.given, layout: h.layout, formerFamily: true });
    }
  }
  return out;
}
