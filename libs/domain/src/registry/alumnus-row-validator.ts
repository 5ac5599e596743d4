// Pure validation of one CSV row (already split into canonical columns) into an AlumnusRecord.
import type { CanonicalColumn } from './alumni-csv-columns';
import type { AlumnusRecord, PerformanceRating } from './alumnus-record';
import { parseCsvBoolean, parseCsvDate, parseCsvInteger, splitCsvList, nfkc } from './csv-value-parsers';
import {
  DEPARTURE_REASONS,
  parseDepartureReason,
  parseRehireRecommendation,
  REHIRE_RECOMMENDATIONS,
} from './departure-reasons';
import type { ImportProblem, ImportProblemCode } from './import-problem';

export type AlumnusRawRow = Readonly<Partial<Record<CanonicalColumn, string>>>;

/** Header text per column as written in the file, so problems point at what HR sees. */
export type ColumnLabels = Readonly<Partial<Record<CanonicalColumn, string>>>;

export type AlumnusRowResult = { readonly record: AlumnusRecord } | { readonly problems: ImportProblem[] };

const NON_ASCII = /[\u0080-\uffff]/;
const EMAIL = /^[^\s@;,<>]+@[^\s@;,<>]+\.[^\s@;,<>.]+$/;
const DIGIT = /[0-9０-９]/;
// Readings: hiragana, katakana (also half-width), prolonged sound marks, middle dots, (voiced) sound marks, spaces.
const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・･ｰﾞﾟ゛゜\s]+$/u;
const RATING = /^(\d{4})\s*:\s*(\S(?:.*\S)?)$/;
const MIN_RATING_YEAR = 1900;
const MAX_RATING_YEAR = 2100;

const DEPARTURE_REASON_HINT = DEPARTURE_REASONS.map((r) => `${r.code} (${r.label})`).join(', ');
const REHIRE_HINT = REHIRE_RECOMMENDATIONS.map((r) => r.code).join(' / ');

/**
 * Employee numbers are the upsert key: full-width `Ｅ０１２` and `E012` must be the same person, so they are
 * NFKC-normalised (cheaply: only when non-ASCII). Empty → null.
 */
export function normalizeEmployeeNumber(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const value = nfkc(raw).trim();
  return value === '' ? null : value;
}

/** Problems of one row, allocated only when there is one (most rows have none). */
class RowProblems {
  list: ImportProblem[] | null = null;
  constructor(
    private readonly row: number,
    private readonly labels: ColumnLabels,
  ) {}

  add(column: CanonicalColumn, code: ImportProblemCode, message: string): void {
    const label = this.labels[column] ?? column;
    (this.list ??= []).push({ row: this.row, column: label, code, message: message.replace('{col}', label) });
  }

  /** Returns the cell, or reports `required` and returns ''. */
  required(column: CanonicalColumn, value: string): string {
    if (value === '') this.add(column, 'required', '{col} is required.');
    return value;
  }

  date(column: CanonicalColumn, value: string): string | null {
    if (value === '') return null;
    const d = parseCsvDate(value);
    if (d === null)
      this.add(column, 'invalid_date', '{col} must be a real date written YYYY-MM-DD or YYYY/MM/DD.');
    return d;
  }

  kana(column: CanonicalColumn, value: string): string | null {
    if (value === '') return null;
    if (!KANA.test(value)) this.add(column, 'invalid_kana', '{col} must be written in katakana or hiragana.');
    return value;
  }
}

function cell(value: string | undefined): string {
  return value === undefined ? '' : value.trim();
}

function orNull(value: string): string | null {
  return value === '' ? null : value;
}

/**
 * Validates one data row. `rowNumber` is the spreadsheet row (header = 1). Every problem of the row is
 * reported, not just the first, so HR can fix a file in one pass. Written as straight-line code with direct
 * property reads: it runs a million times per large import.
 */
