// Issue 12 #2 — birth date oracle: a recruiter must not learn a former employee's birth date from the
// matching preview by guessing dates. For non-HR roles the preview is computed without the applicant's
// sensitive fields (birth date), so every guess gives the same answer.
import { csvUpload, Harness, http, startApi, TestTenant } from '../support/api-harness';
import { expectNoSensitiveData } from '../support/sensitive-scan';

const HEADER =
  'employee_number,family_name,given_name,family_name_kana,given_name_kana,previous_family_names,birth_date,emails,phones,hire_date,leave_date,departure_reason,rehire_recommendation,department,job_title,job_level,last_base_salary,performance_ratings,skills,network_opt_in';
const BIRTH_DATE = '1987-09-23';
const ROWS = [
  `E7001,鷲尾,瑞穂,ワシオ,ミズホ,,${BIRTH_DATE},mizuho.w@example.com,090-7777-1234,2010-04-01,2021-03-31,health,yes,研究開発部,主任,G3,7345000,2020:A,,true`,
  'E7002,田中,一郎,タナカ,イチロウ,,1979-02-02,ichiro.t@example.com,090-2222-9999,2008-04-01,2020-03-31,voluntary_career,yes,営業部,担当,G2,5120000,2019:B,,false',
];
const PERSON = { birthDate: BIRTH_DATE, salaries: [7_345_000], departureReason: 'health' };

describe('security: birth date oracle in the matching preview (issue 12 #2)', () => {
  let h: Harness;
  let t: TestTenant;
  const preview = (token: string, json: unknown) =>
    http(h.baseUrl, 'POST', '/api/v1/matching/preview', { token, json });

  beforeAll(async () => {
    h = await startApi({ REDIS_URL: undefined });
    t = await h.tenant('sec-bdo');
    const reg = await http(h.baseUrl, 'POST', '/api/v1/registry/imports', {
      token: t.token('hr_admin'),
      body: csvUpload([HEADER, ...ROWS].join('\n') + '\n'),
    });
    expect(reg.status).toBe(201);
  });
  afterAll(async () => h.close());

  // Name only (a namesake-level signal): the case where a birth date agreement would tip the decision.
  const applicant = {
    first_name: '瑞穂',
    last_name: '鷲尾',
    first_name_kana: 'ミズホ',
    last_name_kana: 'ワシオ',
  };
  const guesses = [
    BIRTH_DATE,
    '1987-09-24',
    '1987-10-23',
    '1988-09-23',
    '1990-01-01',
    '1987-09-22',
    '2000-12-31',
  ];

  it('birth date oracle: a recruiter gets byte-identical answers whatever birth date is guessed', async () => {
    const token = t.token('recruiter');
    const without = await preview(token, applicant);
    expect(without.status).toBe(200);
    for (const birth_date of guesses) {
      const res = await preview(token, { ...applicant, birth_date });
      expect(res.status).toBe(200);
      expect(res.text).toBe(without.text);
    }
  });

  it('birth date oracle: a recruiter answer carries no birth-date evidence or sensitive value', async () => {
    const res = await preview(t.token('recruiter'), {
      ...applicant,
      birth_date: BIRTH_DATE,
      emails: ['mizuho.w@example.com'],
    });
    expect(res.status).toBe(200);
    expect(res.body.candidates.length).toBeGreaterThan(0);
    for (const c of res.body.candidates)
      expect(c.evidence.map((e: { field: string }) => e.field)).not.toContain('birth_date');
    expectNoSensitiveData(res.text, PERSON);
  });

  it('birth date oracle: a birth date given by a recruiter does not even find candidates', async () => {
    const onlyDate = await preview(t.token('recruiter'), { birth_date: BIRTH_DATE, last_name: '無関係' });
    const otherDate = await preview(t.token('recruiter'), { birth_date: '1955-05-05', last_name: '無関係' });
    expect(onlyDate.status).toBe(200);
    expect(onlyDate.text).toBe(otherDate.text);
    expect(onlyDate.body.candidates).toEqual([]);
  });

  it('birth date oracle: HR still matches on the birth date and sees its evidence', async () => {
    const hr = await preview(t.token('hr_admin'), { ...applicant, birth_date: BIRTH_DATE });
    const wrong = await preview(t.token('hr_admin'), { ...applicant, birth_date: '1990-01-01' });
    const ev = (r: typeof hr) =>
      r.body.candidates
        .find((c: { employee_number: string }) => c.employee_number === 'E7001')
        .evidence.find((e: { field: string }) => e.field === 'birth_date');
    expect(ev(hr).outcome).toBe('agree');
    expect(ev(wrong).outcome).toBe('disagree');
  });
});
