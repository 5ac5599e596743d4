// Pure cell validation for the compensation imports, shared by the CSV and the JSON paths so HR gets the same
// problem list either way. Each problem names the row (header = row 1 in a CSV; item n = row n in JSON) and the
// column as HR wrote it.
import { incumbentExperienceYears } from '@comeback/domain/compensation';
import type { CsvColumnSpec } from './compensation-csv-reader';

export interface ImportProblem {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export type BenchmarkColumn =
  | 'job_family'
  | 'job_level'
  | 'location'
  | 'currency'
  | 'p10'
  | 'p25'
  | 'p50'
  | 'p75'
  | 'p90'
  | 'source'
  | 'effective_date';
export type BandColumn = 'job_family' | 'job_level' | 'location' | 'min' | 'mid' | 'max' | 'effective_date';
export type IncumbentColumn =
  | 'employee_key'
  | 'job_family'
  | 'job_level'
  | 'location'
  | 'base_salary'
  | 'hire_date'
  | 'performance_rating'
  | 'gender';

const TARGET_COLUMNS = [
  { key: 'job_family', required: true, aliases: ['職種', 'family'] },
  { key: 'job_level', required: true, aliases: ['等級', 'level', 'grade'] },
  { key: 'location', required: true, aliases: ['勤務地', '拠点'] },
] as const;

export const BENCHMARK_COLUMNS: readonly CsvColumnSpec<BenchmarkColumn>[] = [
  ...TARGET_COLUMNS,
  { key: 'currency', required: true, aliases: ['通貨'] },
  { key: 'p10', required: true },
  { key: 'p25', required: true },
  { key: 'p50', required: true, aliases: ['median', '中央値'] },
  { key: 'p75', required: true },
  { key: 'p90', required: true },
  { key: 'source', required: true, aliases: ['出典'] },
  { key: 'effective_date', required: true, aliases: ['基準日'] },
];

export const BAND_COLUMNS: readonly CsvColumnSpec<BandColumn>[] = [
  ...TARGET_COLUMNS,
  { key: 'min', required: true, aliases: ['下限'] },
  { key: 'mid', required: true, aliases: ['midpoint', '中央'] },
  { key: 'max', required: true, aliases: ['上限'] },
  { key: 'effective_date', required: false, aliases: ['基準日'] },
];

export const INCUMBENT_COLUMNS: readonly CsvColumnSpec<IncumbentColumn>[] = [
  { key: 'employee_key', required: true, aliases: ['key', '従業員キー'] },
  ...TARGET_COLUMNS,
  { key: 'base_salary', required: true, aliases: ['基本給', '基本給（年額）'] },
  { key: 'hire_date', required: true, aliases: ['入社日'] },
  { key: 'performance_rating', required: false, aliases: ['rating', '人事評価', '評価'] },
  { key: 'gender', required: false, aliases: ['性別'] },
];

export interface BenchmarkRecord {
  jobFamily: string;
  jobLevel: string;
  location: string;
  currency: string;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  source: string;
  effectiveDate: string;
}

export interface BandRecord {
  jobFamily: string;
  jobLevel: string;
  location: string;
  min: number;
  mid: number;
  max: number;
  effectiveDate: string;
}

export interface IncumbentRecord {
  employeeKey: string;
  jobFamily: string;
  jobLevel: string;
  location: string;
  baseSalary: number;
  hireDate: string;
  experienceYears: number;
  performanceRating: string | null;
  gender: 'female' | 'male' | 'other' | null;
}

export type RowResult<T> = { ok: true; record: T } | { ok: false; problems: ImportProblem[] };

/** Only yen is supported: the domain's amounts are integer yen. */
export const SUPPORTED_CURRENCIES = ['JPY'] as const;
const MAX_YEN = 10_000_000_000;

const GENDERS: Record<string, 'female' | 'male' | 'other'> = {
  female: 'female',
  f: 'female',
  woman: 'female',
  女: 'female',
  女性: 'female',
  male: 'male',
  m: 'male',
  man: 'male',
  男: 'male',
  男性: 'male',
  other: 'other',
  x: 'other',
  non_binary: 'other',
  その他: 'other',
};

class Cells<K extends string> {
  readonly problems: ImportProblem[] = [];
  constructor(
    private readonly cells: Partial<Record<K, string>>,
    private readonly row: number,
    private readonly labels: Partial<Record<K, string>>,
  ) {}

  label(key: K): string {
    return this.labels[key] ?? key;
  }

  problem(key: K | null, code: string, message: string): void {
    this.problems.push({ row: this.row, column: key === null ? null : this.label(key), code, message });
  }

  optional(key: K): string | null {
    const v = this.cells[key]?.trim();
    return v === undefined || v === '' ? null : v;
  }

  text(key: K, max = 200): string {
    const v = this.optional(key);
    if (v === null) {
      this.problem(key, 'required', `${this.label(key)} is required.`);
      return '';
    }
    if (v.length > max) this.problem(key, 'too_long', `${this.label(key)} is longer than ${max} characters.`);
    return v;
  }

  yen(key: K, opts: { positive?: boolean } = {}): number {
    const v = this.optional(key);
    if (v === null) {
      this.problem(key, 'required', `${this.label(key)} is required.`);
      return NaN;
    }
    const digits = v.replace(/[,¥￥円\s]/g, '');
    const n = /^\d+$/.test(digits) ? Number(digits) : NaN;
    if (!Number.isSafeInteger(n) || n > MAX_YEN) {
      this.problem(key, 'invalid_amount', `${this.label(key)} must be a whole yen amount, got "${v}".`);
      return NaN;
    }
    if (opts.positive && n === 0)
      this.problem(key, 'invalid_amount', `${this.label(key)} must be above zero.`);
    return n;
  }

