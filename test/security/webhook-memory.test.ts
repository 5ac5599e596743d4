// Finding #9: unauthenticated memory exhaustion through the webhook entry.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AtsConnectionService } from '@comeback/pipeline';
import { http, type Harness, type TestTenant } from '../support/api-harness';
import { applicationDelivery, signGreenhouse, startWithConnection } from './security-kit';

jest.setTimeout(60_000);

describe('webhook entry: bounded memory per request and per source (#9)', () => {
  let api: Harness;
  let tenant: TestTenant;

  beforeAll(async () => {
    ({ api, tenant } = await startWithConnection({
      WEBHOOK_RATE_LIMIT_PER_MINUTE: '300',
      WEBHOOK_MAX_BODY_BYTES: '65536',
    }));
  });
  afterAll(async () => api?.close());

  it('deliveries to unknown tenants leave nothing in the connection cache (no negative caching)', async () => {
    for (let i = 0; i < 200; i++) {
      const raw = JSON.stringify(applicationDelivery());
      const res = await http(api.baseUrl, 'POST', `/webhooks/greenhouse/${randomUUID()}`, {
        body: raw,
        headers: signGreenhouse(raw),
      });
      expect(res.status).toBe(401);
    }
    const service: unknown = api.app.get(AtsConnectionService);
    const cache = (service as { cache: { size: number } }).cache;
    expect(cache.size).toBeLessThanOrEqual(1);
  });

  it('refuses a signed delivery larger than the cap with 413 and stores nothing', async () => {
    const raw = JSON.stringify({ ...applicationDelivery(), padding: 'x'.repeat(100_000) });
    const res = await http(api.baseUrl, 'POST', `/webhooks/greenhouse/${tenant.id}`, {
      body: raw,
      headers: signGreenhouse(raw),
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    const [{ n }] = await api.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM inbox_events WHERE tenant_id = $1`, [tenant.id]);
    expect(n).toBe(0);
  });

  it('rate-limits one source address with 429 and a code', async () => {
    const statuses: number[] = [];
    let limited: { code?: string } | undefined;
    for (let i = 0; i < 350; i++) {
      const raw = JSON.stringify(applicationDelivery());
      const res = await http(api.baseUrl, 'POST', `/webhooks/greenhouse/${randomUUID()}`, {
        body: raw,
        headers: signGreenhouse(raw),
      });
      statuses.push(res.status);
      if (res.status === 429) {
        limited = res.body;
        break;
      }
    }
    expect(statuses).toContain(429);
    expect(limited?.code).toBe('rate_limited');
  });
});
