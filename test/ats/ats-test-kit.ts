import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { AtsConnection } from '@comeback/ats';
import type { AtsHttpTuning } from '@comeback/ats';

/** Control API calls against a running simulator (seed, config, counters, state). */
export class SimControl {
  constructor(readonly url: string) {}

  async call<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/_sim${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`/_sim${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  seed(body: unknown) {
    return this.call('POST', '/seed', body);
  }
  config(patch: unknown) {
    return this.call('PUT', '/config', patch);
  }
  counters() {
    return this.call('GET', '/counters');
  }
  resetCounters() {
    return this.call('POST', '/counters/reset');
  }
  async company(name = 'default') {
    const s = await this.call('GET', '/state');
    return s.companies.find((c: any) => c.company === name);
  }
}

/** Quick retries so fault-injection tests run in seconds; attempts raised so a 30 % fault rate cannot exhaust them. */
export function fastTuning(extra: AtsHttpTuning = {}): AtsHttpTuning {
  return {
    retry: { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 10, ...extra.retry },
    timeouts: { connectMs: 2000, headersMs: 5000, bodyMs: 5000 },
    // The simulator listens on loopback, which the client refuses unless it is named.
    outbound: { allowedHosts: ['127.0.0.1', 'localhost'] },
    ...extra,
  };
}

export function connection(overrides: Partial<AtsConnection>): AtsConnection {
  return {
    tenantId: '00000000-0000-4000-8000-000000000001',
    kind: 'greenhouse',
    apiBaseUrl: '',
    authUrl: null,
    clientId: null,
    secret: '',
    webhookSecret: '',
    refreshToken: null,
    actingUserId: null,
    offerSalaryField: null,
    ...overrides,
  };
}

export interface CapturedDelivery {
  headers: IncomingMessage['headers'];
  rawBody: Buffer;
}

/** A receiver standing in for our webhook endpoint: records deliveries and answers 200. */
export async function startReceiver(): Promise<{
  url: string;
  deliveries: CapturedDelivery[];
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
}> {
  const deliveries: CapturedDelivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, rawBody: Buffer.concat(chunks) });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/x/tenant`,
    deliveries,
    async waitFor(n: number) {
      for (let i = 0; i < 200 && deliveries.length < n; i++) await new Promise((r) => setTimeout(r, 25));
      if (deliveries.length < n) throw new Error(`expected ${n} deliveries, got ${deliveries.length}`);
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
