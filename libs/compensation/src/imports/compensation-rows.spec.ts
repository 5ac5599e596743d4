import { parseDate, validateBandRow, validateBenchmarkRow, validateIncumbentRow } from './compensation-rows';

describe('compensation row validation', () => {
  it('reads an incumbent with experience at the snapshot date and normalised gender and rating', () => {
    const r = validateIncumbentRow(
      {
        employee_key: 'K1',
        job_family: 'eng',
        job_level: 'G3',
        location: 'Tokyo',
        base_salary: '6,200,000',
        hire_date: '2022/4/1',
        performance_rating: 'a',
        gender: '女性',
      },
      2,
      {},
      '2024-04-01',
    );
    expect(r).toEqual({
      ok: true,
      record: expect.objectContaining({
        baseSalary: 6_200_000,
        hireDate: '2022-04-01',
        experienceYears: 2,
        performanceRating: 'A',
        gender: 'female',
      }),
    });
  });

  it('reports every problem of a row with the column as written in the file', () => {
    const r = validateIncumbentRow(
      {
        employee_key: '',
        job_family: 'eng',
        job_level: 'G3',
        location: 'Tokyo',
        base_salary: '12.5',
        hire_date: '2025-01-01',
        gender: '?',
      },
      7,
      { base_salary: '基本給' },
      '2024-04-01',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [7, 'hire_date', 'hire_after_snapshot'],
      [7, 'gender', 'invalid_enum'],
      [7, 'employee_key', 'required'],
      [7, '基本給', 'invalid_amount'],
    ]);
  });

  it('checks benchmark currency and percentile order', () => {
    const base = {
      job_family: 'eng',
      job_level: 'G3',
      location: 'Tokyo',
      currency: 'jpy',
      p10: '1',
      p25: '2',
      p50: '3',
      p75: '4',
      p90: '5',
      source: 'S',
      effective_date: '2026-01-01',
    };
    expect(validateBenchmarkRow(base, 2).ok).toBe(true);
    const bad = validateBenchmarkRow({ ...base, currency: 'EUR', p75: '2' }, 3);
    expect(bad.ok ? [] : bad.problems.map((p) => [p.column, p.code])).toEqual([
      ['currency', 'unsupported_currency'],
      ['p75', 'not_increasing'],
    ]);
  });

  it('defaults a band date and checks min ≤ mid ≤ max', () => {
    const ok = validateBandRow(
      { job_family: 'a', job_level: 'b', location: 'c', min: '1', mid: '2', max: '3' },
      2,
      {},
      '2026-05-01',
    );
    expect(ok).toEqual({ ok: true, record: expect.objectContaining({ effectiveDate: '2026-05-01' }) });
    const bad = validateBandRow(
      { job_family: 'a', job_level: 'b', location: 'c', min: '5', mid: '2', max: '3' },
      2,
      {},
      '2026-05-01',
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.column)).toEqual(['mid']);
  });

  it('parses only real calendar dates', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('2024/4/1')).toBe('2024-04-01');
    expect(parseDate('April 1')).toBeNull();
  });
});
