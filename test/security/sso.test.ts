// Single sign-on over OpenID Connect (#13) against a real provider (oidc-provider in a child process): sign-in end
// to end over HTTP, first sign-in of an invited person, unverified e-mail, state and nonce mismatch, mandatory SSO.
import { SecretBox } from '@comeback/platform';
import { PeopleService, SsoService } from '@comeback/people';
import { http, startApi, type Harness, type TestTenant } from '../support/api-harness';
import { Browser } from '../support/browser-jar';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';

jest.setTimeout(120_000);

describe('single sign-on (OIDC)', () => {
  let api: Harness;
  let idp: TestOidcProvider;
  let tenant: TestTenant;
  const PASSWORD = 'correct horse battery';

  beforeAll(async () => {
    api = await startApi({ SSO_ALLOW_HTTP_ISSUER: 'true', SMTP_URL: undefined });
    idp = await startOidcProvider(`${api.baseUrl}/console/sso/callback`);
    tenant = await api.tenant('sso-co');
    const saved = await http(api.baseUrl, 'PUT', '/api/v1/sso', {
      token: tenant.token('hr_admin'),
      json: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, required: false },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ configured: true, issuer: `${idp.issuer}/`, required: false });
    expect(JSON.stringify(saved.body)).not.toContain(idp.clientSecret);
    // An HR admin with a password, and an invited recruiter who will join through SSO.
    const people = api.app.get(PeopleService);
    const actor = { tenantId: tenant.id, role: 'hr_admin' as const, name: 'setup' };
    const { invitation } = await people.invite(actor, {
      email: 'aiko@sso-co.test',
      displayName: 'Aiko',
      role: 'hr_admin',
      language: 'en',
    });
    await people.acceptInvitation(invitation, { password: PASSWORD });
    await people.invite(actor, {
      email: 'Ren@SSO-co.test',
      displayName: 'Ren',
      role: 'recruiter',
      language: 'ja',
    });
  });
  afterAll(async () => {
    await idp?.close();
    await api?.close();
  });

  const url = (path: string) => `${api.baseUrl}${path}`;
  const isOurs = (u: string) => u.startsWith(api.baseUrl);

  /** Starts SSO and follows the provider's redirects until it sends the browser back to our callback. */
  async function toCallback(b: Browser): Promise<string> {
    const start = await b.request(url('/console/sso/start?tenant=sso-co'));
    expect(start.status).toBe(303);
    expect(start.location).toMatch(new RegExp(`^${idp.issuer}/auth\\?`));
    const authorize = new URL(start.location!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const last = await b.follow(start.location!, (next) => !isOurs(next));
    expect(last.location).toMatch(new RegExp(`^${api.baseUrl}/console/sso/callback\\?`));
    return last.location!;
  }

  it('signs an invited person in through the provider (verified e-mail, any case) and creates them once', async () => {
    await idp.nextLogin({ sub: 'idp-ren', email: 'ren@sso-co.test', email_verified: true });
    const b = new Browser();
    const callback = await b.request(await toCallback(b));
    expect(callback).toMatchObject({ status: 303, location: url('/console') });
    expect((await b.request(url('/console'))).location).toBe(url('/console/home'));
    const people = await http(api.baseUrl, 'GET', '/api/v1/people', { token: tenant.token('hr_admin') });
    expect(people.body.find((p: { email: string }) => p.email === 'Ren@SSO-co.test')).toMatchObject({
      role: 'recruiter',
      hasPassword: false,
      status: 'active',
    });
    // A second SSO sign-in finds the same person.
    const again = new Browser();
    await idp.nextLogin({ sub: 'idp-ren', email: 'ren@sso-co.test', email_verified: true });
    expect((await again.request(await toCallback(again))).location).toBe(url('/console'));
    expect(
      (await http(api.baseUrl, 'GET', '/api/v1/people', { token: tenant.token('hr_admin') })).body.filter(
        (p: { email: string }) => p.email === 'Ren@SSO-co.test',
      ),
    ).toHaveLength(1);
  });

  it('refuses an e-mail the provider has not verified, and a person nobody invited', async () => {
    await idp.nextLogin({ sub: 'idp-aiko', email: 'aiko@sso-co.test', email_verified: false });
    const b = new Browser();
    expect((await b.request(await toCallback(b))).location).toBe(url('/console/login?flash=sso_failed'));
    expect(b.cookies(api.baseUrl).has('__Host-comeback_session')).toBe(false);
    await idp.nextLogin({ sub: 'idp-stranger', email: 'stranger@sso-co.test', email_verified: true });
    const c = new Browser();
    expect((await c.request(await toCallback(c))).location).toBe(url('/console/login?flash=sso_unknown'));
    expect(c.cookies(api.baseUrl).has('__Host-comeback_session')).toBe(false);
  });

  it('refuses a callback whose state belongs to another browser’s attempt', async () => {
    await idp.nextLogin({ sub: 'idp-aiko', email: 'aiko@sso-co.test', email_verified: true });
    const victim = new Browser();
    const attacker = new Browser();
    await attacker.request(url('/console/sso/start?tenant=sso-co')); // the attacker's own attempt cookie
    const callback = await toCallback(victim);
    const res = await attacker.request(callback);
    expect(res.location).toBe(url('/console/login?flash=sso_failed'));
    expect(attacker.cookies(api.baseUrl).has('__Host-comeback_session')).toBe(false);
    // Without any attempt cookie: refused as well.
    expect((await new Browser().request(callback)).location).toBe(url('/console/login?flash=sso_failed'));
  });

  it('refuses an ID token whose nonce is not the one of this attempt', async () => {
    await idp.nextLogin({ sub: 'idp-aiko', email: 'aiko@sso-co.test', email_verified: true });
    const b = new Browser();
    const callback = await toCallback(b);
    // Same state and PKCE verifier, another nonce: only the ID token's nonce check can refuse this.
    const jar = b.cookies(api.baseUrl);
    const cookie = decodeURIComponent(jar.get('__Host-comeback_oidc')!);
    const dot = cookie.indexOf('.');
    const box = api.app.get(SecretBox);
    const attempt = JSON.parse(
      box.open(cookie.slice(dot + 1), { tenantId: tenant.id, field: 'oidc_attempt' }),
    );
    jar.set(
      '__Host-comeback_oidc',
      encodeURIComponent(
        api.app.get(SsoService).sealAttempt(tenant.id, { ...attempt, nonce: 'not-the-nonce' }),
      ),
    );
    expect((await b.request(callback)).location).toBe(url('/console/login?flash=sso_failed'));
    expect(jar.has('__Host-comeback_session')).toBe(false);
  });

  it('trusts an e-mail without email_verified only once HR turns it on in the console; never an explicit false', async () => {
    // Off by default: a provider that sends no email_verified (Entra ID) cannot sign anyone in.
    await idp.nextLogin({ sub: 'idp-aiko', email: 'aiko@sso-co.test' });
    const before = new Browser();
    expect((await before.request(await toCallback(before))).location).toBe(
      url('/console/login?flash=sso_failed'),
    );
    // HR signs in with a password and turns the setting on in the SSO page (a CSRF-carrying form).
    const hr = new Browser();
    expect(
      (
        await hr.submit(url('/console/login?tenant=sso-co'), '/console/sign-in', {
          tenant: 'sso-co',
          email: 'aiko@sso-co.test',
          password: PASSWORD,
        })
      ).location,
    ).toBe(url('/console'));
    const page = await hr.request(url('/console/sso?lang=en'));
    expect(page.status).toBe(200);
    expect(page.text).toContain('without &quot;email_verified&quot;');
    expect(page.text).not.toMatch(/id="sso-trust"[^>]*checked/);
    expect(page.text).not.toContain(idp.clientSecret);
    const saved = await hr.submit(url('/console/sso'), '/console/sso', {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      trustUnverifiedEmail: 'true',
    });
    expect(saved.location).toBe(url('/console/sso?done=saved'));
    const after = await http(api.baseUrl, 'GET', '/api/v1/sso', { token: tenant.token('hr_admin') });
    expect(after.body).toMatchObject({ configured: true, required: false, trustUnverifiedEmail: true });
    expect((await hr.request(url('/console/sso'))).text).toMatch(/id="sso-trust"[^>]*checked/);

    await idp.nextLogin({ sub: 'idp-aiko', email: 'aiko@sso-co.test' });
    const trusted = new Browser();
    expect((await trusted.request(await toCallback(trusted))).location).toBe(url('/console'));
    expect(trusted.cookies(api.baseUrl).has('__Host-comeback_session')).toBe(true);
    // A provider that says the e-mail is NOT verified is refused whatever the setting.
    await idp.nextLogin({ sub: 'idp-aiko', email: 'aiko@sso-co.test', email_verified: false });
    const refused = new Browser();
    expect((await refused.request(await toCallback(refused))).location).toBe(
      url('/console/login?flash=sso_failed'),
    );
    // Turned off again through the API (the default when the field is left out).
    await http(api.baseUrl, 'PUT', '/api/v1/sso', {
      token: tenant.token('hr_admin'),
      json: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
    });
    await idp.nextLogin({ sub: 'idp-aiko', email: 'aiko@sso-co.test' });
    const off = new Browser();
    expect((await off.request(await toCallback(off))).location).toBe(url('/console/login?flash=sso_failed'));
  });

  it('with SSO mandatory, refuses password sign-in (the right password included) and still signs in by SSO', async () => {
    const signIn = (b: Browser) =>
      b.submit(url('/console/login?tenant=sso-co'), '/console/sign-in', {
        tenant: 'sso-co',
        email: 'aiko@sso-co.test',
        password: PASSWORD,
      });
    expect((await signIn(new Browser())).location).toBe(url('/console'));
    const saved = await http(api.baseUrl, 'PUT', '/api/v1/sso', {
      token: tenant.token('hr_admin'),
      json: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, required: true },
    });
    expect(saved.body.required).toBe(true);
    const refused = new Browser();
    expect((await signIn(refused)).location).toBe(url('/console/login?tenant=sso-co&flash=sso_required'));
    expect(refused.cookies(api.baseUrl).has('__Host-comeback_session')).toBe(false);
    const page = await refused.request(url('/console/login?tenant=sso-co&flash=sso_required'));
    expect(page.text).toContain('/console/sso/start?tenant=sso-co');
    await idp.nextLogin({ sub: 'idp-aiko', email: 'aiko@sso-co.test', email_verified: true });
    const b = new Browser();
    expect((await b.request(await toCallback(b))).location).toBe(url('/console'));
    expect((await b.request(url('/console'))).location).toBe(url('/console/home'));
  });
});
