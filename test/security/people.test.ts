// People and sign-in (#13): invitations by e-mail (real SMTP server), password sign-in, throttling, deactivation
// ending a live session, password reset, named machine tokens, and audit entries naming the person.
import { DataSource } from 'typeorm';
import { PeopleService } from '@comeback/people';
import { http, startApi, type Harness, type TestTenant } from '../support/api-harness';
import { Browser, linkIn } from '../support/browser-jar';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

jest.setTimeout(120_000);

describe('people and sign-in', () => {
  let smtp: SmtpSink;
  let api: Harness;
  let tenant: TestTenant;
  let db: DataSource;
  const hr = new Browser();
  const PASSWORD = 'correct horse battery';

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await startApi({ SMTP_URL: smtp.url, CONSOLE_LOGIN_ATTEMPTS_PER_ACCOUNT: '10' });
    tenant = await api.tenant('acme');
    db = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
    delete process.env.SMTP_URL;
  });

  const url = (path: string) => `${api.baseUrl}${path}`;

  async function signIn(b: Browser, email: string, password: string) {
    return b.submit(url('/console/login?tenant=acme'), '/console/sign-in', {
      tenant: 'acme',
      email,
      password,
    });
  }

  /** Where GET /console sends this browser: the role's home when signed in, the login page when not. */
  async function home(b: Browser): Promise<string | null> {
    return (await b.request(url('/console'))).location;
  }

  async function acceptInvitation(b: Browser, to: string, password = PASSWORD) {
    const mail = await smtp.next(to);
    const link = linkIn(mail.text, '/console/invitation');
    const res = await b.submit(link, '/console/invitation', {
      token: new URL(link).searchParams.get('token')!,
      tenant: 'acme',
      password,
    });
    return { mail, link, res };
  }

  it('invites the first HR admin by e-mail (Japanese); the link signs them in once and never again', async () => {
    await api.app
      .get(PeopleService)
      .invite(
        { tenantId: tenant.id, role: 'hr_admin', name: 'setup' },
        { email: 'Hanako@Acme.test', displayName: '佐藤 花子', role: 'hr_admin', language: 'ja' },
      );
    const { mail, link, res } = await acceptInvitation(hr, 'hanako@acme.test');
    expect(mail.subject).toBe('Comeback への招待');
    expect(mail.text).toContain('人事管理者');
    expect(res).toMatchObject({ status: 303, location: url('/console') });
    expect(hr.cookies(api.baseUrl).has('__Host-comeback_session')).toBe(true);
    const people = await hr.request(url('/console/people?lang=ja'));
    expect(people.status).toBe(200);
    expect(people.text).toContain('佐藤 花子');
    // Only the token's hash is stored.
    const token = new URL(link).searchParams.get('token')!;
    const stored = await db.query(`SELECT token_hash FROM person_invitations`);
    expect(JSON.stringify(stored)).not.toContain(token);
    // Single use: the page says so and a second acceptance is refused.
    const again = new Browser();
    expect((await again.request(link)).text).toMatch(/このリンクは使えません|no longer works/);
    const page = await again.request(url('/console/login'));
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const replay = await again.request(url('/console/invitation'), {
      form: { token, tenant: 'acme', password: 'another long password', _csrf: csrf },
    });
    expect(replay.status).toBe(410);
    expect(again.cookies(api.baseUrl).has('__Host-comeback_session')).toBe(false);
  });

  it('refuses an expired invitation', async () => {
    const res = await hr.submit(url('/console/people'), '/console/people/invitations', {
      email: 'late@acme.test',
      displayName: 'Late Comer',
      role: 'recruiter',
      language: 'en',
    });
    expect(res).toMatchObject({ status: 303, location: url('/console/people?flash=invited') });
    const mail = await smtp.next('late@acme.test');
    expect(mail.subject).toBe('You are invited to Comeback');
    await db.query(
      `UPDATE person_invitations SET expires_at = now() - interval '1 minute' WHERE email_key = 'late@acme.test'`,
    );
    const b = new Browser();
    const link = linkIn(mail.text, '/console/invitation');
    expect((await b.request(link)).text).toMatch(/このリンクは使えません|no longer works/);
    const page = await b.request(url('/console/login'));
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const post = await b.request(url('/console/invitation'), {
      form: { token: new URL(link).searchParams.get('token')!, password: PASSWORD, _csrf: csrf },
    });
    expect(post.status).toBe(410);
    expect((await db.query(`SELECT 1 FROM people WHERE email_key = 'late@acme.test'`)).length).toBe(0);
  });

  it('signs in by e-mail (any case) and password; a wrong password and an unknown e-mail get the same answer', async () => {
    const ok = await signIn(new Browser(), 'HANAKO@acme.test', PASSWORD);
    expect(ok).toMatchObject({ status: 303, location: url('/console') });
    const wrong = await signIn(new Browser(), 'hanako@acme.test', 'not the password!!');
    const unknown = await signIn(new Browser(), 'nobody@acme.test', 'not the password!!');
    expect(wrong.location).toBe(url('/console/login?tenant=acme&flash=invalid'));
    expect(unknown.location).toBe(wrong.location);
  });

  it('throttles sign-in per account: after 10 attempts even the right password gets 429', async () => {
    await hr.submit(url('/console/people'), '/console/people/invitations', {
      email: 'mika@acme.test',
      displayName: 'Mika',
      role: 'recruiter',
      language: 'en',
    });
    await acceptInvitation(new Browser(), 'mika@acme.test');
    for (let i = 0; i < 10; i += 1)
      expect((await signIn(new Browser(), 'mika@acme.test', `wrong password ${i}`)).status).toBe(303);
    expect((await signIn(new Browser(), 'MIKA@acme.test', PASSWORD)).status).toBe(429);
    // Another account from the same address is not affected.
    expect((await signIn(new Browser(), 'hanako@acme.test', PASSWORD)).status).toBe(303);
  });

  it('deactivating a person ends their live session at once; reactivation does not revive it', async () => {
    await hr.submit(url('/console/people'), '/console/people/invitations', {
      email: 'ken@acme.test',
      displayName: 'Ken',
      role: 'hiring_manager',
      language: 'en',
    });
    const ken = new Browser();
    await acceptInvitation(ken, 'ken@acme.test');
    expect(await home(ken)).toBe(url('/console/home'));
    const [{ id }] = await db.query(`SELECT id FROM people WHERE email_key = 'ken@acme.test'`);
    const res = await hr.submit(url('/console/people'), `/console/people/${id}/deactivate`, {});
    expect(res.status).toBe(303);
    expect(await home(ken)).toBe(url('/console/login?error=invalid'));
    expect((await signIn(new Browser(), 'ken@acme.test', PASSWORD)).location).toContain('flash=invalid');
    // The audit entry names the HR admin who did it.
    const [entry] = await db.query(
      `SELECT actor, actor_email, actor_person_id FROM audit_entries WHERE action = 'person.deactivate'`,
    );
    const [hanako] = await db.query(`SELECT id FROM people WHERE email_key = 'hanako@acme.test'`);
    expect(entry).toEqual({
      actor: '佐藤 花子',
      actor_email: 'Hanako@Acme.test',
      actor_person_id: hanako.id,
    });
    await hr.submit(url('/console/people'), `/console/people/${id}/reactivate`, {});
    expect(await home(ken)).toBe(url('/console/login'));
    expect((await signIn(ken, 'ken@acme.test', PASSWORD)).location).toBe(url('/console'));
  });

  it('changes a role, effective on the next request of the live session', async () => {
    const mika = new Browser();
    const [{ id }] = await db.query(`SELECT id FROM people WHERE email_key = 'ken@acme.test'`);
    await signIn(mika, 'ken@acme.test', PASSWORD);
    // Every role lands on its home page; what the role may open tells them apart.
    expect(await home(mika)).toBe(url('/console/home'));
    expect((await mika.request(url('/console/applications'))).status).toBe(403);
    await hr.submit(url('/console/people'), `/console/people/${id}/role`, { role: 'recruiter' });
    expect((await mika.request(url('/console/applications'))).status).toBe(200);
  });

  it('resets a password by e-mail: same answer for unknown addresses, single use, ends the old sessions', async () => {
    const other = new Browser();
    await signIn(other, 'hanako@acme.test', PASSWORD);
    const b = new Browser();
    const unknown = await b.submit(url('/console/password-reset'), '/console/password-reset', {
      tenant: 'acme',
      email: 'nobody@acme.test',
    });
    const known = await b.submit(url('/console/password-reset'), '/console/password-reset', {
      tenant: 'acme',
      email: 'hanako@acme.test',
    });
    expect(known.status).toBe(303);
    expect(known.location).toBe(unknown.location);
    const mail = await smtp.next('hanako@acme.test');
    expect(mail.subject).toBe('Comeback のパスワード再設定');
    const link = linkIn(mail.text, '/console/password-reset/confirm');
    const token = new URL(link).searchParams.get('token')!;
    const tooShort = await b.submit(link, '/console/password-reset/confirm', { token, password: 'short' });
    expect(tooShort.status).toBe(400);
    const done = await b.submit(link, '/console/password-reset/confirm', {
      token,
      password: 'a brand new passphrase',
    });
    expect(done.location).toContain('/console/login?flash=reset_done');
    expect(await home(other)).toBe(url('/console/login?error=invalid'));
    expect(await home(hr)).toBe(url('/console/login?error=invalid'));
    expect((await signIn(hr, 'hanako@acme.test', PASSWORD)).location).toContain('flash=invalid');
    expect((await signIn(hr, 'hanako@acme.test', 'a brand new passphrase')).location).toBe(url('/console'));
    expect((await b.request(link)).text).toMatch(/このリンクは使えません|no longer works/);
    const replay = await b.submit(url('/console/password-reset'), '/console/password-reset/confirm', {
      token,
      password: 'yet another passphrase',
    });
    expect(replay.status).toBe(410);
    expect(smtp.received.filter((m) => m.to.includes('nobody@acme.test'))).toEqual([]);
  });

  it('signing out ends the session server-side: a copied cookie stops working', async () => {
    const a = new Browser();
    await signIn(a, 'hanako@acme.test', 'a brand new passphrase');
    const copy = new Browser();
    copy
      .cookies(api.baseUrl)
      .set('__Host-comeback_session', a.cookies(api.baseUrl).get('__Host-comeback_session')!);
    expect(await home(copy)).toBe(url('/console/home'));
    await a.submit(url('/console/people'), '/console/logout', {});
    expect(await home(copy)).toBe(url('/console/login?error=invalid'));
  });

  it('has no local mailbox outside the embedded mode', async () => {
    expect((await new Browser().request(url('/console/dev/mailbox'))).status).toBe(404);
  });

  it('lists people and machine tokens by name; a revoked token is refused', async () => {
    const hrToken = tenant.token('hr_admin');
    const people = await http(api.baseUrl, 'GET', '/api/v1/people', { token: hrToken });
    expect(people.status).toBe(200);
    expect(people.body.map((p: { email: string }) => p.email)).toEqual(
      expect.arrayContaining(['Hanako@Acme.test', 'ken@acme.test']),
    );
    expect(JSON.stringify(people.body)).not.toMatch(/argon2|password_hash|passwordHash/);
    const created = await http(api.baseUrl, 'POST', '/api/v1/tokens', {
      token: hrToken,
      json: { name: 'greenhouse-sync', role: 'integration', expiresInDays: 30 },
    });
    expect(created.status).toBe(201);
    expect((await http(api.baseUrl, 'GET', '/health/details', { token: created.body.token })).status).toBe(
      200,
    );
    const list = await http(api.baseUrl, 'GET', '/api/v1/tokens', { token: hrToken });
    expect(list.body).toEqual([
      expect.objectContaining({
        jti: created.body.jti,
        name: 'greenhouse-sync',
        role: 'integration',
        revoked: false,
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(
      (await http(api.baseUrl, 'DELETE', `/api/v1/tokens/${created.body.jti}`, { token: hrToken })).status,
    ).toBe(204);
    expect((await http(api.baseUrl, 'GET', '/health/details', { token: created.body.token })).status).toBe(
      401,
    );
    expect((await http(api.baseUrl, 'GET', '/api/v1/tokens', { token: hrToken })).body[0].revoked).toBe(true);
  });
});
