import { DataSource } from 'typeorm';
import { http } from '../support/api-harness';
import { Stack, startStack } from '../support/pipeline-stack';

jest.setTimeout(60_000);

// Issue 4's end-to-end path: Greenhouse offer_created → inbox → fairness check → an HR-only note.
describe('offer webhook to the HR note (Greenhouse simulator over HTTP)', () => {
  let s: Stack;

  beforeAll(async () => {
    // The tenant tells us which offer custom field holds the salary.
    s = await startStack('greenhouse', { offerSalaryField: 'base_salary' });
  });
  afterAll(async () => s?.close());

  it('checks the offered salary of a returnee and posts the result once, visible to admins only', async () => {
    const id = await s.apply({
      firstName: 'Taro',
      lastName: 'Yamada',
      email: 'taro.yamada.88@gmail.com',
      phone: '090-1111-2222',
    });
    await s.waitIdle();
    const db = s.api.app.get(DataSource);
    const [app] = await db.query(
      'SELECT job_id FROM tracked_applications WHERE tenant_id = $1 AND application_id = $2',
      [s.tenant.id, id],
    );
    const target = await http(s.api.baseUrl, 'PUT', `/api/v1/jobs/greenhouse/${app.job_id}/pay-target`, {
      token: s.hr,
      json: { jobFamily: 'engineering', jobLevel: 'G3', location: 'Tokyo' },
    });
    expect(target.status).toBeLessThan(300);

    const offer = await fetch(`${s.sim.url}/_sim/greenhouse/applications/${id}/offers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'unresolved', customFields: { base_salary: 6_500_000 }, notify: true }),
    });
    expect(offer.status).toBeLessThan(300);
    await s.waitIdle();

    const state: any = await (await fetch(`${s.sim.url}/_sim/state`)).json();
    const candidate = state.companies
      .find((c: any) => c.company === 'e2e')
      .greenhouse.candidates.find((c: any) => c.applications.some((a: any) => String(a.id) === id));
    const hrNotes = candidate.notes.filter((n: any) => n.visibility === 'admin_only_visible');
    expect(hrNotes).toHaveLength(1);
    expect(hrNotes[0].body).toMatch(/pass|warn|fail/i);
    // The recruiter-visible note is still the single fast-track note.
    expect(candidate.notes.filter((n: any) => n.visibility === 'publicly_visible')).toHaveLength(1);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM inbox_events WHERE tenant_id = $1 AND kind = 'offer_changed' AND status = 'processed'`,
      [s.tenant.id],
    );
    expect(n).toBe(1);
  });
});
