// Route × role matrix, generated from the OpenAPI document: every documented route is called as each role
// and anonymously; the answer must be 401 (anonymous), 403 (role not allowed) or anything else but 5xx (allowed).
// A route missing from the table fails the test: a new route needs a reviewed entry here.
import { randomUUID } from 'node:crypto';
import { http, startApi, type Harness } from '../support/api-harness';

jest.setTimeout(120_000);

type Who = 'hr_admin' | 'recruiter' | 'hiring_manager' | 'integration';
const HR: Who[] = ['hr_admin'];
const HR_REC: Who[] = ['hr_admin', 'recruiter'];
const STAFF: Who[] = ['hr_admin', 'recruiter', 'hiring_manager'];
/** Pay data: recruiters get none; hiring managers the outcome without figures (security.md). */
const HR_HM: Who[] = ['hr_admin', 'hiring_manager'];
const PUBLIC = 'public' as const;

/** Who may call each route (anonymous callers only where PUBLIC). */
const EXPECTED: Record<string, Who[] | typeof PUBLIC> = {
  'GET /health': PUBLIC,
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /api/v1/operations/failures': ['hr_admin', 'integration'],
  'POST /api/v1/operations/failures/retry': ['hr_admin', 'integration'],
  'POST /api/v1/operations/failures/{jobId}/retry': ['hr_admin', 'integration'],
  'GET /api/v1/operations/uncertain': ['hr_admin', 'integration'],
  'POST /api/v1/operations/uncertain/{id}/resolve': ['hr_admin', 'integration'],
  'GET /api/v1/operations/backlog': ['hr_admin', 'integration'],
  'GET /health/details': ['hr_admin', 'integration'],
  'POST /api/v1/registry/imports': HR,
  'GET /api/v1/registry/alumni': HR_REC,
  'GET /api/v1/registry/alumni/{employeeNumber}': HR_REC,
  'DELETE /api/v1/registry/alumni/{employeeNumber}': HR,
  'POST /api/v1/registry/suppressions/lift': HR,
  'PUT /api/v1/hris/connections/{kind}': HR,
  'GET /api/v1/hris/connections/{kind}': HR,
  'POST /api/v1/hris/connections/{kind}/reconcile': HR,
  'GET /api/v1/hris/runs': HR,
  'GET /api/v1/hris/runs/{id}': HR,
  // Exit interviews: HR, and a hiring manager for the interviews HR named them for (others get 404 from the service).
  'GET /api/v1/exit-interviews': HR_HM,
  'GET /api/v1/exit-interviews/{alumnusId}': HR_HM,
  'PUT /api/v1/exit-interviews/{alumnusId}': HR_HM,
  'GET /api/v1/exit-interviews/{alumnusId}/history': HR,
  'POST /api/v1/exit-interviews/{alumnusId}/leaver-link': HR,
  'DELETE /api/v1/tokens/{jti}': HR,
  'GET /api/v1/tokens': HR,
  'POST /api/v1/tokens': HR,
  'GET /api/v1/people': HR,
  'POST /api/v1/people/invitations': HR,
  'GET /api/v1/people/invitations': HR,
  'PUT /api/v1/people/{id}/role': HR,
  'POST /api/v1/people/{id}/deactivate': HR,
  'POST /api/v1/people/{id}/reactivate': HR,
  'GET /api/v1/sso': HR,
  'PUT /api/v1/sso': HR,
  'DELETE /api/v1/sso': HR,
  'POST /api/v1/matching/preview': HR_REC,
  'GET /api/v1/matching/accuracy': HR,
  'GET /api/v1/eligibility/policies': HR,
  'POST /api/v1/eligibility/policies': HR,
  'GET /api/v1/eligibility/policies/active': HR,
  'GET /api/v1/eligibility/policies/{version}': HR,
  'POST /api/v1/eligibility/policies/validate': HR,
  'POST /api/v1/eligibility/policies/{version}/dry-run': HR,
  'POST /api/v1/eligibility/policies/{version}/activate': HR,
  'GET /api/v1/reports/outcomes': HR,
  'GET /api/v1/reonboarding-tasks': HR_HM,
  'POST /api/v1/reonboarding-tasks/{id}/done': HR_HM,
  'GET /api/v1/review-items': HR_REC,
  'GET /api/v1/review-items/{id}': HR_REC,
  'POST /api/v1/review-items/{id}/confirm': HR_REC,
  'POST /api/v1/review-items/{id}/reject': HR_REC,
  'PUT /api/v1/ats-connections/{ats}': HR,
  'DELETE /api/v1/ats-connections/{ats}': HR,
  'POST /api/v1/ats-connections/{ats}/check': HR,
  'GET /api/v1/stage-mappings': HR_REC,
  'PUT /api/v1/stage-mappings/{ats}/{jobId}': HR,
  'POST /api/v1/backfills/{ats}': HR,
  'GET /api/v1/backfills/{id}': HR,
  'POST /api/v1/backfills/{id}/resume': HR,
  'GET /api/v1/applications': HR_REC,
  'GET /api/v1/applications/{ats}/{applicationId}': HR_REC,
  'GET /api/v1/hr-reviews': HR,
  'POST /api/v1/applications/{ats}/{applicationId}/hr-review/approve': HR,
  'POST /api/v1/applications/{ats}/{applicationId}/hr-review/decline': HR,
  'POST /api/v1/applications/{ats}/{applicationId}/not-returnee': HR,
  'POST /api/v1/applications/re-evaluation/dry-run': HR,
  'POST /api/v1/applications/re-evaluation': HR,
  'PUT /api/v1/settings': HR,
  'GET /api/v1/audit': HR,
  'POST /api/v1/offers/applications/{ats}/{applicationId}/proposal': HR,
  'POST /api/v1/offers/applications/{ats}/{applicationId}/checks': HR_HM,
  'GET /api/v1/offers/applications/{ats}/{applicationId}/checks': HR_HM,
  'POST /api/v1/offers/checks/{checkId}/approval': HR,
  'POST /api/v1/offers/checks/{checkId}/decline': HR,
  'GET /api/v1/offers/fairness-policies': HR,
  'POST /api/v1/offers/fairness-policies': HR,
  'GET /api/v1/offers/fairness-policies/active': HR,
  'GET /api/v1/offers/fairness-policies/{version}': HR,
  'POST /api/v1/offers/fairness-policies/validate': HR,
  'POST /api/v1/offers/fairness-policies/{version}/dry-run': HR,
  'POST /api/v1/offers/fairness-policies/{version}/activate': HR,
  'POST /api/v1/offers/market-benchmarks/imports': HR,
  'POST /api/v1/offers/market-benchmarks': HR,
  'GET /api/v1/offers/market-benchmarks': HR,
  'POST /api/v1/offers/pay-bands/imports': HR,
  'POST /api/v1/offers/pay-bands': HR,
  'GET /api/v1/offers/pay-bands': HR,
  'POST /api/v1/offers/incumbent-snapshots/imports': HR,
  'POST /api/v1/offers/incumbent-snapshots': HR,
  'GET /api/v1/offers/incumbent-snapshots': HR,
  'GET /api/v1/offers/incumbent-snapshots/{snapshotId}/incumbents': HR,
  'GET /api/v1/jobs/mine': STAFF,
  'GET /api/v1/jobs/{ats}/{jobId}/assignments': HR,
  'PUT /api/v1/jobs/{ats}/{jobId}/assignments': HR,
  'POST /api/v1/jobs/{ats}/{jobId}/assignments/sync': HR,
  'GET /api/v1/notifications/settings': HR,
  'PUT /api/v1/notifications/settings': HR,
  'GET /api/v1/notifications/preferences/me': STAFF,
  'PUT /api/v1/notifications/preferences/me': STAFF,
  'POST /api/v1/notifications/run': HR,
  'GET /api/v1/jobs/{ats}/{jobId}/pay-target': HR_REC,
  'PUT /api/v1/jobs/{ats}/{jobId}/pay-target': HR,
  'GET /api/v1/briefings/job-departments/{ats}/{jobId}': HR,
  'PUT /api/v1/briefings/job-departments/{ats}/{jobId}': HR,
  'GET /api/v1/briefings/{ats}/{applicationId}': STAFF,
  'GET /api/v1/change-log': HR,
  'POST /api/v1/change-log': HR,
  'GET /api/v1/change-log/{id}': HR,
  'PUT /api/v1/change-log/{id}': HR,
  'DELETE /api/v1/change-log/{id}': HR,
  'GET /api/v1/rediscovery/jobs/{ats}': STAFF,
  'GET /api/v1/rediscovery/jobs/{ats}/{jobId}/candidates': STAFF,
  // HR or the job's hiring manager invite; recruiters see the list but do not send personal invitations.
  'POST /api/v1/rediscovery/invitations': HR_HM,
  'GET /api/v1/rediscovery/invitations': HR_HM,
  'GET /api/v1/rediscovery/funnel': HR,
};

