// Workable's documented webhook examples, signed as Workable signs them, through the real HTTP receiver; and
// the webhook registrations the connection keeps in PostgreSQL (found, renewed, deleted from the stored ids).
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebhookSubscriptionRenewal } from '@comeback/pipeline';
import { DataSource } from 'typeorm';
import { http } from '../support/api-harness';
import { Stack, startStack, WK_TOKEN } from '../support/pipeline-stack';

jest.setTimeout(60_000);

function fixtureBody(name: string): Buffer {
  const { _source: _ignored, ...envelope } = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/workable', name), 'utf8'),
  ) as Record<string, unknown>;
  return Buffer.from(JSON.stringify(envelope));
}

// workable.readme.io/reference/webhooks: HMAC SHA256 of the payload, keyed with the account token, hex in
// X-Workable-Signature.
const sign = (body: Buffer, key: string) => createHmac('sha256', key).update(body).digest('hex');

describe('Workable webhooks end to end (connection without a webhook secret)', () => {
  let s: Stack;
  let ds: DataSource;

  const stored = async () =>
    ds.query<{ external_id: string; target: string; valid_until: Date | null }[]>(
      'SELECT external_id, target, valid_until FROM webhook_subscriptions WHERE tenant_id = $1 AND kind = $2 ORDER BY target',
      [s.tenant.id, 'workable'],
    );
  const simSubscriptions = async () =>
    ((await (await fetch(`${s.sim.url}/_sim/state`)).json()) as any).companies.find(
      (c: any) => c.company === 'e2e',
    ).workable.subscriptions as { id: number; target: string; valid_until: string }[];

  beforeAll(async () => {
    s = await startStack('workable');
    ds = s.api.app.get(DataSource);
  }, 60_000);
  afterAll(async () => s?.close());

  it.each(['candidate-created.webhook.json', 'candidate-moved.webhook.json'])(
    'accepts and stores the documented %s signed with the account token',
    async (name) => {
      const body = fixtureBody(name);
      const eventId = (JSON.parse(body.toString()) as { id: string }).id;
      const res = await fetch(`${s.webhookUrl}?event=x`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Workable-Signature': sign(body, WK_TOKEN) },
        body,
      });
      expect(res.status).toBe(200);
      const rows = await ds.query('SELECT kind FROM inbox_events WHERE tenant_id = $1 AND event_id = $2', [
        s.tenant.id,
        eventId,
      ]);
      expect(rows).toEqual([
        { kind: name.startsWith('candidate-created') ? 'application_created' : 'stage_changed' },
      ]);
      const forged = await fetch(s.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Workable-Signature': sign(body, 'not-the-token') },
        body,
      });
      expect(forged.status).toBe(401);
    },
  );

  it('stores the registrations Workable holds, with their ids and valid_until', async () => {
    const sim = await simSubscriptions();
    expect(sim).toHaveLength(2);
    expect(await stored()).toEqual(
      sim
        .map((x) => ({ external_id: String(x.id), target: x.target, valid_until: new Date(x.valid_until) }))
        .sort((a, b) => a.target.localeCompare(b.target)),
    );
  });

  it('saving the connection again finds the registrations through GET /subscriptions (409 on create)', async () => {
    const before = await stored();
    const res = await http(s.api.baseUrl, 'PUT', '/api/v1/ats-connections/workable', {
      token: s.hr,
      json: { apiBaseUrl: `${s.sim.url}/workable/spi/v3`, secret: WK_TOKEN, actingUserId: s.actingUserId },
    });
    expect(res.status).toBe(200);
    expect(await stored()).toEqual(before);
    expect(await simSubscriptions()).toHaveLength(2);
  });

  it('renews registrations that lapse within the renewal horizon', async () => {
    const before = await stored();
    await ds.query(
      "UPDATE webhook_subscriptions SET valid_until = now() + interval '3 days' WHERE tenant_id = $1",
      [s.tenant.id],
    );
    expect(await s.api.app.get(WebhookSubscriptionRenewal).renewDue()).toBe(1);
    const after = await stored();
    expect(after.map((r) => r.target)).toEqual(before.map((r) => r.target));
    expect(after.map((r) => r.external_id)).not.toEqual(before.map((r) => r.external_id));
    expect(after.every((r) => r.valid_until!.getTime() > Date.now() + 300 * 24 * 3600_000)).toBe(true);
    expect((await simSubscriptions()).map((x) => String(x.id)).sort()).toEqual(
      after.map((r) => r.external_id).sort(),
    );
    // Nothing else is due.
    expect(await s.api.app.get(WebhookSubscriptionRenewal).renewDue()).toBe(0);
  });

  it('deletes the stored registrations in Workable on disconnect', async () => {
    const res = await http(s.api.baseUrl, 'DELETE', '/api/v1/ats-connections/workable', { token: s.hr });
    expect(res.status).toBeLessThan(300);
    expect(await simSubscriptions()).toEqual([]);
    expect(await stored()).toEqual([]);
  });
});
