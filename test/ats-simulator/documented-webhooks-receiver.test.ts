// Greenhouse's documented webhook examples (test/fixtures/greenhouse/webhooks, each with its source URL)
// POSTed to our real receiver, signed as Greenhouse signs them: `Signature: sha256 <hex HMAC-SHA256 of the
// raw body>` with the connection's secret. Each is answered 200 and lands in inbox_events (processable, or
// `ignored:<action>`); the same bytes unsigned or signed with another key are refused with 401 and leave
// nothing behind.
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { SimulatorHandle } from '@comeback/ats-simulator';
import { Harness, http, startApi, TestTenant } from '../support/api-harness';
import { GH_CLIENT, startSeeded } from './sim-test-kit';

const FIXTURES = join(__dirname, '../fixtures/greenhouse/webhooks');
const WEBHOOK_SECRET = 'documented-examples-webhook-secret';

/** How the receiver files each documented action (the parser's mapping; prospects are not our business). */
const EXPECTED_KIND: Record<string, string> = {
  new_candidate_application: 'application_created',
  candidate_stage_change: 'stage_changed',
  offer_created: 'offer_changed',
  offer_updated: 'offer_changed',
  application_updated: 'ignored:application_updated',
  new_prospect_application: 'ignored:new_prospect_application',
  hire_candidate: 'application_hired',
  reject_candidate: 'application_rejected',
  unhire_candidate: 'application_unhired',
  unreject_candidate: 'ignored:unreject_candidate',
};

interface Example {
  file: string;
  action: string;
  raw: Buffer;
}

function examples(): Example[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const fixture = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as {
        _source: string;
        example: { action: string };
      };
      return {
        file,
        action: fixture.example.action,
        raw: Buffer.from(JSON.stringify(fixture.example), 'utf8'),
      };
    });
}

const sign = (raw: Buffer, key: string) => `sha256 ${createHmac('sha256', key).update(raw).digest('hex')}`;

describe('webhook receiver: Greenhouse documented examples', () => {
  let api: Harness;
  let sim: SimulatorHandle;
  let tenant: TestTenant;
  let db: DataSource;
  let actingUserId: string;
  const all = examples();

  const post = (raw: Buffer, headers: Record<string, string>) =>
    http(api.baseUrl, 'POST', `/webhooks/greenhouse/${tenant.id}`, {
      body: raw,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const stored = (raw: Buffer): Promise<{ kind: string; status: string }[]> =>
    db.query(
      `SELECT kind, status FROM inbox_events WHERE tenant_id = $1 AND ats = 'greenhouse' AND raw_body = $2`,
      [tenant.id, raw.toString('utf8')],
    );

  beforeAll(async () => {
    // Jobs stay queued: this is about what the receiver accepts and stores, not what the worker does next.
    // A connection is saved only once the ATS accepts its credentials and acting user: the simulator stands in.
    const seeded = await startSeeded();
    sim = seeded.sim;
    api = await startApi({ RUN_JOBS_IN_API: 'false' });
    db = api.app.get(DataSource);
    tenant = await api.tenant('gh-documented');
    const saved = await http(api.baseUrl, 'PUT', '/api/v1/ats-connections/greenhouse', {
      token: tenant.token('hr_admin'),
      json: {
        apiBaseUrl: `${sim.url}/greenhouse/v3`,
        authUrl: `${sim.url}/greenhouse/auth/token`,
        clientId: GH_CLIENT.id,
        secret: GH_CLIENT.secret,
        webhookSecret: WEBHOOK_SECRET,
        actingUserId: (actingUserId = String(seeded.seed.greenhouse.users[0].id)),
      },
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
    await sim?.close();
  });

  it('has every documented example the README lists', () => {
    expect(all.map((e) => e.action).sort()).toEqual(Object.keys(EXPECTED_KIND).sort());
  });

  it.each(all.map((e) => [e.file, e] as const))(
    '%s unsigned or signed with another key → 401, nothing stored',
    async (_file, e) => {
      const before = (await stored(e.raw)).length;
      const refused: Record<string, string>[] = [{}, { signature: sign(e.raw, 'not-the-connection-secret') }];
      for (const headers of refused) {
        const res = await post(e.raw, headers);
        expect(res.status).toBe(401);
      }
      expect((await stored(e.raw)).length).toBe(before);
    },
  );

  it.each(all.map((e) => [e.file, e] as const))(
    '%s signed with the connection secret → 200 and stored in inbox_events',
    async (_file, e) => {
      const res = await post(e.raw, { signature: sign(e.raw, WEBHOOK_SECRET) });
      expect(res.status).toBe(200);
      const kind = EXPECTED_KIND[e.action];
      const ignored = kind.startsWith('ignored:');
      expect(res.body.status).toBe(ignored ? 'ignored' : 'accepted');
      expect(await stored(e.raw)).toEqual([{ kind, status: ignored ? 'ignored' : 'received' }]);
    },
  );

  // Greenhouse sets up one webhook per event type, each with its own secret key (ats-contracts.md, "Setup").
  // Last in this file: it replaces the connection's secrets.
  it('a connection with several webhook secrets accepts a delivery signed with any of them, refuses a third', async () => {
    const [first, second] = ['secret-of-the-application-webhook', 'secret-of-the-stage-change-webhook'];
    const saved = await http(api.baseUrl, 'PUT', '/api/v1/ats-connections/greenhouse', {
      token: tenant.token('hr_admin'),
      json: {
        apiBaseUrl: `${sim.url}/greenhouse/v3`,
        authUrl: `${sim.url}/greenhouse/auth/token`,
        clientId: GH_CLIENT.id,
        secret: GH_CLIENT.secret,
        webhookSecrets: [first, second],
        actingUserId,
      },
    });
    expect(saved.status).toBe(200);
    const [sealed] = await db.query<{ webhook_secrets_sealed: string[] }[]>(
      `SELECT webhook_secrets_sealed FROM ats_connections WHERE tenant_id = $1 AND kind = 'greenhouse'`,
      [tenant.id],
    );
    expect(sealed.webhook_secrets_sealed).toHaveLength(2);
    for (const v of sealed.webhook_secrets_sealed) expect(v).not.toContain('secret-of');

    // Fresh bytes (indented), so the body digest is not a duplicate of the deliveries above.
    const body = (action: string) => {
      const e = all.find((x) => x.action === action)!;
      return Buffer.from(JSON.stringify(JSON.parse(e.raw.toString('utf8')), null, 1), 'utf8');
    };
    const created = body('new_candidate_application');
    const moved = body('candidate_stage_change');
    const offer = body('offer_created');
    expect((await post(created, { signature: sign(created, first) })).status).toBe(200);
    expect((await post(moved, { signature: sign(moved, second) })).status).toBe(200);
    expect(await stored(created)).toEqual([{ kind: 'application_created', status: 'received' }]);
    expect(await stored(moved)).toEqual([{ kind: 'stage_changed', status: 'received' }]);
    for (const key of ['a-third-secret-nobody-saved', WEBHOOK_SECRET]) {
      expect((await post(offer, { signature: sign(offer, key) })).status).toBe(401);
    }
    expect(await stored(offer)).toEqual([]);
  });
});
