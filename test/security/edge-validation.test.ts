// Finding #16: stage-mapping tiers validated deeply at the edge; the public health check tells only up or down.
import { http, startApi, type Harness } from '../support/api-harness';

jest.setTimeout(60_000);

describe('edge validation and health (#16)', () => {
  let api: Harness;
  let hr: string;
  let recruiter: string;
  let integration: string;

  beforeAll(async () => {
    api = await startApi();
    const t = await api.tenant('edge');
    hr = t.token('hr_admin');
    recruiter = t.token('recruiter');
    integration = t.token('integration');
  });
  afterAll(async () => api?.close());

  it.each([
    ['a tier that is not a list', { full: '書類選考' }],
    ['a stage that is not text', { full: [1, 2] }],
    ['a stage that is an object', { full: [{ id: 1 }] }],
    ['an empty stage name', { full: [''] }],
    ['an overlong stage name', { full: ['x'.repeat(201)] }],
    ['too many stages', { full: Array.from({ length: 51 }, (_, i) => `s${i}`) }],
    ['too many tiers', Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`t${i}`, ['a']]))],
    ['an odd tier name', { 'full tier; drop': ['a'] }],
    ['null tiers', null],
    ['a list as tiers', [['a']]],
  ])('refuses %s with 400 validation_failed', async (_what, tiers) => {
    const res = await http(api.baseUrl, 'PUT', '/api/v1/stage-mappings/greenhouse/job-1', {
      token: hr,
      json: { tiers, protected: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('accepts a well-formed mapping', async () => {
    const res = await http(api.baseUrl, 'PUT', '/api/v1/stage-mappings/greenhouse/job-1', {
      token: hr,
      json: { tiers: { full: ['書類選考', '一次面接'], light: ['書類選考'] }, protected: ['最終面接'] },
    });
    expect(res.status).toBe(200);
  });

  it('GET /health answers anonymously with up or down only', async () => {
    const res = await http(api.baseUrl, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'up' });
  });

  it('health details need an operator token', async () => {
    expect((await http(api.baseUrl, 'GET', '/health/details')).status).toBe(401);
    expect((await http(api.baseUrl, 'GET', '/health/details', { token: recruiter })).status).toBe(403);
    for (const token of [hr, integration]) {
      const res = await http(api.baseUrl, 'GET', '/health/details', { token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'up', database: 'up' });
      expect(res.body.queue).toBeDefined();
    }
  });
});