  date(key: K, fallback?: string): string {
    const v = this.optional(key);
    if (v === null) {
      if (fallback !== undefined) return fallback;
      this.problem(key, 'required', `${this.label(key)} is required.`);
      return '';
    }
    const iso = parseDate(v);
    if (iso === null)
      this.problem(key, 'invalid_date', `${this.label(key)} must be a date (YYYY-MM-DD), got "${v}".`);
    return iso ?? '';
  }
}

/** YYYY-MM-DD or YYYY/M/D (as spreadsheets write it); null when not a real calendar date. */
export function parseDate(v: string): string | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(v.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function validateBenchmarkRow(
  cells: Partial<Record<BenchmarkColumn, string>>,
  row: number,
  labels: Partial<Record<BenchmarkColumn, string>> = {},
): RowResult<BenchmarkRecord> {
  const c = new Cells(cells, row, labels);
  const currency = c.text('currency', 3).toUpperCase();
  if (currency !== '' && !(SUPPORTED_CURRENCIES as readonly string[]).includes(currency)) {
    c.problem(
      'currency',
      'unsupported_currency',
      `Currency ${currency} is not supported; amounts are yen (JPY).`,
    );
  }
  const record: BenchmarkRecord = {
    jobFamily: c.text('job_family'),
    jobLevel: c.text('job_level'),
    location: c.text('location'),
    currency,
    p10: c.yen('p10'),
    p25: c.yen('p25'),
    p50: c.yen('p50', { positive: true }),
    p75: c.yen('p75'),
    p90: c.yen('p90'),
    source: c.text('source', 500),
    effectiveDate: c.date('effective_date'),
  };
  const ps = [record.p10, record.p25, record.p50, record.p75, record.p90];
  const keys = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;
  for (let i = 1; i < ps.length; i++) {
    if (ps[i] < ps[i - 1]) {
      c.problem(
        keys[i],
        'not_increasing',
        `${c.label(keys[i])} is below ${c.label(keys[i - 1])}; percentiles must not decrease.`,
      );
    }
  }
  return c.problems.length > 0 ? { ok: false, problems: c.problems } : { ok: true, record };
}

export function validateBandRow(
  cells: Partial<Record<BandColumn, string>>,
  row: number,
  labels: Partial<Record<BandColumn, string>> = {},
  defaultEffectiveDate: string,
): RowResult<BandRecord> {
  const c = new Cells(cells, row, labels);
  const record: BandRecord = {
    jobFamily: c.text('job_family'),
    jobLevel: c.text('job_level'),
    location: c.text('location'),
    min: c.yen('min'),
    mid: c.yen('mid', { positive: true }),
    max: c.yen('max'),
    effectiveDate: c.date('effective_date', defaultEffectiveDate),
  };
  if (record.mid < record.min)
    c.problem('mid', 'band_order', `${c.label('mid')} is below ${c.label('min')}.`);
  if (record.max < record.mid)
    c.problem('max', 'band_order', `${c.label('max')} is below ${c.label('mid')}.`);
  return c.problems.length > 0 ? { ok: false, problems: c.problems } : { ok: true, record };
}

export function validateIncumbentRow(
  cells: Partial<Record<IncumbentColumn, string>>,
  row: number,
  labels: Partial<Record<IncumbentColumn, string>> = {},
  snapshotEffectiveDate: string,
): RowResult<IncumbentRecord> {
  const c = new Cells(cells, row, labels);
  const hireDate = c.date('hire_date');
  if (hireDate !== '' && hireDate > snapshotEffectiveDate) {
    c.problem(
      'hire_date',
      'hire_after_snapshot',
      `${c.label('hire_date')} ${hireDate} is after the snapshot date ${snapshotEffectiveDate}.`,
    );
  }
  const rawGender = c.optional('gender');
  let gender: IncumbentRecord['gender'] = null;
  if (rawGender !== null) {
    gender = GENDERS[rawGender.toLowerCase().replace(/[\s-]+/g, '_')] ?? null;
    if (gender === null)
      c.problem(
        'gender',
        'invalid_enum',
        `${c.label('gender')} must be female, male, other or blank, got "${rawGender}".`,
      );
  }
  const rating = c.optional('performance_rating');
  if (rating !== null && rating.length > 20)
    c.problem(
      'performance_rating',
      'too_long',
      `${c.label('performance_rating')} is longer than 20 characters.`,
    );
  const record: IncumbentRecord = {
    employeeKey: c.text('employee_key', 100),
    jobFamily: c.text('job_family'),
    jobLevel: c.text('job_level'),
    location: c.text('location'),
    baseSalary: c.yen('base_salary', { positive: true }),
    hireDate,
    experienceYears: 0,
    performanceRating: rating === null ? null : rating.toUpperCase(),
    gender,
  };
  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  record.experienceYears = incumbentExperienceYears(hireDate, snapshotEffectiveDate);
  return { ok: true, record };
}

/** Turns a JSON item into cells so JSON and CSV imports share one validator. */
export function cellsFromJson<K extends string>(
  item: Record<string, unknown>,
  columns: readonly CsvColumnSpec<K>[],
): {
  cells: Partial<Record<K, string>>;
  unknown: string[];
} {
  const cells: Partial<Record<K, string>> = {};
  const byKey = new Map<string, K>();
  for (const col of columns) {
    byKey.set(col.key, col.key);
    byKey.set(camel(col.key), col.key);
  }
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(item)) {
    const key = byKey.get(k);
    if (key === undefined) {
      unknown.push(k);
      continue;
    }
    if (v === null || v === undefined) continue;
    cells[key] =
      typeof v === 'string'
        ? v
        : typeof v === 'number' || typeof v === 'boolean'
          ? String(v)
          : JSON.stringify(v);
  }
  return { cells, unknown };
}

function camel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
}