export function validateAlumnusRow(
  raw: AlumnusRawRow,
  rowNumber: number,
  labels: ColumnLabels = {},
): AlumnusRowResult {
  const p = new RowProblems(rowNumber, labels);

  const employeeNumber = normalizeEmployeeNumber(raw.employee_number);
  if (employeeNumber === null) p.add('employee_number', 'required', '{col} is required.');
  const familyName = p.required('family_name', cell(raw.family_name));
  const givenName = p.required('given_name', cell(raw.given_name));
  const familyNameKana = p.kana('family_name_kana', cell(raw.family_name_kana));
  const givenNameKana = p.kana('given_name_kana', cell(raw.given_name_kana));
  const previousFamilyNames = splitCsvList(cell(raw.previous_family_names));
  const birthDate = p.date('birth_date', cell(raw.birth_date));

  const emails = splitCsvList(cell(raw.emails));
  for (const email of emails) {
    if (!EMAIL.test(NON_ASCII.test(email) ? email.normalize('NFKC') : email)) {
      p.add(
        'emails',
        'invalid_email',
        '{col} contains an entry that is not an e-mail address (name@example.com).',
      );
      break;
    }
  }
  const phones = splitCsvList(cell(raw.phones));
  for (const phone of phones) {
    if (!DIGIT.test(phone)) {
      p.add('phones', 'invalid_phone', '{col} contains an entry without any digits.');
      break;
    }
  }

  const hireDate = p.date('hire_date', p.required('hire_date', cell(raw.hire_date)));
  const leaveDate = p.date('leave_date', p.required('leave_date', cell(raw.leave_date)));
  // ISO dates compare correctly as strings.
  if (hireDate !== null && leaveDate !== null && leaveDate < hireDate) {
    p.add(
      'leave_date',
      'leave_before_hire',
      `{col} is before the hire date (${labels.hire_date ?? 'hire_date'}).`,
    );
  }

  const reasonText = p.required('departure_reason', cell(raw.departure_reason));
  const departureReason = reasonText === '' ? null : parseDepartureReason(reasonText);
  if (reasonText !== '' && departureReason === null) {
    p.add('departure_reason', 'invalid_enum', `{col} must be one of: ${DEPARTURE_REASON_HINT}.`);
  }

  const rehireText = cell(raw.rehire_recommendation);
  const rehireRecommendation = rehireText === '' ? 'unknown' : parseRehireRecommendation(rehireText);
  if (rehireRecommendation === null)
    p.add('rehire_recommendation', 'invalid_enum', `{col} must be one of ${REHIRE_HINT}.`);

  const department = orNull(cell(raw.department));
  const jobTitle = orNull(cell(raw.job_title));
  const jobLevel = orNull(cell(raw.job_level));

  const salaryText = cell(raw.last_base_salary);
  const lastBaseSalary = salaryText === '' ? null : parseCsvInteger(salaryText);
  if (salaryText !== '' && lastBaseSalary === null) {
    p.add(
      'last_base_salary',
      'invalid_integer',
      '{col} must be a whole, non-negative amount (e.g. 4800000).',
    );
  }

  const performanceRatings = parseRatings(splitCsvList(cell(raw.performance_ratings)));
  if (performanceRatings === null) {
    p.add(
      'performance_ratings',
      'invalid_rating',
      '{col} must be YEAR:RATING pairs separated by ";" (e.g. 2023:A;2024:B), one per year.',
    );
  }

  const skills = splitCsvList(cell(raw.skills));

  const optInText = cell(raw.network_opt_in);
  const networkOptIn = optInText === '' ? false : parseCsvBoolean(optInText);
  if (networkOptIn === null) p.add('network_opt_in', 'invalid_boolean', '{col} must be true or false.');

  if (p.list !== null) return { problems: p.list };
  // Every null below was reported as a problem above; the checks only narrow the types.
  if (employeeNumber === null || hireDate === null || leaveDate === null || departureReason === null)
    return { problems: [] };
  if (rehireRecommendation === null || performanceRatings === null || networkOptIn === null)
    return { problems: [] };
  return {
    record: {
      employeeNumber,
      familyName,
      givenName,
      familyNameKana,
      givenNameKana,
      previousFamilyNames,
      birthDate,
      emails,
      phones,
      hireDate,
      leaveDate,
      departureReason,
      rehireRecommendation,
      department,
      jobTitle,
      jobLevel,
      lastBaseSalary,
      performanceRatings,
      skills,
      networkOptIn,
    },
  };
}

/** `2023:A` items → ratings; null when an item is malformed or a year repeats (which rating would be true?). */
function parseRatings(items: readonly string[]): PerformanceRating[] | null {
  const out: PerformanceRating[] = [];
  for (const item of items) {
    let m = RATING.exec(item);
    if (m === null && NON_ASCII.test(item)) m = RATING.exec(item.normalize('NFKC'));
    if (m === null) return null;
    const year = Number(m[1]);
    if (year < MIN_RATING_YEAR || year > MAX_RATING_YEAR) return null;
    for (const r of out) if (r.year === year) return null;
    out.push({ year, rating: m[2] });
  }
  return out;
}
