/**
 * Japanese eras (和暦), as application forms and ATS free-text fields write birth dates: 平成2年4月1日, H2.4.1,
 * 昭和50年2月4日, 平成元年…: each era's first Gregorian year and how many years it counted (an era's year
 * number maps to one Gregorian year; the day the era changed does not matter for that).
 */
const ERAS: Readonly<Record<string, { first: number; years: number }>> = {
  明治: { first: 1868, years: 45 },
  大正: { first: 1912, years: 15 },
  昭和: { first: 1926, years: 64 },
  平成: { first: 1989, years: 31 },
  令和: { first: 2019, years: 99 },
};
const ERA_LETTER: Readonly<Record<string, string>> = {
  M: '明治',
  T: '大正',
  S: '昭和',
  H: '平成',
  R: '令和',
};

const GREGORIAN = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:生まれ|生)?$/u;
/** 19900401: forms that take digits only. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/u;
/** A date-time whose date part is what was entered (ATS date fields exported with a time). */
const WITH_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/u;
const ERA_DATE =
  /^(明治|大正|昭和|平成|令和|[MTSHR])(\d{1,2}|元)[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:生まれ|生)?$/iu;

/**
 * YYYY-MM-DD from the ways people and systems write a birth date: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD,
 * 1990年4月1日, 19900401, a Japanese era (平成2年4月1日, H2.4.1, ㍻2年…), any width, unpadded parts, spaces;
 * null if not a real date.
 */
export function normaliseBirthDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const nfkc = input.normalize('NFKC').trim();
  const text = nfkc.replace(/\s+/gu, '');
  const era = ERA_DATE.exec(text);
  if (era) {
    const name = ERA_LETTER[era[1].toUpperCase()] ?? era[1];
    const { first, years } = ERAS[name];
    const n = era[2] === '元' ? 1 : Number(era[2]);
    return n >= 1 && n <= years ? isoDate(first + n - 1, Number(era[3]), Number(era[4])) : null;
  }
  const m = GREGORIAN.exec(text) ?? COMPACT.exec(text) ?? WITH_TIME.exec(nfkc);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The ISO form of a calendar date, or null when it does not exist (1990-02-30). */
function isoDate(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type BirthDateComparison = 'agree' | 'partial' | 'disagree';

/**
 * 'partial' = looks like one typing slip: exactly one of year/month/day differs, or day and month swapped.
 * Both inputs must already be normalised.
 */
export function compareBirthDates(a: string, b: string): BirthDateComparison {
  if (a === b) return 'agree';
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  const differing = [ya !== yb, ma !== mb, da !== db].filter(Boolean).length;
  if (differing === 1) return 'partial';
  if (ya === yb && ma === db && da === mb) return 'partial';
  return 'disagree';
}
