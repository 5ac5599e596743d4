import type { CanonicalColumn } from './alumni-csv-columns';
import { validateAlumnusRow, type AlumnusRawRow } from './alumnus-row-validator';

const VALID: Record<CanonicalColumn, string> = {
  employee_number: 'E0001',
  family_name: '髙橋',
  given_name: '花子',
  family_name_kana: 'タカハシ',
  given_name_kana: 'はなこ',
  previous_family_names: '佐藤; 鈴木',
  birth_date: '1990/4/1',
  emails: 'hanako@example.com; h.takahashi@corp.example.co.jp',
  phones: '090-1234-5678',
  hire_date: '2015-04-01',
  leave_date: '2021-03-31',
  departure_reason: '育児',
  rehire_recommendation: 'conditional',
  department: '営業部',
  job_title: '主任',
  job_level: 'G3',
  last_base_salary: '5,400,000',
  performance_ratings: '2019:A;2020:B',
  skills: 'Excel;SQL',
  network_opt_in: 'TRUE',
};

function problemsOf(override: AlumnusRawRow): { column: string | null; code: string }[] {
  const result = validateAlumnusRow({ ...VALID, ...override }, 7);
  if ('record' in result) return [];
  for (const p of result.problems) expect(p.row).toBe(7);
  return result.problems.map(({ column, code }) => ({ column, code }));
}

