import { DataSource } from 'typeorm';
import { csvUpload, Harness, http, startApi, TestTenant } from '../support/api-harness';
import { incumbents, toCsv, trackApplication } from './compensation-fixtures';

const REGISTRY_HEADER =
  'employee_number,family_name,given_name,family_name_kana,given_name_kana,previous_family_names,birth_date,emails,phones,hire_date,leave_date,departure_reason,rehire_recommendation,department,job_title,job_level,last_base_salary,performance_ratings,skills,network_opt_in';
const REGISTRY = [
  'E1,山田,太郎,ヤマダ,タロウ,,1988-05-12,taro@example.com,090-1111-2222,2012-04-01,2022-03-31,voluntary_career,yes,研究開発部,主任,G3,6200000,2021:A;2022:S,,true',
  'E2,佐藤,花子,サトウ,ハナコ,,1990-01-15,hanako@example.com,080-3333-4444,2015-04-01,2021-06-30,childcare,yes,営業部,担当,G2,4800000,2020:B,,false',
];
const SNAPSHOT_DATE = '2026-04-01';
const TODAY = '2026-06-01';

describe('offers & pay fairness API (real PostgreSQL)', () => {
  let h: Harness;
  let a: TestTenant;
  let b: TestTenant;
  let db: DataSource;
  const hr = () => a.token('hr_admin');

  beforeAll(async () => {
    h = await startApi({ REDIS_URL: undefined });
    a = await h.tenant('comp-a');
    b = await h.tenant('comp-b');
    db = h.app.get(DataSource);
    const reg = await http(h.baseUrl, 'POST', '/api/v1/registry/imports', {
      token: hr(),
      body: csvUpload([REGISTRY_HEADER, ...REGISTRY].join('\n') + '\n'),
    });
    expect(reg.status).toBe(201);
    await trackApplication(db, a.id, { applicationId: 'A1', jobId: 'J-ENG', employeeNumber: 'E1' });
    await trackApplication(db, a.id, { applicationId: 'A2', jobId: 'J-SALES', employeeNumber: 'E2' });
    await trackApplication(db, a.id, { applicationId: 'A3', jobId: 'J-ENG', employeeNumber: null });
  });
  afterAll(async () => h.close());

  describe('imports', () => {
    it('imports an incumbent snapshot from CSV as a new version with its effective date', async () => {
      const rows = [
        ...incumbents(40, { keyPrefix: 'ENG', seed: 1 }),
        ...incumbents(3, {
          keyPrefix: 'SAL',
          job_family: 'sales',
          job_level: 'G2',
          location: 'Osaka',
          salaryBase: 4_500_000,
          seed: 2,
        }),
      ];
      const res = await http(
        h.baseUrl,
        'POST',
        `/api/v1/offers/incumbent-snapshots/imports?effectiveDate=${SNAPSHOT_DATE}`,
        { token: hr(), body: csvUpload(toCsv(rows as any), 'pay.csv') },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'completed',
        rowsRead: 43,
        rowsImported: 43,
        snapshot: { effectiveDate: SNAPSHOT_DATE },
      });
      const list = await http(h.baseUrl, 'GET', '/api/v1/offers/incumbent-snapshots', { token: hr() });
      expect(list.body).toEqual([
        expect.objectContaining({ id: res.body.snapshot.id, effectiveDate: SNAPSHOT_DATE, rowCount: 43 }),
      ]);
    });

    it('rejects a CSV with problems as a whole, naming row and column', async () => {
      const rows = incumbents(5, { keyPrefix: 'BAD', seed: 3 }) as any[];
      rows[1].base_salary = 'abc'; // row 3
      rows[2].hire_date = '2020-02-30'; // row 4
      rows[3].employee_key = 'BAD0'; // row 5: duplicate of row 2
      rows[4].gender = 'unknown'; // row 6
      const res = await http(
        h.baseUrl,
        'POST',
        `/api/v1/offers/incumbent-snapshots/imports?effectiveDate=${SNAPSHOT_DATE}`,
        { token: hr(), body: csvUpload(toCsv(rows)) },
      );
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('import_rejected');
      expect(
        res.body.details.problems.map((p: any) => ({ row: p.row, column: p.column, code: p.code })),
      ).toEqual([
        { row: 3, column: 'base_salary', code: 'invalid_amount' },
        { row: 4, column: 'hire_date', code: 'invalid_date' },
        { row: 5, column: 'employee_key', code: 'duplicate_row' },
        { row: 6, column: 'gender', code: 'invalid_enum' },
      ]);
      const list = await http(h.baseUrl, 'GET', '/api/v1/offers/incumbent-snapshots', { token: hr() });
      expect(list.body).toHaveLength(1);
    });

    it('reports a missing column on row 1 and a missing effective date', async () => {
      const res = await http(h.baseUrl, 'POST', '/api/v1/offers/market-benchmarks/imports', {
        token: hr(),
        body: csvUpload(
          'job_family,job_level,location,currency,p10,p25,p50,p75,p90,effective_date\nengineering,G3,Tokyo,JPY,1,2,3,4,5,2026-01-01\n',
        ),
      });
      expect(res.status).toBe(422);
      expect(res.body.details.problems).toEqual([
        expect.objectContaining({ row: 1, column: 'source', code: 'missing_column' }),
      ]);
      const snap = await http(h.baseUrl, 'POST', '/api/v1/offers/incumbent-snapshots/imports', {
        token: hr(),
        body: csvUpload(toCsv(incumbents(2) as any)),
      });
      expect(snap.status).toBe(400);
    });

    it('imports benchmarks (CSV, with order problems reported) and bands (JSON)', async () => {
      const header = 'job_family,job_level,location,currency,p10,p25,p50,p75,p90,source,effective_date';
      const bad = await http(h.baseUrl, 'POST', '/api/v1/offers/market-benchmarks/imports', {
        token: hr(),
        body: csvUpload(
          `${header}\nengineering,G3,Tokyo,USD,5000000,5500000,5000000,6800000,7500000,Survey,2026-01-01\n`,
        ),
      });
      expect(bad.status).toBe(422);
      expect(bad.body.details.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
        [2, 'currency', 'unsupported_currency'],
        [2, 'p50', 'not_increasing'],
      ]);
      const ok = await http(h.baseUrl, 'POST', '/api/v1/offers/market-benchmarks/imports', {
        token: hr(),
        body: csvUpload(
          `${header}\nengineering,G3,Tokyo,JPY,5000000,5600000,6300000,6900000,7600000,Survey 2026,2026-01-01\nsales,G2,Osaka,JPY,3800000,4200000,4600000,5000000,5500000,Survey 2026,2026-01-01\n`,
        ),
      });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ rowsImported: 2, inserted: 2 });
      const bands = await http(h.baseUrl, 'POST', '/api/v1/offers/pay-bands', {
        token: hr(),
        json: {
          effectiveDate: '2026-01-01',
          items: [
            {
              jobFamily: 'engineering',
              jobLevel: 'G3',
              location: 'Tokyo',
              min: 5_000_000,
              mid: 6_300_000,
              max: 7_800_000,
            },
            {
              job_family: 'sales',
              job_level: 'G2',
              location: 'Osaka',
              min: 3_900_000,
              mid: 4_700_000,
              max: 5_600_000,
            },
          ],
        },
      });
      expect(bands.status).toBe(201);
      const badJson = await http(h.baseUrl, 'POST', '/api/v1/offers/pay-bands', {
        token: hr(),
        json: {
          items: [
            { jobFamily: 'x', jobLevel: 'G1', location: 'Tokyo', min: 10, mid: 5, max: 20, colour: 'red' },
            { jobFamily: 'x', jobLevel: 'G1', location: 'Tokyo', min: 10, mid: 15, max: 12 },
          ],
        },
      });
      expect(badJson.status).toBe(422);
      expect(badJson.body.details.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
        [1, 'colour', 'unknown_field'],
        [2, 'max', 'band_order'],
      ]);
    });

    it('keeps incumbent pay for hr_admin only, and audits the read', async () => {
      const [snap] = (await http(h.baseUrl, 'GET', '/api/v1/offers/incumbent-snapshots', { token: hr() }))
        .body;
      const path = `/api/v1/offers/incumbent-snapshots/${snap.id}/incumbents?limit=5`;
      expect((await http(h.baseUrl, 'GET', path, { token: a.token('recruiter') })).status).toBe(403);
      expect((await http(h.baseUrl, 'GET', path, { token: a.token('hiring_manager') })).status).toBe(403);
      expect(
        (
          await http(h.baseUrl, 'POST', '/api/v1/offers/pay-bands', {
            token: a.token('recruiter'),
            json: { items: [{}] },
          })
        ).status,
      ).toBe(403);
      const res = await http(h.baseUrl, 'GET', path, { token: hr() });
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(5);
      expect(res.body.nextCursor).toEqual(expect.any(String));
      const audit = await db.query(
        `SELECT action FROM audit_entries WHERE tenant_id = $1 AND action = 'compensation.read_incumbents'`,
        [a.id],
      );
      expect(audit).toHaveLength(1);
    });
  });

  describe('job settings', () => {
    it('lets HR set pay targets and assignments', async () => {
      const t1 = await http(h.baseUrl, 'PUT', '/api/v1/jobs/greenhouse/J-ENG/pay-target', {
        token: hr(),
        json: { jobFamily: 'engineering', jobLevel: 'G3', location: 'Tokyo' },
      });
      expect(t1.status).toBe(200);
      await http(h.baseUrl, 'PUT', '/api/v1/jobs/greenhouse/J-SALES/pay-target', {
        token: hr(),
        json: { jobFamily: 'sales', jobLevel: 'G2', location: 'Osaka' },
      });
      const as = await http(h.baseUrl, 'PUT', '/api/v1/jobs/greenhouse/J-SALES/assignments', {
        token: hr(),
        json: { userSubjects: ['hm-sales', 'hm-sales'] },
      });
      expect(as.body).toEqual({ userSubjects: ['hm-sales'] });
      await http(h.baseUrl, 'PUT', '/api/v1/jobs/greenhouse/J-ENG/assignments', {
        token: hr(),
        json: { userSubjects: ['hm-eng'] },
      });
      expect(
        (
          await http(h.baseUrl, 'PUT', '/api/v1/jobs/greenhouse/J-ENG/assignments', {
            token: a.token('recruiter'),
            json: { userSubjects: [] },
          })
        ).status,
      ).toBe(403);
      const mine = await http(h.baseUrl, 'GET', '/api/v1/jobs/mine', {
        token: a.token('hiring_manager', 'hm-sales'),
      });
      expect(mine.body).toEqual([{ ats: 'greenhouse', jobId: 'J-SALES' }]);
    });
  });

  describe('proposals and checks', () => {
    it('proposes a market-based offer for the returnee, with factors and the full check for HR', async () => {
      const res = await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A1/proposal', {
        token: hr(),
        json: { yearsOfExperienceAway: 3, asOf: TODAY },
      });
      expect(res.status).toBe(201);
      expect(res.body.kind).toBe('proposal');
      expect(res.body.proposal.factors.map((f: any) => f.factor)).toEqual(
        expect.arrayContaining(['market_median', 'experience_away', 'last_rating', 'prior_level']),
      );
      expect(res.body.proposal.priorSalary).toBe(6_200_000);
      expect(res.body.amount).toBe(res.body.proposal.amount);
      expect(res.body.fairness.view).toBe('full');
      expect(res.body.fairness.cohort).toMatchObject({ n: 40, scope: 'family_level_location' });
      expect(res.body.fairness.cohort.statistics.p50).toEqual(expect.any(Number));
      expect(res.body.policyVersion).toBe(1);
      expect(
        (
          await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A1/proposal', {
            token: a.token('recruiter'),
            json: {},
          })
        ).status,
      ).toBe(403);
    });

    it('refuses an application without a matched returnee and a missing target', async () => {
      expect(
        (
          await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A3/checks', {
            token: hr(),
            json: { amount: 6_000_000 },
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/NOPE/checks', {
            token: hr(),
            json: { amount: 6_000_000 },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A1/checks', {
            token: hr(),
            json: { amount: -1 },
          })
        ).status,
      ).toBe(400);
    });

    it('gives a recruiter no offer checks, pay bands or benchmarks at all (recruiters get no pay data)', async () => {
      const rec = a.token('recruiter');
      for (const [method, path] of [
        ['POST', '/api/v1/offers/applications/greenhouse/A2/checks'],
        ['GET', '/api/v1/offers/applications/greenhouse/A2/checks'],
        ['GET', '/api/v1/offers/pay-bands'],
        ['GET', '/api/v1/offers/market-benchmarks'],
      ]) {
        const res = await http(h.baseUrl, method, path, {
          token: rec,
          json: method === 'POST' ? { amount: 9_000_000, asOf: TODAY } : undefined,
        });
        expect([path, res.status]).toEqual([path, 403]);
      }
    });

    it('never gives a hiring manager cohort statistics when the cohort is below 5', async () => {
      const hm = await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A2/checks', {
        token: a.token('hiring_manager', 'hm-sales'),
        json: { amount: 9_000_000, asOf: TODAY },
      });
      expect(hm.status).toBe(201);
      const f = hm.body.fairness;
      expect(Object.keys(f).sort()).toEqual(['reasons', 'result', 'view']);
      expect(f.view).toBe('summary');
      expect(hm.text).not.toMatch(/4,800,000|4800000|priorSalary/);
      expect(f.reasons.map((r: any) => r.code)).toContain('small_cohort');
      expect(f.reasons.map((r: any) => r.code)).not.toContain('cohort_comparison_withheld');
      expect(hm.body).not.toHaveProperty('proposal');
      const again = await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A2/checks', {
        token: a.token('hiring_manager', 'hm-sales'),
        json: { amount: 9_100_000, asOf: TODAY },
      });
      expect(again.status).toBe(201);
      const history = await http(h.baseUrl, 'GET', '/api/v1/offers/applications/greenhouse/A2/checks', {
        token: a.token('hiring_manager', 'hm-sales'),
      });
      expect(history.status).toBe(200);
      expect(history.body).toHaveLength(2);
      for (const c of history.body)
        expect(Object.keys(c.fairness).sort()).toEqual(['reasons', 'result', 'view']);
      expect(history.text).not.toMatch(/"statistics"|"n":|"percentile"|"regression"|4800000/);
    });

    it('gives a hiring manager no cohort figures and nothing derived from the returnee’s own pay', async () => {
      const res = await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A1/checks', {
        token: a.token('hiring_manager', 'hm-eng'),
        json: { amount: 5_000_000, asOf: TODAY },
      });
      expect(res.status).toBe(201);
      expect(res.body.result).toBe('fail');
      expect(Object.keys(res.body.fairness).sort()).toEqual(['reasons', 'result', 'view']);
      expect(res.text).not.toMatch(/6,200,000|6200000|prior_salary|priorSalary|"statistics"|"percentile"/);
      expect(res.body.fairness.reasons).toEqual(
        expect.arrayContaining([expect.objectContaining({ basis: 'cohort_p25_with_experience' })]),
      );
    });

    it('leaves HR’s proposals (computed from the prior level and rating) out of a hiring manager’s history', async () => {
      const hrHistory = await http(h.baseUrl, 'GET', '/api/v1/offers/applications/greenhouse/A1/checks', {
        token: hr(),
      });
      const proposal = hrHistory.body.find((c: any) => c.kind === 'proposal');
      expect(proposal).toBeDefined();
      const hmHistory = await http(h.baseUrl, 'GET', '/api/v1/offers/applications/greenhouse/A1/checks', {
        token: a.token('hiring_manager', 'hm-eng'),
      });
      expect(hmHistory.status).toBe(200);
      expect(hmHistory.body.length).toBeGreaterThan(0);
      expect(hmHistory.body.map((c: any) => c.kind)).not.toContain('proposal');
      expect(hmHistory.body.map((c: any) => c.id)).not.toContain(proposal.id);
      expect(hmHistory.text).not.toContain(String(proposal.amount));
    });

    it('hides applications of other jobs from a hiring manager', async () => {
      const other = a.token('hiring_manager', 'hm-sales');
      expect(
        (await http(h.baseUrl, 'GET', '/api/v1/offers/applications/greenhouse/A1/checks', { token: other }))
          .status,
      ).toBe(404);
      expect(
        (
          await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A1/checks', {
            token: other,
            json: { amount: 6_000_000 },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await http(h.baseUrl, 'GET', '/api/v1/offers/applications/greenhouse/A1/checks', {
            token: a.token('hiring_manager', 'hm-eng'),
          })
        ).status,
      ).toBe(200);
    });

    it('records HR approval of a warn/fail result with who and why, audited, once', async () => {
      const check = await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A1/checks', {
        token: hr(),
        json: { amount: 5_000_000, asOf: TODAY },
      });
      expect(check.body.result).toBe('fail');
      expect(check.body.approvalRequired).toBe(true);
      const path = `/api/v1/offers/checks/${check.body.id}/approval`;
      expect(
        (await http(h.baseUrl, 'POST', path, { token: a.token('recruiter'), json: { reason: 'because' } }))
          .status,
      ).toBe(403);
      expect(
        (await http(h.baseUrl, 'POST', path, { token: b.token('hr_admin'), json: { reason: 'because' } }))
          .status,
      ).toBe(404);
      expect((await http(h.baseUrl, 'POST', path, { token: hr(), json: {} })).status).toBe(400);
      const ok = await http(h.baseUrl, 'POST', path, {
        token: a.token('hr_admin', 'hr-yuki'),
        json: { reason: 'Part-time return agreed; pay reviewed in 6 months' },
      });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ approvedBy: 'hr-yuki', reason: expect.stringContaining('Part-time') });
      expect(
        (await http(h.baseUrl, 'POST', path, { token: hr(), json: { reason: 'again please' } })).status,
      ).toBe(409);
      const audit = await db.query(
        `SELECT actor, details FROM audit_entries WHERE tenant_id = $1 AND action = 'offer.approve' AND target_id = $2`,
        [a.id, check.body.id],
      );
      expect(audit).toEqual([expect.objectContaining({ actor: 'hr-yuki' })]);
      const history = await http(h.baseUrl, 'GET', '/api/v1/offers/applications/greenhouse/A1/checks', {
        token: hr(),
      });
      expect(history.body.find((c: any) => c.id === check.body.id)).toMatchObject({
        approvalRequired: false,
        approval: { approved: true, approvedBy: 'hr-yuki' },
      });
      const asHm = await http(h.baseUrl, 'GET', '/api/v1/offers/applications/greenhouse/A1/checks', {
        token: a.token('hiring_manager', 'hm-eng'),
      });
      expect(asHm.body.find((c: any) => c.id === check.body.id).approval).toEqual({ approved: true });

      const pass = await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A1/checks', {
        token: hr(),
        json: { amount: 6_600_000, asOf: TODAY },
      });
      if (pass.body.result === 'pass') {
        expect(
          (
            await http(h.baseUrl, 'POST', `/api/v1/offers/checks/${pass.body.id}/approval`, {
              token: hr(),
              json: { reason: 'not needed' },
            })
          ).status,
        ).toBe(409);
      }
    });

    it('records HR declining a warn/fail result over REST like the console: who and why, audited, once', async () => {
      const check = await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A1/checks', {
        token: hr(),
        json: { amount: 5_000_000, asOf: TODAY },
      });
      expect(check.body.result).toBe('fail');
      const path = `/api/v1/offers/checks/${check.body.id}/decline`;
      const reason = { reason: 'Below every comparable incumbent' };
      for (const role of ['recruiter', 'hiring_manager'] as const)
        expect({
          role,
          status: (await http(h.baseUrl, 'POST', path, { token: a.token(role, 'hm-eng'), json: reason }))
            .status,
        }).toEqual({ role, status: 403 });
      expect((await http(h.baseUrl, 'POST', path, { token: b.token('hr_admin'), json: reason })).status).toBe(
        404,
      );
      for (const json of [{}, { reason: 'no' }, { reason: 'x'.repeat(2001) }, { reason: 42 }])
        expect((await http(h.baseUrl, 'POST', path, { token: hr(), json })).status).toBe(400);
      const bad = await http(h.baseUrl, 'POST', '/api/v1/offers/checks/not-a-uuid/decline', {
        token: hr(),
        json: reason,
      });
      expect(bad.status).toBe(400);

      const ok = await http(h.baseUrl, 'POST', path, { token: a.token('hr_admin', 'hr-ken'), json: reason });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ decision: 'declined', approvedBy: 'hr-ken', reason: reason.reason });
      // One decision per check: neither a second decline nor an approval after it.
      expect((await http(h.baseUrl, 'POST', path, { token: hr(), json: reason })).status).toBe(409);
      expect(
        (
          await http(h.baseUrl, 'POST', `/api/v1/offers/checks/${check.body.id}/approval`, {
            token: hr(),
            json: reason,
          })
        ).status,
      ).toBe(409);
      const audit = await db.query(
        `SELECT action, actor, details FROM audit_entries WHERE tenant_id = $1 AND target_id = $2 AND action IN ('offer.approve', 'offer.decline')`,
        [a.id, check.body.id],
      );
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'offer.decline',
          actor: 'hr-ken',
          details: expect.objectContaining({ application: 'greenhouse:A1', result: 'fail' }),
        }),
      ]);
      const asHr = await http(h.baseUrl, 'GET', '/api/v1/offers/applications/greenhouse/A1/checks', {
        token: hr(),
      });
      expect(asHr.body.find((c: any) => c.id === check.body.id)).toMatchObject({
        approvalRequired: false,
        approval: { approved: false, declined: true, approvedBy: 'hr-ken', reason: reason.reason },
      });
      // The hiring manager learns that it was declined, not who declined it or why (the response scan checks the rest).
      const asHm = await http(h.baseUrl, 'GET', '/api/v1/offers/applications/greenhouse/A1/checks', {
        token: a.token('hiring_manager', 'hm-eng'),
      });
      expect(asHm.body.find((c: any) => c.id === check.body.id).approval).toEqual({
        approved: false,
        declined: true,
      });
    });

    it('keeps tenant B away from tenant A’s offers and pay data', async () => {
      const bt = b.token('hr_admin');
      expect(
        (await http(h.baseUrl, 'GET', '/api/v1/offers/applications/greenhouse/A1/checks', { token: bt }))
          .status,
      ).toBe(404);
      expect(
        (
          await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A1/checks', {
            token: bt,
            json: { amount: 6_000_000 },
          })
        ).status,
      ).toBe(404);
      expect(
        (await http(h.baseUrl, 'GET', '/api/v1/offers/incumbent-snapshots', { token: bt })).body,
      ).toEqual([]);
      expect((await http(h.baseUrl, 'GET', '/api/v1/offers/market-benchmarks', { token: bt })).body).toEqual(
        [],
      );
      expect((await http(h.baseUrl, 'GET', '/api/v1/offers/pay-bands', { token: bt })).body).toEqual([]);
      const [snap] = (await http(h.baseUrl, 'GET', '/api/v1/offers/incumbent-snapshots', { token: hr() }))
        .body;
      expect(
        (
          await http(h.baseUrl, 'GET', `/api/v1/offers/incumbent-snapshots/${snap.id}/incumbents`, {
            token: bt,
          })
        ).status,
      ).toBe(404);
      expect(
        (await http(h.baseUrl, 'GET', '/api/v1/jobs/greenhouse/J-ENG/pay-target', { token: bt })).status,
      ).toBe(404);
      const policies = await http(h.baseUrl, 'GET', '/api/v1/offers/fairness-policies', { token: bt });
      expect(policies.body.map((p: any) => p.version)).toEqual([1]);
    });
  });

  describe('fairness policies', () => {
    it('validates, drafts, dry-runs over open offers and activates (audited)', async () => {
      const active = await http(h.baseUrl, 'GET', '/api/v1/offers/fairness-policies/active', { token: hr() });
      expect(active.body.version).toBe(1);
      const invalid = await http(h.baseUrl, 'POST', '/api/v1/offers/fairness-policies', {
        token: hr(),
        json: { document: { ...active.body.document, privacy: { minCohort: 0 } } },
      });
      expect(invalid.status).toBe(422);
      expect(invalid.body.details.problems).toEqual([
        expect.objectContaining({ path: '/privacy/minCohort', code: 'range' }),
      ]);
      const validated = await http(h.baseUrl, 'POST', '/api/v1/offers/fairness-policies/validate', {
        token: hr(),
        json: { document: { version: 1 } },
      });
      expect(validated.body.ok).toBe(false);

      // Turning the returnee penalty into a warning changes the open proposal/offer results that failed on it.
      const doc = structuredClone(active.body.document);
      doc.checks.returneePenalty.severity = 'warn';
      doc.wageGrowth.annualRate = 0.2;
      const draft = await http(h.baseUrl, 'POST', '/api/v1/offers/fairness-policies', {
        token: hr(),
        json: { document: doc, comment: 'penalty as warning' },
      });
      expect(draft.status).toBe(201);
      expect(draft.body).toMatchObject({ version: 2, status: 'draft' });
      const dry = await http(h.baseUrl, 'POST', '/api/v1/offers/fairness-policies/2/dry-run', {
        token: hr(),
      });
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ version: 2, againstVersion: 1, openOffers: 1 });
      expect(dry.body.before.pass + dry.body.before.warn + dry.body.before.fail).toBe(1);
      expect(dry.body.elapsedMs).toEqual(expect.any(Number));
      expect(
        (
          await http(h.baseUrl, 'POST', '/api/v1/offers/fairness-policies/2/dry-run', {
            token: a.token('recruiter'),
          })
        ).status,
      ).toBe(403);

      const act = await http(h.baseUrl, 'POST', '/api/v1/offers/fairness-policies/2/activate', {
        token: hr(),
      });
      expect(act.status).toBe(200);
      const history = await http(h.baseUrl, 'GET', '/api/v1/offers/fairness-policies', { token: hr() });
      expect(history.body.map((p: any) => [p.version, p.status])).toEqual([
        [2, 'active'],
        [1, 'retired'],
      ]);
      const audit = await db.query(
        `SELECT action FROM audit_entries WHERE tenant_id = $1 AND action LIKE 'fairness_policy.%' ORDER BY id`,
        [a.id],
      );
      expect(audit.map((r: any) => r.action)).toEqual([
        'fairness_policy.draft',
        'fairness_policy.dry_run',
        'fairness_policy.activate',
      ]);
      const check = await http(h.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/A1/checks', {
        token: hr(),
        json: { amount: 5_000_000, asOf: TODAY },
      });
      expect(check.body.policyVersion).toBe(2);
    });
  });
});
