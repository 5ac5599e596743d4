// Dry run before activation, enforced by the server for both policy editors: the REST routes and the console forms
// refuse a version without a recorded dry run of exactly its current content, whichever process ran it.
import { Client } from 'pg';
import { Browser } from '../support/browser-jar';
import { http, startApi, type Harness, type TestTenant } from '../support/api-harness';

jest.setTimeout(90_000);

const KINDS = [
  {
    kind: 'eligibility',
    api: '/api/v1/eligibility/policies',
    console: '/console/policies',
    table: 'eligibility_policies',
    audit: 'eligibility_policy.activate',
  },
  {
    kind: 'fairness',
    api: '/api/v1/offers/fairness-policies',
    console: '/console/fairness-policy',
    table: 'fairness_policies',
    audit: 'fairness_policy.activate',
  },
] as const;

describe('dry run before activation (server-side, both policies)', () => {
  let api: Harness;
  let tenant: TestTenant;
  let db: Client;

  beforeAll(async () => {
    api = await startApi();
    tenant = await api.tenant('dry-run-gate');
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const hr = () => tenant.token('hr_admin');
  async function draft(base: string, comment: string): Promise<number> {
    const active = await http(api.baseUrl, 'GET', `${base}/active`, { token: hr() });
    const res = await http(api.baseUrl, 'POST', base, {
      token: hr(),
      json: { document: { ...active.body.document, comment }, comment },
    });
    expect(res.status).toBe(201);
    return res.body.version;
  }
  const activeVersion = async (base: string) =>
    (await http(api.baseUrl, 'GET', `${base}/active`, { token: hr() })).body.version;

  describe.each(KINDS)('REST: $kind policies', ({ api: base, table, kind, audit }) => {
    it('refuses activation without a dry run (409, code, en/ja message); a dry run then allows it', async () => {
      const before = await activeVersion(base);
      const v = await draft(base, `${kind} never dry-run`);
      const refused = await http(api.baseUrl, 'POST', `${base}/${v}/activate`, { token: hr() });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'dry_run_required',
        message: expect.stringContaining('dry-run'),
        details: {
          version: v,
          messages: {
            en: expect.stringContaining('dry-run'),
            ja: expect.stringContaining('試算されていません'),
          },
        },
      });
      expect(await activeVersion(base)).toBe(before);

      const dry = await http(api.baseUrl, 'POST', `${base}/${v}/dry-run`, { token: hr() });
      expect(dry.status).toBe(200);
      const row = await http(api.baseUrl, 'GET', `${base}/${v}`, { token: hr() });
      expect(row.body).toMatchObject({
        status: 'draft',
        dryRunBy: expect.any(String),
        dryRunAt: expect.any(String),
        dryRunHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const activated = await http(api.baseUrl, 'POST', `${base}/${v}/activate`, { token: hr() });
      expect(activated.status).toBe(200);
      expect(await activeVersion(base)).toBe(v);
      const [entry] = (
        await db.query(
          `SELECT details FROM audit_entries WHERE tenant_id = $1 AND action = $2 AND target_id = $3`,
          [tenant.id, audit, String(v)],
        )
      ).rows;
      expect(entry.details.dryRun).toEqual({
        by: row.body.dryRunBy,
        at: row.body.dryRunAt,
        hash: row.body.dryRunHash,
      });
    });

    it('refuses a version whose content changed after its dry run, until it is dry-run again', async () => {
      const v = await draft(base, `${kind} edited after the dry run`);
      expect((await http(api.baseUrl, 'POST', `${base}/${v}/dry-run`, { token: hr() })).status).toBe(200);
      // Drafts are immutable through the app; an edit by any other way is not the content that was dry-run.
      await db.query(
        `UPDATE ${table} SET document = jsonb_set(document, '{comment}', '"changed"') WHERE tenant_id = $1 AND version = $2`,
        [tenant.id, v],
      );
      const refused = await http(api.baseUrl, 'POST', `${base}/${v}/activate`, { token: hr() });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('dry_run_required');
      expect((await http(api.baseUrl, 'POST', `${base}/${v}/dry-run`, { token: hr() })).status).toBe(200);
      expect((await http(api.baseUrl, 'POST', `${base}/${v}/activate`, { token: hr() })).status).toBe(200);
    });
  });

  describe.each(KINDS)('console: the $kind policy editor', ({ api: base, console: path }) => {
    const origin = () => api.baseUrl;
    async function signIn(): Promise<Browser> {
      const b = new Browser();
      const res = await b.submit(`${origin()}/console/login`, '/console/login', { token: hr() });
      expect(res.status).toBe(303);
      return b;
    }

    it('a forged activation without a dry run is refused on the page, in Japanese and English', async () => {
      const v = await draft(base, 'console, never dry-run');
      const b = await signIn();
      const page = await b.request(`${origin()}${path}/${v}`);
      expect(page.text).toContain('data-testid="activate-after-dry-run"');
      expect(page.text).not.toContain(`${path}/${v}/activate`);
      const ja = await b.submit(`${origin()}${path}/${v}?lang=ja`, `${path}/${v}/activate`, {});
      expect(ja.status).toBe(409);
      expect(ja.text).toContain('有効にしませんでした。この版は現在の内容で試算されていません。');
      const en = await b.submit(`${origin()}${path}/${v}?lang=en`, `${path}/${v}/activate`, {});
      expect(en.status).toBe(409);
      expect(en.text).toContain('Not activated: this version has no dry run of its current content.');
      expect((await http(api.baseUrl, 'GET', `${base}/${v}`, { token: hr() })).body.status).toBe('draft');
    });

    it('a dry run survives a restart: the new process offers activation, without the report, and activates', async () => {
      const v = await draft(base, 'console, dry-run before a restart');
      let b = await signIn();
      const run = await b.submit(`${origin()}${path}/${v}`, `${path}/${v}/dry-run`, {});
      expect(run.status).toBe(303);
      expect((await b.request(`${origin()}${path}/${v}`)).text).toContain(`${path}/${v}/activate`);

      const databaseUrl = api.databaseUrl;
      await db.end();
      await api.close({ keepDatabase: true });
      api = await startApi({}, { databaseUrl });
      db = new Client({ connectionString: api.databaseUrl });
      await db.connect();

      b = await signIn();
      const page = await b.request(`${origin()}${path}/${v}?lang=en`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('data-testid="dry-run-recorded"');
      expect(page.text).toContain('Dry-run as it stands by');
      expect(page.text).toContain(`${path}/${v}/activate`);
      const activated = await b.submit(`${origin()}${path}/${v}`, `${path}/${v}/activate`, {});
      expect(activated.status).toBe(303);
      expect(activated.location).toBe(`${origin()}${path}/${v}?done=activated`);
      expect(await activeVersion(base)).toBe(v);
    });
  });
});
