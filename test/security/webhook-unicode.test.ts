// Finding #15: a verified webhook whose strings hold NUL or lone surrogates must not crash its request.
import { DataSource } from 'typeorm';
import { http, type Harness, type TestTenant } from '../support/api-harness';
import { applicationDelivery, signGreenhouse, startWithConnection } from './security-kit';

jest.setTimeout(60_000);

describe('verified webhooks with strings PostgreSQL refuses (#15)', () => {
  let api: Harness;
  let tenant: TestTenant;

  beforeAll(async () => {
    ({ api, tenant } = await startWithConnection());
  });
  afterAll(async () => api?.close());

  const cases: [string, string][] = [
    ['NUL in a name', JSON.stringify(applicationDelivery({ firstName: 'Ha\u0000nako' }))],
    ['NUL in the action', JSON.stringify(applicationDelivery({ action: 'some\u0000thing' }))],
    ['a lone high surrogate', JSON.stringify(applicationDelivery({ lastName: 'Yam\ud800ada' }))],
    [
      'a lone low surrogate, escaped by hand',
      JSON.stringify(applicationDelivery()).replace('Yamada', 'Yam\\udc00ada'),
    ],
    ['NUL as a key', '{"action":"x","\\u0000":1}'],
  ];

  it.each(cases)('%s → 2xx/4xx, never 5xx, and what is stored holds no NUL', async (_name, raw) => {
    const res = await http(api.baseUrl, 'POST', `/webhooks/greenhouse/${tenant.id}`, {
      body: raw,
      headers: signGreenhouse(raw),
    });
    expect(res.status).toBeLessThan(500);
    const rows: { raw: string; ev: string }[] = await api.app
      .get(DataSource)
      .query(`SELECT raw_body AS raw, event::text AS ev FROM inbox_events WHERE tenant_id = $1`, [tenant.id]);
    for (const r of rows) expect(`${r.raw}${r.ev}`).not.toContain(String.fromCharCode(0));
  });
});
