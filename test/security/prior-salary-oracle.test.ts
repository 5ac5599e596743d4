// Issue 12 #3 — prior salary oracle: what-if offer checks must not let a hiring manager (recruiters get none)
// binary-search a returnee's prior salary (no reason, code, basis or outcome derived from prior pay; a bounded
// asOf; a per-user limit on what-if checks, audited).
import { DataSource } from 'typeorm';
import { csvUpload, Harness, http, startApi, TestTenant } from '../support/api-harness';
import { expectNoSensitiveData } from '../support/sensitive-scan';
import { incumbents, toCsv, trackApplication } from '../compensation/compensation-fixtures';

const HEADER =
  'employee_number,family_name,given_name,family_name_kana,given_name_kana,previous_family_names,birth_date,emails,phones,hire_date,leave_date,departure_reason,rehire_recommendation,department,job_title,job_level,last_base_salary,performance_ratings,skills,network_opt_in';
const PRIOR = 6_743_000;
const ROW = `E8001,森,花梨,モリ,カリン,,1986-11-17,karin.m@example.com,090-8888-1212,2011-04-01,2024-03-31,voluntary_career,yes,研究開発部,主任,G3,${PRIOR},2023:A,,true`;
const PERSON = { birthDate: '1986-11-17', salaries: [PRIOR], departureReason: 'voluntary_career' };
const CHECKS = '/api/v1/offers/applications/greenhouse/P1/checks';
const TODAY = new Date().toISOString().slice(0, 10);

/** What may differ between two checks whatever the prior pay: the row's identity, time and the amount asked. */
function priorPayIndependentPart(body: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, createdAt: _createdAt, amount: _amount, ...rest } = body;
  return rest;
}

describe('security: prior salary oracle in what-if offer checks (issue 12 #3)', () => {
  let h: Harness;
  let t: TestTenant;
  let db: DataSource;
  let grown: number;

  beforeAll(async () => {
    h = await startApi({ REDIS_URL: undefined });
    t = await h.tenant('sec-pso');
    db = h.app.get(DataSource);
    const hr = t.token('hr_admin');
    expect(
      (
        await http(h.baseUrl, 'POST', '/api/v1/registry/imports', {
          token: hr,
          body: csvUpload(`${HEADER}\n${ROW}\n`),
        })
      ).status,
    ).toBe(201);
    const snap = await http(
      h.baseUrl,
      'POST',
      `/api/v1/offers/incumbent-snapshots/imports?effectiveDate=2026-04-01`,
      {
        token: hr,
        body: csvUpload(
          toCsv(incumbents(40, { keyPrefix: 'P', seed: 9, salaryBase: 9_000_000 }) as any),
          'pay.csv',
        ),
      },
    );
    expect(snap.status).toBe(201);
    await trackApplication(db, t.id, { applicationId: 'P1', jobId: 'J-P', employeeNumber: 'E8001' });
    await http(h.baseUrl, 'PUT', '/api/v1/jobs/greenhouse/J-P/pay-target', {
      token: hr,
      json: { jobFamily: 'engineering', jobLevel: 'G3', location: 'Tokyo' },
    });
    await http(h.baseUrl, 'PUT', '/api/v1/jobs/greenhouse/J-P/assignments', {
      token: hr,
      json: { userSubjects: ['hm-p', 'hm-2', 'hm-3', 'hm-4'] },
    });
    const asHr = await http(h.baseUrl, 'POST', CHECKS, { token: hr, json: { amount: 7_100_000 } });
    expect(asHr.status).toBe(201);
    grown = asHr.body.fairness.returnee.priorSalaryAdjustedForWageGrowth;
    expect(grown).toBeGreaterThan(PRIOR);
  });
  afterAll(async () => h.close());

  it('prior salary oracle: amounts on either side of the prior salary give identical non-HR answers', async () => {
    // Recruiters get no offer checks at all; hiring managers the outcome without figures.
    expect(
      (await http(h.baseUrl, 'POST', CHECKS, { token: t.token('recruiter', 'rec-1'), json: { amount: 1 } }))
        .status,
    ).toBe(403);
    for (const token of [t.token('hiring_manager', 'hm-p')]) {
      const below = await http(h.baseUrl, 'POST', CHECKS, { token, json: { amount: grown - 20_000 } });
      const above = await http(h.baseUrl, 'POST', CHECKS, { token, json: { amount: grown + 20_000 } });
      expect([below.status, above.status]).toEqual([201, 201]);
      expect(priorPayIndependentPart(below.body)).toEqual(priorPayIndependentPart(above.body));
      for (const res of [below, above]) {
        expect(res.text).not.toMatch(/prior_salary|returnee_penalty.*prior|priorSalary/);
        expectNoSensitiveData(res.text, PERSON);
      }
      const history = await http(h.baseUrl, 'GET', CHECKS, { token });
      expect(history.status).toBe(200);
      expectNoSensitiveData(history.text, PERSON);
    }
    // HR still sees the penalty below the prior salary.
    const hr = await http(h.baseUrl, 'POST', CHECKS, {
      token: t.token('hr_admin'),
      json: { amount: grown - 20_000 },
    });
    expect(hr.body.fairness.reasons.map((r: { basis: string }) => r.basis)).toContain('prior_salary');
  });

  it('prior salary oracle: asOf must lie within a year of today', async () => {
    const token = t.token('hiring_manager', 'hm-2');
    for (const asOf of ['2010-01-01', '2035-01-01']) {
      const res = await http(h.baseUrl, 'POST', CHECKS, { token, json: { amount: 7_000_000, asOf } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    expect(
      (await http(h.baseUrl, 'POST', CHECKS, { token, json: { amount: 7_000_000, asOf: TODAY } })).status,
    ).toBe(201);
  });

  it('prior salary oracle: repeated what-if checks are limited per user (429 with a code) and audited', async () => {
    const token = t.token('hiring_manager', 'hm-3');
    let limited: Awaited<ReturnType<typeof http>> | null = null;
    for (let i = 0; i < 100 && !limited; i++) {
      const res = await http(h.baseUrl, 'POST', CHECKS, { token, json: { amount: 7_000_000 + i * 1000 } });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(201);
    }
    expect(limited?.body.code).toBe('rate_limited');
    // Another user is not affected.
    expect(
      (
        await http(h.baseUrl, 'POST', CHECKS, {
          token: t.token('hiring_manager', 'hm-4'),
          json: { amount: 7_000_000 },
        })
      ).status,
    ).toBe(201);
    const audit = await db.query(`SELECT action FROM audit_entries WHERE tenant_id = $1 AND actor = 'hm-3'`, [
      t.id,
    ]);
    const actions = audit.map((r: { action: string }) => r.action);
    expect(actions).toContain('offer.check');
    expect(actions).toContain('offer.check_rate_limited');
  });
});
