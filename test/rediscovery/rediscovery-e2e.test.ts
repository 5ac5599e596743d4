// Issue 16, first half, end to end over HTTP: a job open in the simulated ATS → rediscovery lists an eligible,
// consenting former employee and not an opted-out one → invitation e-mail (real SMTP) → the link (our page records
// the click, forwards with the marker) → the ATS's own application form → an application carrying the marker →
// fast-tracked without review; a second invitation for the same job is refused; the funnel counts it.
import { DataSource } from 'typeorm';
import { csvUpload, http } from '../support/api-harness';
import { AtsUnderTest, JOB_STAGES, REGISTRY_HEADER, Stack, startStack } from '../support/pipeline-stack';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { simulatorCall } from '../support/simulator-call';

jest.setTimeout(60_000);

const GH_CLIENT = { id: 'e2e-client', secret: 'e2e-client-secret' };
/** Same department and level as E1, consenting to nothing: must never be listed nor invited. */
const OPTED_OUT =
  'E7,森,花子,モリ,ハナコ,,1989-07-07,hanako.mori@example.jp,090-7777-0000,2013-04-01,2022-09-30,voluntary_career,yes,研究開発部,主任,G3,6100000,2021:A,,false';

function simPost(sim: string, path: string, body: unknown): Promise<any> {
  return simulatorCall(sim, 'POST', path, body);
}

