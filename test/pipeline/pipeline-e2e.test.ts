import { AtsConnectorRegistry } from '@comeback/ats';
import { ApplicationPipelineService, AtsConnectionService } from '@comeback/pipeline';
import { DataSource } from 'typeorm';
import { http } from '../support/api-harness';
import { AtsUnderTest, Stack, startStack } from '../support/pipeline-stack';

jest.setTimeout(30_000);

// The same end-to-end matrix for every ATS behind the port (issue 5 asks for one suite, parameterised).
const ATS: AtsUnderTest[] = ['greenhouse', 'workable'];

describe.each(ATS)('pipeline end to end on %s (real PostgreSQL + Redis + simulator over HTTP)', (ats) => {
  let s: Stack;

  beforeAll(async () => {
    s = await startStack(ats);
  }, 60_000);
  afterAll(async () => s?.close());

  it('fast-tracks an eligible returnee: tags, one safe note with the briefing link, moved past the screening stages', async () => {
    const id = await s.apply({
      firstName: 'Taro',
      lastName: 'YAMADA',
      email: 'taro.yamada.88+jobs@gmail.com',
      phone: '+81 90 1111 2222',
      tags: ['Referral'],
    });
    await s.waitIdle();
    const c = await s.candidate(id);
    expect(c.stage).toBe('二次面接');
    // One tag per application (a fast-tracked returnee's says both); the recruiter's own tag is kept.
    expect(c.tags.map((t) => t.toLowerCase()).sort()).toEqual(['alumni_fast-track', 'referral']);
    expect(c.notes).toHaveLength(1);
    expect(c.notes[0]).toContain('/console/briefings/');
    const apps = await http(s.api.baseUrl, 'GET', '/api/v1/applications', { token: s.recruiter });
    expect(apps.body.find((a: any) => a.applicationId === id)).toMatchObject({
      outcome: 'fast_tracked',
      employeeNumber: 'E1',
      tier: 'full',
    });
  });

  it('flags an ineligible returnee without skipping and without revealing why', async () => {
    const id = await s.apply({
      firstName: '一郎',
      lastName: '鈴木',
      email: 'ichiro.suzuki80@yahoo.co.jp',
      phone: '08033334444',
    });
    await s.waitIdle();
    const c = await s.candidate(id);
    expect(c.stage).toBe('書類選考');
    expect(c.tags.some((t) => /fast/i.test(t))).toBe(false);
    expect(c.tags.map((t) => t.toLowerCase())).toContain('alumni');
    expect(c.notes).toHaveLength(1);
    // In the tenant's note language: Japanese unless HR chose English.
    expect(c.notes[0]).toContain('詳細は人事にお問い合わせください');
    expect(c.notes[0]).not.toMatch(/contact HR/i);
    expect(c.notes[0]).not.toMatch(/disciplin|dismiss|懲戒|解雇|rating|salary|8400000/i);
    const asRecruiter = await http(s.api.baseUrl, 'GET', `/api/v1/applications/${ats}/${id}`, {
      token: s.recruiter,
    });
    expect(asRecruiter.body.outcome).toBe('ineligible');
    expect(asRecruiter.text).not.toMatch(/disciplin|懲戒/i);
    const asHr = await http(s.api.baseUrl, 'GET', `/api/v1/applications/${ats}/${id}`, { token: s.hr });
    expect(JSON.stringify(asHr.body.ruleResults)).toMatch(/disciplinary/);
  });

  it('sends an uncertain match to review; confirming it continues the pipeline to the fast track', async () => {
    // A rare name and nothing else (new e-mail, no phone): likely the former employee, but a person decides.
    const id = await s.apply({
      firstName: 'Ai',
      lastName: 'Sakuraura',
      email: 'ai.sakuraura.2026@outlook.jp',
    });
    await s.waitIdle();
    let c = await s.candidate(id);
    expect(c.tags).toEqual([]);
    expect(c.notes).toEqual([]);
    const items = await http(s.api.baseUrl, 'GET', '/api/v1/review-items', { token: s.recruiter });
    const item = items.body.find((i: any) => i.applicationId === id);
    expect(item).toBeDefined();
    expect(item.candidates[0].employeeNumber).toBe('E5');
    expect(JSON.stringify(item)).not.toMatch(/voluntary_career|6000000|1993-10-16/);
    const confirmed = await http(s.api.baseUrl, 'POST', `/api/v1/review-items/${item.id}/confirm`, {
      token: s.recruiter,
      json: { employeeNumber: 'E5' },
    });
    expect(confirmed.status).toBe(200);
    await s.waitIdle();
    c = await s.candidate(id);
    expect(c.stage).toBe('二次面接');
    expect(c.notes).toHaveLength(1);
    const again = await http(s.api.baseUrl, 'POST', `/api/v1/review-items/${item.id}/confirm`, {
      token: s.recruiter,
      json: { employeeNumber: 'E5' },
    });
    expect(again.status).toBe(409);
  });

  it('tells namesakes apart by the months a CV gives for the company, and shows the reviewer the employments', async () => {
    // Two former employees are called 佐藤 健 (E3: 2010-04 to 2020-03, E4: 2015-04 to 2023-03). New contacts, no
    // birth date; the CV names the company as its e-mail domain does (comeback-demo.co.jp).
    const experience = [
      { company: 'Aozora Systems', title: 'Engineer', start_date: '2023-05-01', end_date: null },
      { company: 'Comeback Demo Co., Ltd.', title: '担当', start_date: '2015-04-01', end_date: '2023-03-31' },
    ];
    const id = await s.apply({
      firstName: '健',
      lastName: '佐藤',
      email: 'ken.s.2026@outlook.jp',
      experience,
    });
    await s.waitIdle();
    const c = await s.candidate(id);
    // The applicant's word alone: never a flag in the ATS, a person decides.
    expect(c.tags).toEqual([]);
    const items = await http(s.api.baseUrl, 'GET', '/api/v1/review-items', { token: s.recruiter });
    const item = items.body.find((i: any) => i.applicationId === id);
    expect(item.candidates[0].employeeNumber).toBe('E4');
    expect(item.candidates[0].evidence.find((e: any) => e.field === 'work_history')).toMatchObject({
      outcome: 'agree',
      reason: 'work_history_period_agrees',
    });
    expect(item.applicant.workHistory).toEqual(
      expect.arrayContaining([expect.objectContaining({ company: 'Comeback Demo Co., Ltd.' })]),
    );
    // Namesakes here at other times (E3) or without dates on file rank below, none agreeing.
    for (const other of item.candidates.slice(1))
      expect(other.evidence.find((e: any) => e.field === 'work_history')?.outcome).not.toBe('agree');
  });

  it('remembers a rejected review: the same pair is not proposed again', async () => {
    const id = await s.apply({ firstName: '紗季', lastName: '野々宮', email: 'saki.n.2026@outlook.jp' });
    await s.waitIdle();
    const items = await http(s.api.baseUrl, 'GET', '/api/v1/review-items', { token: s.hr });
    const item = items.body.find((i: any) => i.applicationId === id);
    expect(
      (await http(s.api.baseUrl, 'POST', `/api/v1/review-items/${item.id}/reject`, { token: s.hr })).status,
    ).toBe(200);
    const ds = s.api.app.get(DataSource);
    const rejections = await ds.query(
      'SELECT employee_number FROM match_rejections WHERE tenant_id = $1 ORDER BY 1',
      [s.tenant.id],
    );
    expect(rejections.map((r: any) => r.employee_number)).toContain('E6');
    // The same applicant again (a replayed creation after the rejection): not proposed a second time.
    await ds.query('DELETE FROM tracked_applications WHERE tenant_id = $1 AND application_id = $2', [
      s.tenant.id,
      id,
    ]);
    await ds.query('DELETE FROM writeback_steps WHERE tenant_id = $1 AND application_id = $2', [
      s.tenant.id,
      id,
    ]);
    const conn = await s.api.app.get(AtsConnectionService).get(s.tenant.id, ats);
    const app = await s.api.app.get(AtsConnectorRegistry).get(ats).getApplication(conn, id);
    const again = await s.api.app
      .get(ApplicationPipelineService)
      .process(conn, app, { trigger: 'application_created' });
    expect(again.outcome).toBe('not_alumni');
  });

  it('leaves a stranger untouched', async () => {
    const id = await s.apply({
      firstName: 'Emma',
      lastName: 'Clark',
      email: 'emma.clark@example.com',
      phone: '090-4040-5050',
    });
    await s.waitIdle();
    const c = await s.candidate(id);
    expect(c).toEqual({ tags: [], notes: [], stage: '書類選考' });
  });

  it('refuses a connection without the acting user, and keeps the one in force', async () => {
    const res = await http(s.api.baseUrl, 'PUT', `/api/v1/ats-connections/${ats}`, {
      token: s.hr,
      json: { apiBaseUrl: `${s.sim.url}/somewhere`, secret: 'a-secret', webhookSecret: 'a-webhook-secret' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(JSON.stringify(res.body.details)).toContain('actingUserId');
    // Nothing was half-written: the connection in force still writes back.
    const id = await s.apply({
      firstName: 'Taro',
      lastName: 'YAMADA',
      email: 'taro.yamada.88+jobs@gmail.com',
      phone: '+81 90 1111 2222',
    });
    await s.waitIdle();
    expect((await s.candidate(id)).notes).toHaveLength(1);
  });
});
