// Calendar arithmetic on `YYYY-MM-DD` strings without `Date`: no time zones, no hidden clock.

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses a strict `YYYY-MM-DD` string; `null` for anything else, including impossible days like 2023-02-29. */
export function parseCalendarDate(value: string | null | undefined): CalendarDate | null {
  // Hand-rolled digit reads instead of a regex: this runs twice per alumnus in a registry-wide dry run.
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return null;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** For dates our own code passes (e.g. `asOf`): a bad one is a bug and must not silently pass or fail rules. */
export function requireCalendarDate(value: string, name: string): CalendarDate {
  const d = parseCalendarDate(value);
  if (!d) throw new RangeError(`${name} must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  return d;
}

export function formatCalendarDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** A sortable integer (YYYYMMDD) so comparisons stay cheap in the 100k-row dry run. */
export function dateKey(d: CalendarDate): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

/**
 * Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29),
 * the way HR and payroll count anniversaries.
 */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  // Only ever called with small offsets (±1), so walking day by day is fine and exact.
  let { year, month, day } = d;
  let remaining = days;
  while (remaining > 0) {
    day += 1;
    if (day > daysInMonth(year, month)) {
      day = 1;
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
    remaining -= 1;
  }
  while (remaining < 0) {
    day -= 1;
    if (day < 1) {
      month -= 1;
      if (month < 1) {
        month = 12;
        year -= 1;
      }
      day = daysInMonth(year, month);
    }
    remaining += 1;
  }
  return { year, month, day };
}

/** Whole calendar months completed from `from` to `to` (negative when `to` is earlier). */
export function completedMonths(from: CalendarDate, to: CalendarDate): number {
  let n = (to.year - from.year) * 12 + (to.month - from.month);
  if (n >= 0) {
    if (dateKey(addMonths(from, n)) > dateKey(to)) n -= 1;
  } else if (dateKey(addMonths(from, n)) < dateKey(to)) {
    n += 1;
  }
  return n;
}
