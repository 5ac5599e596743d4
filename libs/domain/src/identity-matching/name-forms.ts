import type { AlumnusIdentity, ApplicantIdentity } from './identity';
import { hasKanji, normaliseNameText, readingOf, readingOfKana } from './name-normalisation';

/** One name part in the forms we can compare: as written (kanji/kana/Latin, folded) and as read. */
export interface NamePart {
  written: string;
  reading: string | null;
}

export interface AlumnusNames {
  family: NamePart;
  given: NamePart;
  previousFamilies: NamePart[];
}

/** One reading of the applicant's name fields: which part is the family name, which the given name. */
export interface NameHypothesis {
  family: NamePart | null;
  given: NamePart | null;
  /** The whole name written without a separator ("山田太郎"), compared with family+given. */
  whole: string | null;
  swapped: boolean;
}

function part(written: string, kanaReading: string | null): NamePart {
  return { written, reading: kanaReading ?? readingOf(written) };
}

export function alumnusNames(a: AlumnusIdentity): AlumnusNames {
  return {
    family: part(normaliseNameText(a.familyName), readingOfKana(a.familyNameKana)),
    given: part(normaliseNameText(a.givenName), readingOfKana(a.givenNameKana)),
    previousFamilies: a.previousFamilyNames.map((n) => part(normaliseNameText(n), null)).filter((p) => p.written),
  };
}

function splitWords(raw: string | null | undefined): string[] {
  return (raw ?? '')
    .normalize('NFKC')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * Every plausible reading of the applicant's name fields: as given, swapped (family name typed into the
 * first-name box), and split when the whole name sits in one field ("Yamada Taro", "山田 太郎").
 */
export function applicantNameHypotheses(p: ApplicantIdentity): NameHypothesis[] {
  const last = splitWords(p.lastName);
  const first = splitWords(p.firstName);
  const lastKana = readingOfKana(p.lastNameKana);
  const firstKana = readingOfKana(p.firstNameKana);
  const out: NameHypothesis[] = [];
  const add = (fam: string | null, giv: string | null, famKana: string | null, givKana: string | null, swapped: boolean) => {
    const family = fam ? part(normaliseNameText(fam), famKana) : famKana ? { written: '', reading: famKana } : null;
    const given = giv ? part(normaliseNameText(giv), givKana) : givKana ? { written: '', reading: givKana } : null;
    if (family || given) out.push({ family, given, whole: null, swapped });
  };
  if (last.length === 1 && first.length === 1) {
    add(last[0], first[0], lastKana, firstKana, false);
    add(first[0], last[0], firstKana, lastKana, true);
  } else {
    const words = [...last, ...first];
    if (words.length === 2) {
      add(words[0], words[1], lastKana, firstKana, false);
      add(words[1], words[0], firstKana, lastKana, true);
    } else if (words.length === 1) {
      const w = normaliseNameText(words[0]);
      // "山田太郎" in one box cannot be split without a dictionary: compare it whole.
      if (hasKanji(w) && w.length >= 3) out.push({ family: null, given: null, whole: w, swapped: false });
      else if (last.length === 1) add(words[0], null, lastKana, firstKana, false);
      else add(null, words[0], lastKana, firstKana, false);
    } else if (words.length > 2) {
      // Middle names or extra words: first and last words as the two parts, both orders.
      add(words[0], words[words.length - 1], lastKana, firstKana, false);
      add(words[words.length - 1], words[0], firstKana, lastKana, true);
    } else if (lastKana || firstKana) {
      add(null, null, lastKana, firstKana, false);
    }
  }
  return out;
}
