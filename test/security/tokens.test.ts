import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Harness, http, startApi, TestTenant } from '../support/api-harness';
import { auditRows } from './security-kit';

/** Issue 12 #12: every token names one subject, carries a jti, and can be revoked by HR (audited). */
describe('security: tokens', () => {
  let api: Harness;
  let acme: TestTenant;
  let other: TestTenant;
  const jwt = new JwtService({});

  function sign(claims: Record<string, unknown>, opts: { subject?: string; jwtid?: string } = {}): string {
    return jwt.sign(claims, {
      ...opts,
      issuer: process.env.JWT_ISSUER ?? 'comeback',
      expiresIn: 600,
      secret: process.env.JWT_SECRET!,
      algorithm: 'HS256',
    });
  }
  function claimsOf(token: string): { sub?: string; jti?: string } {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
      sub?: string;
      jti?: string;
    };
  }

  beforeAll(async () => {
    api = await startApi();
    acme = await api.tenant('acme');
    other = await api.tenant('other');
  });
  afterAll(() => api.close());

  it('minted tokens carry the subject and a unique jti', () => {
    const a = claimsOf(acme.token('hr_admin', 'hanako@acme.example'));
    const b = claimsOf(acme.token('hr_admin', 'hanako@acme.example'));
    expect(a.sub).toBe('hanako@acme.example');
    expect(a.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.jti).not.toBe(a.jti);
  });

  it('refuses a token without a subject or without a jti', async () => {
    const noSub = sign({ tid: acme.id, role: 'hr_admin' }, { jwtid: randomUUID() });
    const noJti = sign({ tid: acme.id, role: 'hr_admin' }, { subject: 'someone' });
    expect((await http(api.baseUrl, 'GET', '/api/v1/registry/alumni', { token: noSub })).status).toBe(401);
    expect((await http(api.baseUrl, 'GET', '/api/v1/registry/alumni', { token: noJti })).status).toBe(401);
  });

  it('HR revokes a token by its jti: it stops working at once, and the revocation is audited', async () => {
    const hr = acme.token('hr_admin', 'hr-lead');
    const victim = acme.token('recruiter', 'leaving-recruiter');
    const { jti } = claimsOf(victim);
    expect((await http(api.baseUrl, 'GET', '/api/v1/registry/alumni', { token: victim })).status).toBe(200);
    // A recruiter may not revoke; another tenant's HR revoking this jti does not affect acme's token.
    expect((await http(api.baseUrl, 'DELETE', `/api/v1/tokens/${jti}`, { token: victim })).status).toBe(403);
    expect(
      (
        await http(api.baseUrl, 'DELETE', `/api/v1/tokens/${jti}`, {
          token: other.token('hr_admin', 'other-hr'),
        })
      ).status,
    ).toBe(204);
    expect((await http(api.baseUrl, 'GET', '/api/v1/registry/alumni', { token: victim })).status).toBe(200);

    expect((await http(api.baseUrl, 'DELETE', `/api/v1/tokens/${jti}`, { token: hr })).status).toBe(204);
    expect((await http(api.baseUrl, 'GET', '/api/v1/registry/alumni', { token: victim })).status).toBe(401);
    expect((await http(api.baseUrl, 'GET', '/api/v1/registry/alumni', { token: hr })).status).toBe(200);
    const audit = await auditRows(acme.id, ['token.revoke']);
    expect(audit.map((r) => ({ action: r.action, target_id: r.target_id, actor: r.actor }))).toEqual([
      { action: 'token.revoke', target_id: jti, actor: 'hr-lead' },
    ]);
  });

  it('rejects a malformed jti with a 400', async () => {
    const hr = acme.token('hr_admin', 'hr-lead');
    expect((await http(api.baseUrl, 'DELETE', '/api/v1/tokens/not-a-uuid', { token: hr })).status).toBe(400);
  });
});