describe.each<AtsUnderTest>(['greenhouse', 'workable'])('rediscovery and invitations on %s', (ats) => {
  let s: Stack;
  let smtp: SmtpSink;
  let jobId: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    s = await startStack(ats, { env: { SMTP_URL: smtp.url } });
    const imported = await http(s.api.baseUrl, 'POST', '/api/v1/registry/imports', {
      token: s.hr,
      body: csvUpload(`${REGISTRY_HEADER}\n${OPTED_OUT}\n`),
    });
    expect(imported.status).toBe(201);
    if (ats === 'greenhouse') {
      const seeded = await simPost(s.sim.url, '/_sim/seed', {
        company: 'e2e',
        greenhouse: {
          clientId: GH_CLIENT.id,
          clientSecret: GH_CLIENT.secret,
          jobs: [{ name: '研究開発エンジニア', stages: JOB_STAGES, department: '研究開発部', level: 'G3' }],
        },
      });
      jobId = String(seeded.greenhouse.jobs[0].id);
    } else {
      await simPost(s.sim.url, '/_sim/seed', {
        company: 'e2e',
        workable: {
          jobs: [
            { title: '研究開発エンジニア', shortcode: 'RD', department: '研究開発部', stages: JOB_STAGES },
          ],
        },
      });
      jobId = 'RD';
    }
  }, 90_000);
  afterAll(async () => {
    await s?.close();
    await smtp?.close();
  });

  it('lists the open job and, for it, the eligible consenting former employee with reasons, not the opted-out one', async () => {
    const jobs = await http(s.api.baseUrl, 'GET', `/api/v1/rediscovery/jobs/${ats}`, { token: s.recruiter });
    expect(jobs.status).toBe(200);
    const job = jobs.body.find((j: any) => j.jobId === jobId);
    expect(job).toMatchObject({ title: '研究開発エンジニア', department: '研究開発部' });
    expect(job.applyUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);

    const asRecruiter = await http(
      s.api.baseUrl,
      'GET',
      `/api/v1/rediscovery/jobs/${ats}/${jobId}/candidates`,
      {
        token: s.recruiter,
      },
    );
    expect(asRecruiter.status).toBe(200);
    const numbers = asRecruiter.body.entries.map((e: any) => e.employeeNumber);
    expect(numbers).toContain('E1');
    expect(numbers).not.toContain('E7'); // opted out
    expect(numbers).not.toContain('E2'); // opted out (and dismissed)
    const e1 = asRecruiter.body.entries.find((e: any) => e.employeeNumber === 'E1');
    expect(e1.reasons.map((r: any) => r.code)).toEqual(
      expect.arrayContaining(['same_department', 'same_job_family']),
    );
    for (const r of e1.reasons) expect(r.ja).toMatch(/\S/);
    // Recruiters: no eligibility rules, no rehire recommendation, no birth date or pay anywhere in the answer.
    expect(e1.eligibility).toBeUndefined();
    expect(e1.rehireRecommendation).toBeUndefined();
    expect(asRecruiter.text).not.toMatch(/1988-05-12|6200000|voluntary_career|disciplinary/);

    const asHr = await http(s.api.baseUrl, 'GET', `/api/v1/rediscovery/jobs/${ats}/${jobId}/candidates`, {
      token: s.hr,
    });
    const hrE1 = asHr.body.entries.find((e: any) => e.employeeNumber === 'E1');
    expect(hrE1.eligibility.tier).toBe('full');
    expect(hrE1.rehireRecommendation).toBe('yes');

    // A hiring manager not assigned to the job learns nothing about it.
    const hm = await http(s.api.baseUrl, 'GET', `/api/v1/rediscovery/jobs/${ats}/${jobId}/candidates`, {
      token: s.tenant.token('hiring_manager'),
    });
    expect(hm.status).toBe(404);

    // What E1 said at the exit interview they might come back for counts as a skill for this job.
    expect(e1.reasons.map((r: any) => r.code)).not.toContain('skills');
    const [{ id: alumnusId }] = await s.api.app
      .get(DataSource)
      .query(`SELECT id FROM alumni WHERE tenant_id = $1 AND employee_number = 'E1'`, [s.tenant.id]);
    const saved = await http(s.api.baseUrl, 'PUT', `/api/v1/exit-interviews/${alumnusId}`, {
      token: s.hr,
      json: { returnAreas: ['研究開発エンジニア'], returnWish: 'someday' },
    });
    expect(saved.status).toBe(200);
    const again = await http(s.api.baseUrl, 'GET', `/api/v1/rediscovery/jobs/${ats}/${jobId}/candidates`, {
      token: s.recruiter,
    });
    const e1Again = again.body.entries.find((e: any) => e.employeeNumber === 'E1');
    expect(e1Again.reasons.map((r: any) => r.code)).toContain('skills');
    expect(e1Again.score).toBeGreaterThan(e1.score);
  });

  it('refuses to invite an opted-out person, and recruiters may not invite', async () => {
    const optedOut = await http(s.api.baseUrl, 'POST', '/api/v1/rediscovery/invitations', {
      token: s.hr,
      json: { ats, jobId, employeeNumber: 'E7', message: 'お元気ですか' },
    });
    expect(optedOut.status).toBe(422);
    expect(optedOut.body).toMatchObject({ code: 'invitation_refused', details: { reason: 'not_opted_in' } });
    const recruiter = await http(s.api.baseUrl, 'POST', '/api/v1/rediscovery/invitations', {
      token: s.recruiter,
      json: { ats, jobId, employeeNumber: 'E1', message: 'x' },
    });
    expect(recruiter.status).toBe(403);
  });

  it('invites, the link forwards with the marker, the application is fast-tracked without review; never twice', async () => {
    const sent = await http(s.api.baseUrl, 'POST', '/api/v1/rediscovery/invitations', {
      token: s.hr,
      json: {
        ats,
        jobId,
        employeeNumber: 'E1',
        message: '山田さん、研究開発部でまた一緒に働きませんか。',
        language: 'ja',
      },
    });
    expect(sent.status).toBe(201);
    const mail = await smtp.next('taro.yamada.88@gmail.com');
    expect(mail.subject).toBe('「研究開発エンジニア」へのお誘い');
    expect(mail.text).toContain('山田さん、研究開発部でまた一緒に働きませんか。');
    const link = /http:\/\/127\.0\.0\.1:\d+\/invitations\/[A-Za-z0-9_.-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();

    // Twice for the same job: refused.
    const again = await http(s.api.baseUrl, 'POST', '/api/v1/rediscovery/invitations', {
      token: s.hr,
      json: { ats, jobId, employeeNumber: 'E1', message: 'もう一度' },
    });
    expect(again.status).toBe(409);

    // The page changes nothing on GET; its button (POST) records the click and forwards with the marker.
    const page = await fetch(link!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('応募フォームへ進む');
    const forward = await fetch(link!, { method: 'POST', redirect: 'manual' });
    expect(forward.status).toBe(303);
    const target = new URL(forward.headers.get('location')!);
    const marker = target.searchParams.get(ats === 'greenhouse' ? 'gh_src' : 'utm_source');
    expect(marker).toMatch(/^cb_[0-9a-f]{18}$/);
    expect((await fetch(target)).status).toBe(200);
    // Tampered links: unreadable → 404, nothing recorded.
    expect((await fetch(`${link}x`, { method: 'POST', redirect: 'manual' })).status).toBe(404);

    // The person applies on the ATS's own form. On Workable with a new e-mail: only the marker ties them to E1.
    const form: Record<string, string> =
      ats === 'greenhouse'
        ? {
            first_name: 'Taro',
            last_name: 'Yamada',
            email: 'taro.yamada.88@gmail.com',
            mapped_url_token: marker!,
          }
        : {
            firstname: 'Taro',
            lastname: 'Yamada',
            email: 'taro.comeback.2026@example.net',
            utm_source: marker!,
          };
    const applied = await fetch(target.toString().split('?')[0], {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    expect(applied.status).toBe(200);
    const created: any = await applied.json();
    const applicationId = String(ats === 'greenhouse' ? created.application_id : created.id);
    await s.waitIdle();

    const c = await s.candidate(applicationId);
    expect(c.stage).toBe('二次面接');
    const tracked = await http(s.api.baseUrl, 'GET', `/api/v1/applications/${ats}/${applicationId}`, {
      token: s.hr,
    });
    expect(tracked.body).toMatchObject({ outcome: 'fast_tracked', employeeNumber: 'E1' });
    const review = await http(s.api.baseUrl, 'GET', '/api/v1/review-items', { token: s.hr });
    expect(review.body.some((i: any) => i.applicationId === applicationId)).toBe(false);

    const invitations = await http(s.api.baseUrl, 'GET', '/api/v1/rediscovery/invitations', { token: s.hr });
    expect(invitations.body[0]).toMatchObject({ employeeNumber: 'E1', jobId, applicationId });
    expect(invitations.body[0].openedAt).not.toBeNull();

    const today = new Date();
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const funnel = await http(
      s.api.baseUrl,
      'GET',
      `/api/v1/rediscovery/funnel?from=${day(new Date(today.getTime() - 3 * 86400000))}&to=${day(new Date(today.getTime() + 3 * 86400000))}`,
      { token: s.hr },
    );
    expect(funnel.body).toEqual({ sent: 1, opened: 1, applied: 1, fastTracked: 1, hired: 0 });

    // The ATS says hired (Greenhouse hire_candidate; Workable's candidate moved with hired_at): the funnel counts it,
    // and so does the disclosure report (behind the cohort-of-5 rule: one person shows as hidden, never as 1).
    const hire = await fetch(
      ats === 'greenhouse'
        ? `${s.sim.url}/_sim/greenhouse/applications/${applicationId}/hire`
        : `${s.sim.url}/_sim/workable/candidates/${applicationId}/hire`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    );
    expect(hire.status).toBeLessThan(300);
    await s.waitIdle();
    const after = await http(
      s.api.baseUrl,
      'GET',
      `/api/v1/rediscovery/funnel?from=${day(new Date(today.getTime() - 3 * 86400000))}&to=${day(new Date(today.getTime() + 3 * 86400000))}`,
      { token: s.hr },
    );
    expect(after.body).toEqual({ sent: 1, opened: 1, applied: 1, fastTracked: 1, hired: 1 });
    const report = await http(s.api.baseUrl, 'GET', '/api/v1/reports/outcomes', { token: s.hr });
    expect(report.status).toBe(200);
    expect(report.body.invitationsConnected).toBe(true);

    // The list now says the person was invited and applied.
    const list = await http(s.api.baseUrl, 'GET', `/api/v1/rediscovery/jobs/${ats}/${jobId}/candidates`, {
      token: s.recruiter,
    });
    expect(list.body.entries.find((e: any) => e.employeeNumber === 'E1').invitation.status).toBe('applied');
    const ds = s.api.app.get(DataSource);
    const audit = await ds.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE tenant_id = $1 AND action = 'rediscovery.invite'`,
      [s.tenant.id],
    );
    expect(audit[0].n).toBe(1);
  });
});
