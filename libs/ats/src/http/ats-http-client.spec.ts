import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { AppException, ErrorCode } from '@comeback/platform';
import { MemoryRateLimiter } from '@comeback/platform/rate-limit/memory-rate-limiter';
import {
  AtsHttpClient,
  parseRateLimitReset,
  parseRetryAfter,
  vendorMessage,
  withSafetyMargin,
} from './ats-http-client';
import { AtsHttpMetrics } from './ats-http-metrics';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });
  it('reads an HTTP-date, never negative', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:59:00 GMT', NOW)).toBe(0);
  });
  it('gives null for absent or invalid values', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRetryAfter('-1', NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('5s', NOW)).toBeNull();
  });
});

describe('parseRateLimitReset', () => {
  it('accepts epoch seconds, epoch ms, delta seconds and ISO dates', () => {
    expect(parseRateLimitReset(String(NOW / 1000 + 12), NOW)).toBe(NOW + 12_000);
    expect(parseRateLimitReset(String(NOW + 500), NOW)).toBe(NOW + 500);
    expect(parseRateLimitReset('7', NOW)).toBe(NOW + 7000);
    expect(parseRateLimitReset('2026-11-23T12:00:05Z', NOW)).toBe(NOW + 5000);
    expect(parseRateLimitReset('x', NOW)).toBeNull();
  });
});

describe('withSafetyMargin', () => {
  it('leaves a small margin and never goes below one', () => {
    expect(withSafetyMargin(150, 0.05)).toBe(142);
    expect(withSafetyMargin(10, 0.05)).toBe(9);
    expect(withSafetyMargin(50, 0.05)).toBe(47);
    expect(withSafetyMargin(1, 0.05)).toBe(1);
    expect(withSafetyMargin(2, 0.05)).toBe(1);
  });
});

describe('vendorMessage', () => {
  it('keeps an error code and withholds free text (the answer may come from anywhere the URL pointed)', () => {
    expect(
      vendorMessage({
        body: {
          message: 'Unprocessable Content',
          errors: ['from_stage_id is stale', { to_stage_id: 'is invalid' }],
        },
        text: '',
      }),
    ).toBe('no details shown');
    expect(vendorMessage({ body: { error: 'invalid_client' }, text: '' })).toBe('error code invalid_client');
    expect(vendorMessage({ body: { error: 'AKIA-SECRET token value' }, text: '' })).toBe('no details shown');
    expect(vendorMessage({ body: undefined, text: '<html>oops</html>' })).toBe('no details shown');
  });
});

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

