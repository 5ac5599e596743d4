import { http } from '../support/api-harness';
import { AtsUnderTest, Stack, startStack } from '../support/pipeline-stack';
import { simulatorCall } from '../support/simulator-call';

jest.setTimeout(240_000);

const HANA = 'hana.hm@e2e.example';
const KEN = 'ken.hm@e2e.example';
const RECRUITER = 'rio.recruiter@e2e.example';
const MANUAL = 'manual.hm@e2e.example';

/**
 * Hiring-manager assignments follow the ATS's hiring team (Greenhouse job_hiring_managers + users' e-mails,
 * Workable job members with collaboration_role hiring_manager), matched by e-mail, over HTTP against the
 * simulator; HR's hand edits survive a sync and a hand removal is remembered.
 */
describe.each<AtsUnderTest>(['greenhouse', 'workable'])('hiring-team assignments on %s', (ats) => {
  let stack: Stack;
  let jobId: string;

  function sim(method: string, path: string, body: unknown): Promise<any> {
    return simulatorCall(`${stack.sim.url}/_sim`, method, path, body);
  }

  /** Sets the job's hiring team in the ATS (Workable: plus a recruiter member, who is no hiring manager). */
  async function setTeam(emails: string[]): Promise<void> {
    if (ats === 'greenhouse')
      await sim('PUT', `/greenhouse/jobs/${jobId}/hiring-managers`, { company: 'e2e', emails });
    else
      await sim('PUT', `/workable/jobs/${jobId}/members`, {
        company: 'e2e',
        members: [
          ...emails.map((email) => ({ email, collaborationRole: 'hiring_manager' })),
          { email: RECRUITER, collaborationRole: 'recruiter' },
        ],
      });
  }

  const assignments = async () => {
    const r = await http(stack.api.baseUrl, 'GET', `/api/v1/jobs/${ats}/${jobId}/assignments`, {
      token: stack.hr,
    });
    expect(r.status).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    stack = await startStack(ats);
    if (ats === 'greenhouse') {
      // E-mails in mixed case: matching is case-insensitive.
      await sim('POST', '/seed', {
        company: 'e2e',
        greenhouse: {
          users: [
            { firstName: 'Hana', lastName: 'HM', email: 'Hana.HM@e2e.example' },
            { firstName: 'Ken', lastName: 'HM', email: KEN },
            { firstName: 'Nobody', lastName: 'Here', email: 'not-an-email' },
          ],
        },
      });
      const state: any = await (await fetch(`${stack.sim.url}/_sim/state`)).json();
      const company = state.companies.find((c: any) => c.company === 'e2e');
      jobId = String(company.greenhouse.jobs.find((j: any) => j.name === 'Backend').id);
      await sim('PUT', `/greenhouse/jobs/${jobId}/hiring-managers`, {
        company: 'e2e',
        emails: ['Hana.HM@e2e.example', KEN, 'not-an-email'],
      });
    } else {
      await sim('POST', '/seed', {
        company: 'e2e',
        workable: {
          members: [
            { name: 'Hana HM', email: 'Hana.HM@e2e.example', role: 'simple' },
            { name: 'Ken HM', email: KEN, role: 'simple' },
            { name: 'Rio Recruiter', email: RECRUITER, role: 'recruiter' },
          ],
        },
      });
      jobId = 'BE';
      await setTeam([HANA, KEN]);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('assigns the hiring team when an application for the job arrives by webhook', async () => {
    expect((await assignments()).userSubjects).toEqual([]);
    await stack.apply({ firstName: 'Jiro', lastName: 'Tanaka', email: 'jiro.tanaka@example.org' });
    await stack.waitIdle();

    const a = await assignments();
    expect(a.userSubjects).toEqual([HANA, KEN]);
    expect(a.assignments).toEqual([
      { userSubject: HANA, source: 'ats' },
      { userSubject: KEN, source: 'ats' },
    ]);
    expect(a.lastSyncedAt).not.toBeNull();

    // The assigned hiring manager (token subject = e-mail today) sees the job as theirs.
    const mine = await http(stack.api.baseUrl, 'GET', '/api/v1/jobs/mine', {
      token: stack.tenant.token('hiring_manager', HANA),
    });
    expect(mine.body).toEqual([{ ats, jobId }]);
    // A recruiter on the Workable team is not a hiring manager.
    const other = await http(stack.api.baseUrl, 'GET', '/api/v1/jobs/mine', {
      token: stack.tenant.token('hiring_manager', RECRUITER),
    });
    expect(other.body).toEqual([]);
  });

  it('does not read the hiring team again for every application within the interval', async () => {
    await setTeam([HANA]);
    await stack.apply({ firstName: 'Saburo', lastName: 'Kato', email: 'saburo.kato@example.org' });
    await stack.waitIdle();
    // Still both: the second webhook for the job came within the sync interval.
    expect((await assignments()).userSubjects).toEqual([HANA, KEN]);
    await setTeam([HANA, KEN]);
  });

  it('keeps HR hand edits through an on-demand sync, and remembers a removal by hand', async () => {
    const put = await http(stack.api.baseUrl, 'PUT', `/api/v1/jobs/${ats}/${jobId}/assignments`, {
      token: stack.hr,
      json: { userSubjects: [HANA, MANUAL] },
    });
    expect(put.status).toBe(200);
    let a = await assignments();
    expect(a.assignments).toEqual([
      { userSubject: HANA, source: 'ats' },
      { userSubject: MANUAL, source: 'manual' },
    ]);
    expect(a.removedByHand).toEqual([KEN]);

    // The ATS drops Hana and still lists Ken: Hana goes, Ken stays out (HR removed him), the manual one stays.
    await setTeam([KEN]);
    const sync = await http(stack.api.baseUrl, 'POST', `/api/v1/jobs/${ats}/${jobId}/assignments/sync`, {
      token: stack.hr,
    });
    expect(sync.status).toBe(200);
    expect(sync.body).toMatchObject({ matched: [KEN], keptRemoved: [KEN], added: [], removed: [HANA] });
    expect(sync.body.userSubjects).toEqual([MANUAL]);

    // HR adds Ken back by hand: the removal is forgotten and he is a manual assignment now.
    await http(stack.api.baseUrl, 'PUT', `/api/v1/jobs/${ats}/${jobId}/assignments`, {
      token: stack.hr,
      json: { userSubjects: [KEN, MANUAL] },
    });
    a = await assignments();
    expect(a.assignments).toEqual([
      { userSubject: KEN, source: 'manual' },
      { userSubject: MANUAL, source: 'manual' },
    ]);
    // Hana left through the ATS, not by HR's hand: nothing remembered.
    expect(a.removedByHand).toEqual([]);

    // HR takes the manual one off; the ATS lists Hana again: she comes back from the ATS, Ken stays manual.
    await http(stack.api.baseUrl, 'PUT', `/api/v1/jobs/${ats}/${jobId}/assignments`, {
      token: stack.hr,
      json: { userSubjects: [KEN] },
    });
    await setTeam([HANA, KEN]);
    const again = await http(stack.api.baseUrl, 'POST', `/api/v1/jobs/${ats}/${jobId}/assignments/sync`, {
      token: stack.hr,
    });
    expect(again.body.assignments).toEqual([
      { userSubject: HANA, source: 'ats' },
      { userSubject: KEN, source: 'manual' },
    ]);
    expect(again.body.removedByHand).toEqual([MANUAL]);
  });

  it('only HR may sync, and an unknown ATS is refused', async () => {
    const r = await http(stack.api.baseUrl, 'POST', `/api/v1/jobs/${ats}/${jobId}/assignments/sync`, {
      token: stack.recruiter,
    });
    expect(r.status).toBe(403);
    const bad = await http(stack.api.baseUrl, 'POST', `/api/v1/jobs/lever/${jobId}/assignments/sync`, {
      token: stack.hr,
    });
    expect(bad.status).toBe(400);
  });
});
