// Dates and wage growth. Kept local to compensation so this area depends on no other feature folder.

export class CompensationInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompensationInputError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` as a UTC day; throws on anything else so a typo never becomes "0 years". */
export function parseIsoDate(value: string, name: string): Date {
  const m = ISO_DATE.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return date;
  }
  throw new CompensationInputError(`${name} must be a date YYYY-MM-DD, got "${value}"`);
}

function addYearsUtc(d: Date, years: number): Date {
  const y = d.getUTCFullYear() + years;
  const month = d.getUTCMonth();
  // 29 Feb + 1 year lands on 28 Feb, not 1 Mar.
  const lastDay = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month, Math.min(d.getUTCDate(), lastDay)));
}

const DAY_MS = 86_400_000;

/**
 * Calendar years from `from` to `to`: whole anniversaries plus the fraction of the following year,
 * so 2022-04-01 → 2024-04-01 is exactly 2 (a 365.25-day year would give 2.0014). Negative spans give 0.
 */
export function elapsedYears(from: string, to: string): number {
  const a = parseIsoDate(from, 'from');
  const b = parseIsoDate(to, 'to');
  if (b.getTime() <= a.getTime()) return 0;
  let whole = b.getUTCFullYear() - a.getUTCFullYear();
  if (addYearsUtc(a, whole).getTime() > b.getTime()) whole -= 1;
  const start = addYearsUtc(a, whole);
  const next = addYearsUtc(a, whole + 1);
  return whole + (b.getTime() - start.getTime()) / DAY_MS / ((next.getTime() - start.getTime()) / DAY_MS);
}

export interface WageGrowthAdjustment {
  /** Prior salary grown at the annual rate, rounded to the yen. */
  adjusted: number;
  /** Growth since leaving as a ratio (0.050625 = +5.0625%). */
  growth: number;
  years: number;
}

/** Compounds `annualRate` over the calendar years between leaving and `asOf`. */
export function adjustForWageGrowth(
  amount: number,
  leaveDate: string,
  asOf: string,
  annualRate: number,
): WageGrowthAdjustment {
  requireYen(amount, 'amount');
  const years = elapsedYears(leaveDate, asOf);
  const factor = Math.pow(1 + annualRate, years);
  return { adjusted: Math.round(amount * factor), growth: factor - 1, years };
}

export function requireYen(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new CompensationInputError(`${name} must be a non-negative integer amount in yen, got ${value}`);
  }
}

/** Rounds to `decimals` places for display; comparisons use unrounded values. */
export function roundTo(value: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  return Math.round(value * f) / f;
}

export function formatYen(value: number): string {
  return `¥${Math.round(value).toLocaleString('en-US')}`;
}
