// Webhook rate limits key on the client's address. Behind a load balancer every request comes from the balancer:
// X-Forwarded-For names the client, but only a trusted proxy's word counts (TRUSTED_PROXIES); from anyone else
// the header is ignored, or a client could pick a fresh rate-limit key for every request.
import { randomUUID } from 'node:crypto';
import { http, startApi, type Harness } from '../support/api-harness';

jest.setTimeout(60_000);

const LIMIT = 5;

async function deliver(api: Harness, forwardedFor?: string): Promise<number> {
  const res = await http(api.baseUrl, 'POST', `/webhooks/greenhouse/${randomUUID()}`, {
    body: '{}',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
  });
  return res.status;
}

describe('webhook rate limit per client address (TRUSTED_PROXIES)', () => {
  it('without a trusted proxy, ignores X-Forwarded-For: a fresh header per request does not escape the limit', async () => {
    const api = await startApi({ REDIS_URL: undefined, WEBHOOK_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 2; i++) statuses.push(await deliver(api, `203.0.113.${i + 1}`));
      expect(statuses.slice(0, LIMIT).every((s) => s !== 429)).toBe(true);
      expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    } finally {
      await api.close();
    }
  });

  it('behind a trusted proxy, limits each forwarded client on its own, and a prepended address changes nothing', async () => {
    const api = await startApi({
      REDIS_URL: undefined,
      WEBHOOK_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      TRUSTED_PROXIES: '127.0.0.1',
    });
    try {
      const a: number[] = [];
      // The client may put anything in front; the proxy appends the address it saw, and that one counts.
      for (let i = 0; i < LIMIT + 1; i++) a.push(await deliver(api, `198.51.100.${i + 1}, 203.0.113.7`));
      expect(a.slice(0, LIMIT).every((s) => s !== 429)).toBe(true);
      expect(a[LIMIT]).toBe(429);
      // Another client behind the same proxy still has its whole budget.
      expect(await deliver(api, '203.0.113.8')).not.toBe(429);
    } finally {
      await api.close();
      delete process.env.TRUSTED_PROXIES;
    }
  });
});
