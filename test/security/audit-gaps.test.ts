import eligibilityDefault from '../../config/eligibility-policy.default.json';
import fairnessDefault from '../../config/fairness-policy.default.json';
import { csvUpload, Harness, http, startApi, TestTenant } from '../support/api-harness';
import { auditRows } from './security-kit';

/**
 * Issue 12 #11: dry runs (they list people with departure reasons or pay), the matching preview and bulk
 * registry reads are audited: who, what, when, never the values.
 */
const HEADER =
  'employee_number,family_name,given_name,family_name_kana,given_name_kana,previous_family_names,birth_date,emails,phones,hire_date,leave_date,departure_reason,rehire_recommendation,department,job_title,job_level,last_base_salary,performance_ratings,skills,network_opt_in';
const ROW =
  'A5501,霧島,澪,キリシマ,ミオ,,1986-02-14,mio.kirishima@example.net,090-5501-7788,2011-04-01,2022-06-30,disciplinary_dismissal,no,営業部,主任,G3,6100000,2021:B,,false';
const VALUES = ['A5501', '霧島', '澪', 'kirishima', '1986-02-14', '6100000', 'disciplinary_dismissal'];

describe('security: audit of dry runs, previews and bulk reads', () => {
  let api: Harness;
  let t: TestTenant;
  const hr = () => t.token('hr_admin', 'hr-auditor');

  beforeAll(async () => {
    api = await startApi();
    t = await api.tenant('audit-gaps');
    expect(
      (
        await http(api.baseUrl, 'POST', '/api/v1/registry/imports', {
          token: hr(),
          body: csvUpload(`${HEADER}\n${ROW}\n`),
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => api.close());

  function expectNoValues(rows: unknown[]): void {
    const text = JSON.stringify(rows).toLowerCase();
    for (const v of VALUES) expect(text).not.toContain(v.toLowerCase());
  }

  it('audits an eligibility policy dry run', async () => {
    const draft = await http(api.baseUrl, 'POST', '/api/v1/eligibility/policies', {
      token: hr(),
      json: { document: eligibilityDefault, comment: 'try' },
    });
    expect(draft.status).toBe(201);
    const run = await http(
      api.baseUrl,
      'POST',
      `/api/v1/eligibility/policies/${draft.body.version}/dry-run`,
      { token: hr() },
    );
    expect(run.status).toBe(200);
    const rows = await auditRows(t.id, ['eligibility_policy.dry_run']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: 'hr-auditor',
      actor_role: 'hr_admin',
      target_id: String(draft.body.version),
    });
    expect(rows[0].created_at).toBeInstanceOf(Date);
    expectNoValues(rows);
  });

  it('audits a fairness policy dry run', async () => {
    const draft = await http(api.baseUrl, 'POST', '/api/v1/offers/fairness-policies', {
      token: hr(),
      json: { document: fairnessDefault, comment: 'try' },
    });
    expect(draft.status).toBe(201);
    const run = await http(
      api.baseUrl,
      'POST',
      `/api/v1/offers/fairness-policies/${draft.body.version}/dry-run`,
      { token: hr() },
    );
    expect(run.status).toBe(200);
    const rows = await auditRows(t.id, ['fairness_policy.dry_run']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'hr-auditor', target_id: String(draft.body.version) });
    expectNoValues(rows);
  });

  it("audits the matching preview with the fields it used, never their values (a recruiter's birth date is ignored)", async () => {
    const res = await http(api.baseUrl, 'POST', '/api/v1/matching/preview', {
      token: t.token('recruiter', 'rec-1'),
      json: {
        last_name: '霧島',
        first_name: '澪',
        emails: ['mio.kirishima@example.net'],
        birth_date: '1986-02-14',
      },
    });
    expect(res.status).toBe(200);
    const rows = await auditRows(t.id, ['matching.preview']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'rec-1', actor_role: 'recruiter' });
    // For anyone but HR the birth date takes no part in matching (no oracle), so it is not among the fields used.
    expect(rows[0].details).toMatchObject({ fieldsGiven: ['emails', 'firstName', 'lastName'] });
    expectNoValues(rows);
  });

  it('audits registry search and list reads, never the search term', async () => {
    expect(
      (await http(api.baseUrl, 'GET', '/api/v1/registry/alumni', { token: t.token('recruiter', 'rec-2') }))
        .status,
    ).toBe(200);
    expect(
      (
        await http(api.baseUrl, 'GET', `/api/v1/registry/alumni?q=${encodeURIComponent('霧島')}`, {
          token: hr(),
        })
      ).status,
    ).toBe(200);
    const rows = await auditRows(t.id, ['registry.search']);
    expect(rows.map((r) => [r.actor, r.details.filtered])).toEqual([
      ['rec-2', false],
      ['hr-auditor', true],
    ]);
    expectNoValues(rows);
  });
});
