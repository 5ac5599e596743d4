import { detectScript, normaliseWidth } from './name-normalisation';

/**
 * What one ATS name box says besides the name. Japanese CVs and forms write a former surname beside the current
 * one (旧姓併記: 山田（旧姓：佐藤）, 山田（佐藤）, Yamada (née Sato)) and sometimes the reading after the name
 * (山田（やまだ）, 花子 (Hanako)); read as part of the name, either made the name match nobody.
 */
export interface NameBox {
  /** The name without its bracketed notes (width-normalised, spaces collapsed). */
  name: string;
  /** Surnames the applicant says they had (the registry may know them by one). */
  formerFamilies: string[];
  /** A reading written after the name, when the name is in kanji (or kana) and the note in kana or romaji. */
  reading: string | null;
}

/** After NFKC, （）and ［］ are ( ) and [ ]; 【】 and 〔〕 stay as they are. */
const NOTE_RE = /[([【〔]([^()[\]【】〔〕]*)[)\]】〕]/gu;

/** Words that mark a note as a former surname: 旧姓, 旧, 前姓, née/nee, born, formerly, maiden name, geb. */
const FORMER_MARK_RE =
  /^(?:(?:旧姓|前姓|旧)\s*[:=]?\s*|(?:n[ée]e|born|formerly|former(?:\s+(?:sur|family\s+)?name)?|maiden(?:\s+name)?|geb\.?)(?:\s*[:=]\s*|\s+|$))/iu;

/** Whether a name as written may hold a bracketed note (full-width brackets included): a cheap first test. */
export function mayHoldNameNote(written: string | null | undefined): boolean {
  return !!written && /[([【〔（［]/u.test(written);
}

/** A note in another script than the name that it could spell out: kana or romaji after kanji, romaji after kana. */
function couldBeReadingOf(note: string, name: string): boolean {
  const noteScript = detectScript(note);
  const nameScript = detectScript(name);
  if (nameScript === 'kanji') return noteScript === 'kana' || noteScript === 'latin';
  return nameScript === 'kana' && noteScript === 'latin';
}

/**
 * Splits a name box into the name and its bracketed notes. A note marked as a former surname, or one in the
 * name's own script (山田（佐藤）), is a former surname; a kana or romaji note after a kanji name is its reading.
 */
export function readNameBox(input: string | null | undefined): NameBox {
  const text = normaliseWidth(input);
  if (!mayHoldNameNote(text)) return { name: text, formerFamilies: [], reading: null };
  const notes: string[] = [];
  const name = normaliseWidth(
    text.replace(NOTE_RE, (_m, note: string) => {
      notes.push(note.trim());
      return ' ';
    }),
  );
  const formerFamilies: string[] = [];
  let reading: string | null = null;
  for (const note of notes) {
    const marked = FORMER_MARK_RE.exec(note);
    const value = normaliseWidth(marked ? note.slice(marked[0].length) : note);
    if (!value || detectScript(value) === 'none') continue;
    if (!marked && reading === null && couldBeReadingOf(value, name)) reading = value;
    else formerFamilies.push(value);
  }
  return { name, formerFamilies, reading };
}