describe('AtsHttpClient', () => {
  let server: Server;
  let url: string;
  let handler: Handler;
  let hits: number;
  let limiter: MemoryRateLimiter;
  let metrics: AtsHttpMetrics;
  let client: AtsHttpClient;
  const sleeps: number[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      req.resume();
      req.on('end', () => handler(req, res, hits));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/thing`;
  });
  const timers: NodeJS.Timeout[] = [];
  const later = (fn: () => void, ms: number) => timers.push(setTimeout(fn, ms));
  afterAll(async () => {
    timers.forEach(clearTimeout);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  beforeEach(() => {
    hits = 0;
    sleeps.length = 0;
    limiter = new MemoryRateLimiter();
    metrics = new AtsHttpMetrics();
    client = new AtsHttpClient(limiter, metrics, {
      rateLimit: {
        bucket: 't',
        limitHeader: 'X-RateLimit-Limit',
        remainingHeader: 'X-RateLimit-Remaining',
        resetHeader: 'X-RateLimit-Reset',
        defaultLimit: 100,
        windowMs: 1000,
      },
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRateLimitedRetries: 2 },
      timeouts: { headersMs: 200, bodyMs: 200, connectMs: 200 },
      outbound: { allowedHosts: ['127.0.0.1'] },
      maxResponseBytes: 64 * 1024,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
    });
  });
  afterEach(() => client.close());

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  it('retries 5xx with full-jitter backoff and then succeeds', async () => {
    handler = (_req, res, n) => (n < 3 ? json(res, 503, { message: 'busy' }) : json(res, 200, [1]));
    const res = await client.send({ tenantId: 'a', method: 'GET', url });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([1]);
    expect(hits).toBe(3);
    expect(sleeps).toEqual([50, 100]); // 0.5 × 100·2^0, 0.5 × 100·2^1
    expect(metrics.forTenant('a')).toEqual({ requests: 3, retries: 2, rateLimited: 0, failures: 0 });
  });

  it('gives up with AtsUnavailable after the bounded attempts', async () => {
    handler = (_req, res) => json(res, 500, { message: 'boom' });
    await expect(client.send({ tenantId: 'a', method: 'GET', url })).rejects.toMatchObject({
      code: ErrorCode.AtsUnavailable,
    });
    expect(hits).toBe(4);
  });

  it('on 429 blocks the tenant key until Retry-After, then retries', async () => {
    const block = jest.spyOn(limiter, 'block');
    handler = (_req, res, n) =>
      n === 1 ? json(res, 429, { message: 'slow down' }, { 'retry-after': '1' }) : json(res, 200, {});
    const before = Date.now();
    const res = await client.send({ tenantId: 'a', method: 'GET', url });
    expect(res.status).toBe(200);
    expect(block).toHaveBeenCalledWith('ats:t:a', expect.any(Number));
    expect(block.mock.calls[0][1]).toBeGreaterThanOrEqual(before + 1000);
    expect(Date.now() - before).toBeGreaterThanOrEqual(900); // the limiter made the retry wait
    expect(metrics.forTenant('a')).toMatchObject({ requests: 2, rateLimited: 1, retries: 1 });
  });

  it('gives up after too many 429s', async () => {
    handler = (_req, res) => json(res, 429, {}, { 'retry-after': '0' });
    await expect(client.send({ tenantId: 'a', method: 'GET', url })).rejects.toMatchObject({
      code: ErrorCode.AtsUnavailable,
    });
    expect(hits).toBe(3);
  });

  it('learns the limit from the vendor header and keeps a margin', async () => {
    handler = (_req, res) => json(res, 200, {}, { 'x-ratelimit-limit': '20' });
    const acquire = jest.spyOn(limiter, 'acquire');
    await client.send({ tenantId: 'a', method: 'GET', url });
    await client.send({ tenantId: 'a', method: 'GET', url });
    expect(acquire.mock.calls.map((c) => c[1])).toEqual([95, 19]);
    expect(client.currentLimit('ats:t:b')).toBe(95); // another tenant is unaffected
  });

  it('turns other 4xx into AtsRejected without the vendor’s words, and passes 404/409/422/401 through', async () => {
    handler = (_req, res) => json(res, 403, { message: 'Missing scope harvest:notes:create' });
    const err = await client.send({ tenantId: 'a', method: 'POST', url, json: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppException);
    expect((err as AppException).code).toBe(ErrorCode.AtsRejected);
    expect((err as AppException).message).toContain('HTTP 403');
    expect((err as AppException).message).not.toContain('Missing scope');
    for (const status of [401, 404, 409, 422]) {
      handler = (_req, res) => json(res, status, { message: 'x' });
      expect((await client.send({ tenantId: 'a', method: 'GET', url })).status).toBe(status);
    }
  });

  it('abandons an answer larger than the cap, once, without retrying', async () => {
    handler = (_req, res) => json(res, 200, { big: 'x'.repeat(200 * 1024) });
    const err = await client.send({ tenantId: 'a', method: 'GET', url }).catch((e: unknown) => e);
    expect((err as AppException).code).toBe(ErrorCode.AtsUnavailable);
    expect((err as AppException).message).toMatch(/larger than 65536 bytes/);
    expect(hits).toBe(1);
  });

  it('refuses loopback, private and link-local destinations not named in the policy, names resolved at connect time', async () => {
    handler = (_req, res) => json(res, 200, {});
    const strict = new AtsHttpClient(limiter, metrics, {
      rateLimit: {
        bucket: 's',
        limitHeader: 'l',
        remainingHeader: 'r',
        resetHeader: 'z',
        defaultLimit: 100,
        windowMs: 1000,
      },
      retry: { maxAttempts: 3 },
      sleep: async () => undefined,
    });
    const port = new URL(url).port;
    for (const target of [
      url,
      `http://localhost:${port}/thing`,
      `http://[::ffff:127.0.0.1]:${port}/thing`,
      `http://[::1]:${port}/thing`,
      'http://169.254.169.254/latest',
      'http://0x7f000001/',
    ]) {
      const err = await strict.send({ tenantId: 'a', method: 'GET', url: target }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppException);
      expect((err as AppException).message).toMatch(/not public|not allowed/);
    }
    expect(hits).toBe(0);
    await strict.close();
  });

  // undici checks header/body timeouts on a coarse (~1 s) timer, hence the 3 s delays against a 200 ms timeout.
  it('retries a timed-out GET but never resends a POST whose fate is unknown', async () => {
    handler = (_req, res, n) =>
      n === 1 ? later(() => json(res, 200, {}), 3000) : json(res, 200, { ok: true });
    expect((await client.send({ tenantId: 'a', method: 'GET', url })).body).toEqual({ ok: true });
    hits = 0;
    handler = (_req, res) => later(() => json(res, 201, {}), 3000);
    await expect(
      client.send({ tenantId: 'a', method: 'POST', url, json: { body: 'note' } }),
    ).rejects.toMatchObject({ code: ErrorCode.AtsUnavailable });
    expect(hits).toBe(1);
  });

  it('retries connection failures (nothing was sent) even for POST', async () => {
    const dead = new AtsHttpClient(limiter, metrics, {
      rateLimit: {
        bucket: 't',
        limitHeader: 'l',
        remainingHeader: 'r',
        resetHeader: 's',
        defaultLimit: 100,
        windowMs: 1000,
      },
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
      outbound: { allowedHosts: ['127.0.0.1'] },
    });
    await expect(
      dead.send({ tenantId: 'z', method: 'POST', url: 'http://127.0.0.1:1/x', json: {} }),
    ).rejects.toMatchObject({ code: ErrorCode.AtsUnavailable });
    expect(metrics.forTenant('z')).toMatchObject({ requests: 3, retries: 2, failures: 1 });
    await dead.close();
  });

  it('sends one probe per cold tenant key and holds the rest until it has learned the limit', async () => {
    const events: string[] = [];
    handler = (_req, res, n) => {
      events.push(`arrive ${n}`);
      later(
        () => {
          events.push(`answer ${n}`);
          json(res, 200, {}, { 'x-ratelimit-limit': '50' });
        },
        n === 1 ? 100 : 0,
      );
    };
    await Promise.all([1, 2, 3, 4].map(() => client.send({ tenantId: 'cold', method: 'GET', url })));
    expect(events.slice(0, 2)).toEqual(['arrive 1', 'answer 1']);
    expect(client.currentLimit('ats:t:cold')).toBe(47);
  });

  it('sends JSON and form bodies', async () => {
    let seen = '';
    let type = '';
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        seen = data;
        type = req.headers['content-type'] ?? '';
        json(res, 200, {});
      });
    });
    await client.send({
      tenantId: 'a',
      method: 'POST',
      url,
      form: { grant_type: 'client_credentials', sub: '42' },
    });
    expect(seen).toBe('grant_type=client_credentials&sub=42');
    expect(type).toBe('application/x-www-form-urlencoded');
    await client.send({ tenantId: 'a', method: 'PATCH', url, json: { tags: ['a'] } });
    expect(JSON.parse(seen)).toEqual({ tags: ['a'] });
    expect(type).toBe('application/json');
  });
});
