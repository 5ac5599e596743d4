// Cell parsers for the registry CSV. Each has an ASCII fast path (the 1M-row benchmark) and falls back to NFKC
// only when a cell does not parse as-is, so full-width digits and punctuation from Japanese HR systems still work.

const NON_ASCII = /[\u0080-\uffff]/;
const LOOSE_SEPARATORS = /[\s_\-・]+/g;

/** NFKC only when needed: most cells are ASCII, and NFKC on every cell is measurable at a million rows. */
export function nfkc(value: string): string {
  return NON_ASCII.test(value) ? value.normalize('NFKC') : value;
}

/**
 * Loose key for enum and header lookups: full-width letters, half-width katakana, case, spaces and
 * `・`/`_`/`-` variants all compare equal.
 */
export function looseKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(LOOSE_SEPARATORS, '');
}

/** Exact spellings first (the common case costs one Map lookup), loose keys as the fallback. */
export function buildEnumLookup<C extends string>(
  entries: readonly { readonly code: C; readonly label: string }[],
  extraAliases: Readonly<Record<string, C>> = {},
): (raw: string) => C | null {
  const exact = new Map<string, C>();
  const loose = new Map<string, C>();
  const add = (spelling: string, code: C): void => {
    exact.set(spelling, code);
    loose.set(looseKey(spelling), code);
  };
  for (const { code, label } of entries) {
    add(code, code);
    add(label, code);
  }
  for (const [alias, code] of Object.entries(extraAliases)) add(alias, code);
  return (raw) => exact.get(raw) ?? loose.get(looseKey(raw)) ?? null;
}

const DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const DATE_JA = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `YYYY-MM-DD` or `YYYY/MM/DD` (single-digit month/day allowed, also full-width and 年月日 forms) → `YYYY-MM-DD`;
 * null unless it is a real calendar date between 1900 and 2100 (outside that, it is a typo, not a date).
 */
export function parseCsvDate(value: string): string | null {
  const m = DATE.exec(value);
  if (m !== null) {
    // Already canonical (the common case): return the input itself rather than building a new string.
    return toIsoDate(m[1], m[3], m[4], m[2] === '-' && value.length === 10 ? value : null);
  }
  if (!NON_ASCII.test(value)) return null;
  const normalized = value.normalize('NFKC');
  const n = DATE.exec(normalized) ?? DATE_JA.exec(normalized);
  return n === null ? null : n.length === 5 ? toIsoDate(n[1], n[3], n[4]) : toIsoDate(n[1], n[2], n[3]);
}

function toIsoDate(y: string, mo: string, d: string, canonical: string | null = null): string | null {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (
    year < MIN_YEAR ||
    year > MAX_YEAR ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    return null;
  }
  return canonical ?? `${y}-${pad2(month)}-${pad2(day)}`;
}

const TRUE_VALUES: ReadonlySet<string> = new Set(['true', '1', 'yes', 'y', 'はい', '有', 'あり', '済']);
const FALSE_VALUES: ReadonlySet<string> = new Set(['false', '0', 'no', 'n', 'いいえ', '無', 'なし', '未']);

/** true/false (any case, as Excel writes TRUE/FALSE), 1/0, yes/no, はい/いいえ; null when unrecognised. */
export function parseCsvBoolean(value: string): boolean | null {
  if (value === 'true') return true;
  if (value === 'false') return false;
  const key = nfkc(value).toLowerCase();
  if (TRUE_VALUES.has(key)) return true;
  if (FALSE_VALUES.has(key)) return false;
  return null;
}

const DIGITS = /^\d+$/;
const GROUPED_DIGITS = /^\d{1,3}(,\d{3})+$/;
const CURRENCY_AFFIXES = /^[¥$]|円$/g;

/** Non-negative integer: `3600000`, also `3,600,000`, `¥3,600,000`, `3600000円` and full-width digits. */
export function parseCsvInteger(value: string): number | null {
  let digits: string | null = DIGITS.test(value) ? value : null;
  if (digits === null) {
    const normalized = nfkc(value).replace(CURRENCY_AFFIXES, '').trim();
    if (DIGITS.test(normalized)) digits = normalized;
    else if (GROUPED_DIGITS.test(normalized)) digits = normalized.replace(/,/g, '');
  }
  if (digits === null) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/** `;`-separated list (full-width `；` too), items trimmed, empty items dropped. */
export function splitCsvList(value: string): string[] {
  if (value === '') return [];
  // Most cells hold a single item: skip split() and its array.
  if (value.indexOf(';') === -1 && value.indexOf('；') === -1) {
    const item = value.trim();
    return item === '' ? [] : [item];
  }
  const parts = value.indexOf('；') === -1 ? value.split(';') : value.split(/[;；]/);
  const out: string[] = [];
  for (const part of parts) {
    const item = part.trim();
    if (item !== '') out.push(item);
  }
  return out;
}
