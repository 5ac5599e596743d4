// Finding #8: a tenant admin could point the ATS base URL at internal addresses and read part of the answer back.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http, startApi, type Harness } from '../support/api-harness';

jest.setTimeout(60_000);

const SECRET_PAGE = 'INTERNAL-METADATA-7f3a';

function connection(apiBaseUrl: string, authUrl?: string) {
  return {
    apiBaseUrl,
    authUrl,
    clientId: 'c',
    secret: 'token',
    webhookSecret: 'security-webhook-secret',
    actingUserId: '1',
  };
}

describe('outbound ATS calls (#8 SSRF)', () => {
  let api: Harness;
  let hr: string;
  let internal: Server;
  let internalPort: number;
  let mode: 'echo' | 'huge' = 'echo';

  beforeAll(async () => {
    // Stands for an internal service on an allowed simulator host: it answers with data we must never relay.
    internal = createServer((req, res) => {
      if (mode === 'huge') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 64 && res.write(chunk)) sent++;
          if (sent >= 64) res.end();
          else res.once('drain', pump);
        };
        pump();
        res.on('error', () => undefined);
        return;
      }
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: `${SECRET_PAGE} root:x:0:0`, message: `${SECRET_PAGE} ami-id i-0abc` }),
      );
    });
    await new Promise<void>((r) => internal.listen(0, '127.0.0.1', r));
    internalPort = (internal.address() as AddressInfo).port;
    // Only 127.0.0.1 is named (the simulator's host in tests); nothing else internal is.
    api = await startApi({ ATS_ALLOWED_HOSTS: '127.0.0.1' });
    hr = (await api.tenant('ssrf')).token('hr_admin');
  });
  afterAll(async () => {
    await api?.close();
    await new Promise((r) => internal?.close(r));
  });

  it.each([
    ['cloud metadata (link-local)', 'http://169.254.169.254/latest/meta-data'],
    ['a private IPv4 address', 'http://10.0.0.5/v3'],
    ['a private IPv4 address in decimal form', 'http://167772165/v3'],
    ['IPv6 loopback', 'http://[::1]:8080/v3'],
    ['an IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:8080/v3'],
    ['an IPv6 unique-local address', 'http://[fd00::1]/v3'],
    ['a name that resolves to loopback', 'http://localhost:6379/v3'],
    ['a host that is neither a vendor host nor configured', 'https://attacker.example/v3'],
    ['a non-HTTP scheme', 'file:///etc/passwd'],
  ])('refuses %s as the API base URL', async (_what, url) => {
    const res = await http(api.baseUrl, 'PUT', '/api/v1/ats-connections/greenhouse', {
      token: hr,
      json: connection(url),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(['validation_failed', 'ats_host_not_allowed']).toContain(res.body.code);
  });

  it('refuses an internal token URL too', async () => {
    const res = await http(api.baseUrl, 'PUT', '/api/v1/ats-connections/greenhouse', {
      token: hr,
      json: connection(`http://127.0.0.1:${internalPort}/v3`, 'http://169.254.169.254/token'),
    });
    expect(res.status).toBe(400);
  });

  it('never echoes what the upstream answered in our error', async () => {
    mode = 'echo';
    const res = await http(api.baseUrl, 'PUT', '/api/v1/ats-connections/workable', {
      token: hr,
      json: connection(`http://127.0.0.1:${internalPort}/spi/v3`),
    });
    expect(res.status).toBe(502);
    expect(res.text).not.toContain(SECRET_PAGE);
  });

  it('stops reading an answer larger than the cap', async () => {
    mode = 'huge';
    const res = await http(api.baseUrl, 'PUT', '/api/v1/ats-connections/workable', {
      token: hr,
      json: connection(`http://127.0.0.1:${internalPort}/spi/v3`),
    });
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('ats_unavailable');
    expect(res.text).toMatch(/too large|larger/i);
  });
});