const ROLES: Who[] = ['hr_admin', 'recruiter', 'hiring_manager', 'integration'];

function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'ats'
      ? 'greenhouse'
      : name === 'version'
        ? '1'
        : /id$/i.test(name) && name !== 'jobId' && name !== 'applicationId'
          ? randomUUID()
          : `x-${name}`,
  );
}

describe('route × role matrix from the OpenAPI document', () => {
  let api: Harness;
  let tokens: Record<Who, string>;
  let routes: string[];

  beforeAll(async () => {
    api = await startApi();
    const t = await api.tenant('matrix');
    tokens = Object.fromEntries(ROLES.map((r) => [r, t.token(r)])) as Record<Who, string>;
    const doc = await http(api.baseUrl, 'GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    routes = Object.entries<Record<string, unknown>>(doc.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
  });
  afterAll(async () => api?.close());

  it('has an entry for every documented route, and no stale ones', () => {
    expect(routes.filter((r) => !(r in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('answers every route × role as the table says (and never with a 5xx)', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const expected = EXPECTED[route];
      if (!expected) continue;
      const [method, path] = route.split(' ');
      for (const who of [...ROLES, 'anonymous' as const]) {
        const res = await http(api.baseUrl, method, concrete(path), {
          token: who === 'anonymous' ? undefined : tokens[who],
          json: method === 'GET' || method === 'DELETE' ? undefined : {},
        });
        const allowed = expected === PUBLIC || (who !== 'anonymous' && expected.includes(who));
        const ok =
          res.status < 500 &&
          (allowed
            ? res.status !== 401 && res.status !== 403
            : res.status === (who === 'anonymous' ? 401 : 403));
        if (!ok)
          wrong.push(`${route} as ${who}: ${res.status} (${allowed ? 'allowed' : 'denied'} in the table)`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
