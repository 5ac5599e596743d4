import { addDays, addMonths, completedMonths, parseCalendarDate } from './calendar-date';

const d = (s: string) => {
  const parsed = parseCalendarDate(s);
  if (!parsed) throw new Error(`bad test date ${s}`);
  return parsed;
};

describe('parseCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024/04/01', false],
    ['2024-4-1', false],
    ['', false],
  ])('%s valid=%s', (s, valid) => {
    expect(parseCalendarDate(s) !== null).toBe(valid);
  });
});

describe('addMonths clamps to month end', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2020-02-29', 12, '2021-02-28'],
    ['2020-02-29', 48, '2024-02-29'],
    ['2024-08-31', 1, '2024-09-30'],
    ['2024-11-15', 2, '2025-01-15'],
  ])('%s + %i = %s', (from, n, to) => {
    expect(addMonths(d(from), n)).toEqual(d(to));
  });
});

describe('addDays', () => {
  it.each([
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', -1, '2023-12-31'],
  ])('%s %+i = %s', (from, n, to) => {
    expect(addDays(d(from), n)).toEqual(d(to));
  });
});

describe('completedMonths', () => {
  it.each([
    ['2020-04-01', '2023-04-01', 36],
    ['2020-04-01', '2023-03-31', 35],
    ['2020-01-31', '2020-02-29', 1],
    ['2020-01-31', '2020-02-28', 0],
    ['2024-03-15', '2024-03-15', 0],
    ['2024-03-15', '2024-01-15', -2],
  ])('%s → %s = %i', (a, b, n) => {
    expect(completedMonths(d(a), d(b))).toBe(n);
  });
});
