import { DataSource } from 'typeorm';
import { http } from '../support/api-harness';
import { startStack, Stack } from '../support/pipeline-stack';

const put = (s: Stack, path: string, json: unknown) =>
  fetch(`${s.sim.url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
const check = (s: Stack, token: string) =>
  http(s.api.baseUrl, 'POST', `/api/v1/ats-connections/${s.ats}/check`, { token });
const byCheck = (body: any) => Object.fromEntries(body.items.map((i: any) => [i.check, i]));

describe.each(['greenhouse', 'workable'] as const)('connection check on %s (simulator)', (ats) => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack(ats);
    await s.apply({ firstName: '花子', lastName: '川口', email: 'hanako@example.com' });
    await s.waitIdle();
  });
  afterAll(async () => s?.close());

  it('passes every item on a healthy connection, in both languages, and is audited', async () => {
    const res = await check(s, s.hr);
    expect(res.status).toBe(200);
    const items = byCheck(res.body);
    expect(Object.keys(items).sort()).toEqual([
      'acting_user',
      'credentials',
      'job_stages',
      'read_access',
      'webhook_delivery',
    ]);
    for (const i of res.body.items) {
      expect(i.status).toBe('pass');
      expect(i.message.en.length).toBeGreaterThan(5);
      expect(i.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(res.body.ok).toBe(true);
    const audited = await s.api.app
      .get(DataSource)
      .query(`SELECT details FROM audit_entries WHERE tenant_id = $1 AND action = 'ats_connection.check'`, [
        s.tenant.id,
      ]);
    expect(audited).toEqual([{ details: { ok: true, failed: [] } }]);
  });

  it('is for HR only', async () => {
    expect((await check(s, s.recruiter)).status).toBe(403);
  });
});

describe('connection check on greenhouse: what it finds', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack('greenhouse');
    await s.apply({ firstName: '花子', lastName: '川口', email: 'hanako@example.com' });
    await s.waitIdle();
  });
  afterAll(async () => s?.close());

  it('names a scope the credential lacks, and passes again once it is granted', async () => {
    expect(
      (
        await put(s, '/_sim/config', {
          greenhouse: { deniedScopes: ['harvest:offers:list', 'harvest:candidate_tags:list'] },
        })
      ).status,
    ).toBe(200);
    const res = await check(s, s.hr);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    const readAccess = byCheck(res.body).read_access;
    expect(readAccess.status).toBe('fail');
    expect(readAccess.message.en).toContain('harvest:offers:list');
    expect(readAccess.message.en).toContain('harvest:candidate_tags:list');
    expect(readAccess.message.ja).toContain('harvest:offers:list');
    await put(s, '/_sim/config', { greenhouse: { deniedScopes: [] } });
    expect((await check(s, s.hr)).body.ok).toBe(true);
  });

  it('refuses to save a connection whose acting user is not a Site Admin (reads would come back empty), keeping the one in force', async () => {
    const seeded: any = await (
      await fetch(`${s.sim.url}/_sim/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          company: 'e2e',
          greenhouse: {
            clientId: 'e2e-client',
            clientSecret: 'e2e-client-secret',
            users: [
              { firstName: 'Nao', lastName: 'Interviewer', email: 'nao@e2e.example', siteAdmin: false },
            ],
          },
        }),
      })
    ).json();
    const save = await http(s.api.baseUrl, 'PUT', '/api/v1/ats-connections/greenhouse', {
      token: s.hr,
      json: {
        apiBaseUrl: `${s.sim.url}/greenhouse/v3`,
        authUrl: `${s.sim.url}/greenhouse/auth/token`,
        clientId: 'e2e-client',
        secret: 'e2e-client-secret',
        webhookSecret: 'e2e-webhook-secret-0123456789',
        actingUserId: String(seeded.greenhouse.users[0].id),
      },
    });
    expect(save.status).toBe(422);
    expect(save.body.code).toBe('ats_connection_refused');
    expect(save.body.message).toMatch(/not a Site Admin/);
    expect(save.body.details.items[0].message.ja).toMatch(/サイト管理者/);
    expect(JSON.stringify(save.body)).not.toMatch(/e2e-client-secret|e2e-webhook-secret/);
    // Nothing was saved: the connection in force still checks clean.
    expect((await check(s, s.hr)).body.ok).toBe(true);
  });

  it('saving checks only what blocks a save: the token and the acting user, no read-scope or stage calls', async () => {
    await fetch(`${s.sim.url}/_sim/counters/reset`, { method: 'POST' });
    const save = await http(s.api.baseUrl, 'PUT', '/api/v1/ats-connections/greenhouse', {
      token: s.hr,
      json: {
        apiBaseUrl: `${s.sim.url}/greenhouse/v3`,
        authUrl: `${s.sim.url}/greenhouse/auth/token`,
        clientId: 'e2e-client',
        secret: 'e2e-client-secret',
        webhookSecret: 'e2e-webhook-secret-0123456789',
        actingUserId: s.actingUserId,
      },
    });
    expect(save.status).toBe(200);
    expect((await s.counters()).greenhouse.byRoute).toEqual({ 'GET /greenhouse/v3/users': 1 });
  });

  it('refuses to save credentials the ATS does not accept', async () => {
    const save = await http(s.api.baseUrl, 'PUT', '/api/v1/ats-connections/greenhouse', {
      token: s.hr,
      json: {
        apiBaseUrl: `${s.sim.url}/greenhouse/v3`,
        authUrl: `${s.sim.url}/greenhouse/auth/token`,
        clientId: 'e2e-client',
        secret: 'not-the-secret',
        webhookSecret: 'e2e-webhook-secret-0123456789',
        actingUserId: s.actingUserId,
      },
    });
    expect(save.status).toBe(422);
    expect(save.body.details.items.map((i: any) => i.check)).toEqual(['credentials']);
  });
});
