// Fuzzing the webhook entry (10,000+ generated deliveries): signed with the connection's secret and unsigned,
// bodies mutated from a documented-shape seed. Never a 5xx, and nothing stored from an unverified delivery.
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { Agent, request } from 'undici';
import { DataSource } from 'typeorm';
import type { Harness, TestTenant } from '../support/api-harness';
import { mutatedBody, pool } from './fuzz-kit';
import { applicationDelivery, startWithConnection, WEBHOOK_SECRET } from './security-kit';

jest.setTimeout(180_000);

// At least 10,000 per surface (shared/spec/security.md); FUZZ_RUNS may raise it, never below for CI.
const RUNS = Math.max(10_000, Number(process.env.FUZZ_RUNS ?? 0));

describe('fuzz: webhook deliveries', () => {
  let api: Harness;
  let tenant: TestTenant;
  const agent = new Agent({ connections: 16, pipelining: 1 });

  beforeAll(async () => {
    ({ api, tenant } = await startWithConnection({ WEBHOOK_RATE_LIMIT_PER_MINUTE: '1000000' }));
  });
  afterAll(async () => {
    await agent.close();
    await api?.close();
  });

  it(`answers ${RUNS} mutated deliveries without a 5xx and stores none that was not verified`, async () => {
    const seeds = [
      applicationDelivery(),
      { action: 'offer_created', payload: { id: 1, application_id: 2, version: 1 } },
      { action: 'ping' },
    ];
    const arb = fc.record({
      body: fc.oneof(...seeds.map((s) => mutatedBody(s))),
      signed: fc.boolean(),
      eventId: fc.uuid(),
      forged: fc.constantFrom('', 'sha256 ', 'sha256 00', `sha256 ${'0'.repeat(64)}`, 'sha1 abc', 'garbage'),
    });
    const samples = fc.sample(arb, { numRuns: RUNS, seed: 42 });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    await pool(samples, 16, async (s) => {
      const signature = s.signed
        ? `sha256 ${createHmac('sha256', WEBHOOK_SECRET).update(s.body).digest('hex')}`
        : s.forged;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'greenhouse-event-id': `${s.signed ? 'signed' : 'unsigned'}-${s.eventId}`,
      };
      if (signature) headers.signature = signature;
      const res = await request(`${api.baseUrl}/webhooks/greenhouse/${tenant.id}`, {
        method: 'POST',
        body: s.body,
        headers,
        dispatcher: agent,
      });
      await res.body.text();
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500 || (!s.signed && res.statusCode < 400))
        failures.push(`${res.statusCode} signed=${s.signed} ${s.body.toString('utf8').slice(0, 200)}`);
    });
    expect(failures.slice(0, 5)).toEqual([]);
    const [{ n }] = await api.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM inbox_events WHERE event_id LIKE 'unsigned-%'`);
    expect(n).toBe(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0); // some signed deliveries were accepted: the fuzzer got past the signature
  });
});