describe('validateAlumnusRow', () => {
  it('normalises a valid row', () => {
    expect(validateAlumnusRow(VALID, 2)).toEqual({
      record: {
        employeeNumber: 'E0001',
        familyName: '髙橋',
        givenName: '花子',
        familyNameKana: 'タカハシ',
        givenNameKana: 'はなこ',
        previousFamilyNames: ['佐藤', '鈴木'],
        birthDate: '1990-04-01',
        emails: ['hanako@example.com', 'h.takahashi@corp.example.co.jp'],
        phones: ['090-1234-5678'],
        hireDate: '2015-04-01',
        leaveDate: '2021-03-31',
        departureReason: 'childcare',
        rehireRecommendation: 'conditional',
        department: '営業部',
        jobTitle: '主任',
        jobLevel: 'G3',
        lastBaseSalary: 5400000,
        performanceRatings: [
          { year: 2019, rating: 'A' },
          { year: 2020, rating: 'B' },
        ],
        skills: ['Excel', 'SQL'],
        networkOptIn: true,
      },
    });
  });

  it('fills optional columns with null / [] / defaults when empty or absent', () => {
    const result = validateAlumnusRow(
      {
        employee_number: ' Ｅ０００２ ',
        family_name: 'Smith',
        given_name: 'Jane',
        hire_date: '2020-01-01',
        leave_date: '2020-01-01',
        departure_reason: 'other',
        birth_date: '',
        emails: ' ; ',
      },
      3,
    );
    expect(result).toEqual({
      record: expect.objectContaining({
        employeeNumber: 'E0002',
        familyNameKana: null,
        givenNameKana: null,
        previousFamilyNames: [],
        birthDate: null,
        emails: [],
        phones: [],
        rehireRecommendation: 'unknown',
        department: null,
        jobTitle: null,
        jobLevel: null,
        lastBaseSalary: null,
        performanceRatings: [],
        skills: [],
        networkOptIn: false,
      }),
    });
  });

  it.each<[string, AlumnusRawRow, { column: string; code: string }[]]>([
    ['missing employee number', { employee_number: '  ' }, [{ column: 'employee_number', code: 'required' }]],
    ['missing family name', { family_name: '' }, [{ column: 'family_name', code: 'required' }]],
    ['missing given name', { given_name: undefined }, [{ column: 'given_name', code: 'required' }]],
    ['kanji in kana', { family_name_kana: '高橋' }, [{ column: 'family_name_kana', code: 'invalid_kana' }]],
    ['romaji in kana', { given_name_kana: 'Hanako' }, [{ column: 'given_name_kana', code: 'invalid_kana' }]],
    ['bad birth date', { birth_date: '1990-02-30' }, [{ column: 'birth_date', code: 'invalid_date' }]],
    [
      'bad email',
      { emails: 'hanako@example.com;not-an-email' },
      [{ column: 'emails', code: 'invalid_email' }],
    ],
    ['phone without digits', { phones: 'n/a' }, [{ column: 'phones', code: 'invalid_phone' }]],
    ['missing hire date', { hire_date: '' }, [{ column: 'hire_date', code: 'required' }]],
    ['bad hire date', { hire_date: '2015-04-31' }, [{ column: 'hire_date', code: 'invalid_date' }]],
    ['missing leave date', { leave_date: '' }, [{ column: 'leave_date', code: 'required' }]],
    ['bad leave date', { leave_date: '31/03/2021' }, [{ column: 'leave_date', code: 'invalid_date' }]],
    [
      'leave before hire',
      { hire_date: '2021-04-01', leave_date: '2021-03-31' },
      [{ column: 'leave_date', code: 'leave_before_hire' }],
    ],
    [
      'missing departure reason',
      { departure_reason: '' },
      [{ column: 'departure_reason', code: 'required' }],
    ],
    [
      'unknown departure reason',
      { departure_reason: 'fired' },
      [{ column: 'departure_reason', code: 'invalid_enum' }],
    ],
    [
      'unknown rehire value',
      { rehire_recommendation: 'maybe' },
      [{ column: 'rehire_recommendation', code: 'invalid_enum' }],
    ],
    [
      'decimal salary',
      { last_base_salary: '5400000.50' },
      [{ column: 'last_base_salary', code: 'invalid_integer' }],
    ],
    [
      'negative salary',
      { last_base_salary: '-1' },
      [{ column: 'last_base_salary', code: 'invalid_integer' }],
    ],
    [
      'rating without year',
      { performance_ratings: 'A' },
      [{ column: 'performance_ratings', code: 'invalid_rating' }],
    ],
    [
      'rating without grade',
      { performance_ratings: '2020:' },
      [{ column: 'performance_ratings', code: 'invalid_rating' }],
    ],
    [
      'rating year twice',
      { performance_ratings: '2020:A;2020:B' },
      [{ column: 'performance_ratings', code: 'invalid_rating' }],
    ],
    ['bad opt-in', { network_opt_in: 'maybe' }, [{ column: 'network_opt_in', code: 'invalid_boolean' }]],
    [
      'several problems at once',
      { family_name: '', hire_date: 'soon', network_opt_in: 'x' },
      [
        { column: 'family_name', code: 'required' },
        { column: 'hire_date', code: 'invalid_date' },
        { column: 'network_opt_in', code: 'invalid_boolean' },
      ],
    ],
  ])('%s', (_name, override, expected) => {
    expect(problemsOf(override)).toEqual(expected);
  });

  it.each<[string, AlumnusRawRow]>([
    ['Japanese departure label', { departure_reason: '懲戒解雇' }],
    ['full-width rating separator', { performance_ratings: '2019：Ａ；2020:B' }],
    ['half-width katakana reading', { family_name_kana: 'ﾀｶﾊｼ' }],
    ['reading with long vowel and space', { given_name_kana: 'ハナ コー' }],
    ['leave on the hire day', { hire_date: '2021-04-01', leave_date: '2021/4/1' }],
    ['1/0 boolean', { network_opt_in: '0' }],
  ])('accepts %s', (_name, override) => {
    expect(problemsOf(override)).toEqual([]);
  });

  it('uses the file header text as the problem column when given, and explains the problem', () => {
    const result = validateAlumnusRow({ ...VALID, hire_date: '2015-13-01' }, 12, { hire_date: '入社日' });
    expect(result).toEqual({
      problems: [
        { row: 12, column: '入社日', code: 'invalid_date', message: expect.stringContaining('入社日') },
      ],
    });
  });
});
