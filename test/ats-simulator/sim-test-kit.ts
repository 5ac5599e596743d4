// Helpers for the simulator's own tests: a seeded scenario, a token, and a webhook receiver that keeps
// the raw bytes (signatures are checked over them, never over re-serialised JSON).
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator, SimulatorHandle, SimulatorOptions } from '@comeback/ats-simulator';

export const GH_CLIENT = { id: 'acme-client', secret: 'acme-secret' };
export const WK_TOKEN = 'wk-acme-token';

export async function startSeeded(opts: SimulatorOptions = {}): Promise<{ sim: SimulatorHandle; seed: any }> {
  const sim = await startSimulator({ port: 0, logger: false, ...opts });
  const seed = await json(sim, 'POST', '/_sim/seed', scenario());
  return { sim, seed: seed.body };
}

export function scenario(): Record<string, unknown> {
  return {
    company: 'acme',
    greenhouse: {
      clientId: GH_CLIENT.id,
      clientSecret: GH_CLIENT.secret,
      users: [
        {
          firstName: '花子',
          lastName: '佐藤',
          email: 'hanako@acme.example',
          employeeId: 'E100',
          siteAdmin: true,
        },
        { firstName: 'Rita', lastName: 'Recruiter', email: 'rita@acme.example' },
      ],
      jobs: [
        {
          name: 'Backend Engineer',
          stages: ['書類選考', '一次面接', '二次面接', '最終面接', 'Offer'],
          hiringManagers: ['hanako@acme.example'],
        },
        {
          name: 'Designer',
          stages: ['Application Review', 'Preliminary Phone Screen', 'Final Interview', 'Offer'],
        },
      ],
      candidates: [
        {
          firstName: '太郎',
          lastName: '山田',
          emails: ['Taro.Yamada@Example.jp'],
          phones: ['+81 90 1234 5678'],
          tags: ['Referral'],
          applications: [{ job: 'Backend Engineer', source: 'LinkedIn' }],
        },
        {
          firstName: 'Ann',
          lastName: 'Lee',
          emails: ['ann@example.com'],
          applications: [{ job: 'Designer', stage: 'Preliminary Phone Screen' }],
        },
      ],
    },
    workable: {
      subdomain: 'acme',
      token: WK_TOKEN,
      members: [{ name: 'Rita Recruiter', email: 'rita@acme.example' }],
      jobs: [
        {
          title: 'Backend Engineer',
          shortcode: 'BE01',
          stages: ['Sourced', 'Applied', 'Phone Screen', 'Interview', 'Offer', 'Hired'],
        },
      ],
      candidates: [
        {
          firstName: 'Jiro',
          lastName: 'Suzuki',
          email: 'jiro@example.jp',
          job: 'BE01',
          stage: 'Applied',
          experience: [
            { company: 'Acme KK', title: 'Engineer', start_date: '2018-04-01', end_date: '2022-03-31' },
          ],
        },
      ],
    },
  };
}

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export async function json(
  sim: SimulatorHandle,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const res = await fetch(sim.url + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

export async function ghToken(sim: SimulatorHandle, client = GH_CLIENT): Promise<string> {
  const res = await fetch(`${sim.url}/greenhouse/auth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (res.status !== 200) throw new Error(`token: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface Received {
  at: number;
  headers: IncomingMessage['headers'];
  raw: Buffer;
}

/** Answers with the next status of `statuses` (the last one repeats) and records every request. */
export async function startReceiver(
  statuses: number[] = [200],
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ at: Date.now(), headers: req.headers, raw: Buffer.concat(chunks) });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)];
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
