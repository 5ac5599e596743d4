// The simulator's Harvest v3 answers against Greenhouse's documented examples (field names and JSON types).
// The examples live in test/fixtures/greenhouse/harvest-v3/<resource>.json as {_source, _note?, example},
// copied verbatim with their source beside them (see that folder's README). A missing fixture is listed as
// a todo, never replaced by an example we wrote ourselves: the simulator is modelled on Greenhouse's
// documentation and recorded traffic, not on our adapter.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimulatorHandle } from '@comeback/ats-simulator';
import { compareShape, describeDifferences } from '../support/shape';
import { ghToken, json, startSeeded } from './sim-test-kit';

const FIXTURES = join(__dirname, '../fixtures/greenhouse/harvest-v3');

interface DocumentedExample {
  _source: string;
  _note?: string;
  example: unknown;
}

interface Seeded {
  applicationId: number;
  candidateId: number;
  jobId: number;
  userId: number;
}

/** Each list endpoint, and the query that makes the seeded application's rows come back. */
const ENDPOINTS: { resource: string; query(s: Seeded): string }[] = [
  { resource: 'applications', query: (s) => `ids=${s.applicationId}` },
  { resource: 'application_stages', query: (s) => `application_ids=${s.applicationId}` },
  { resource: 'candidates', query: (s) => `ids=${s.candidateId}` },
  { resource: 'job_interview_stages', query: (s) => `job_ids=${s.jobId}` },
  { resource: 'candidate_tags', query: () => '' },
  { resource: 'users', query: (s) => `ids=${s.userId}` },
  { resource: 'offers', query: (s) => `application_ids=${s.applicationId}` },
];

function documented(resource: string): DocumentedExample | null {
  const file = join(FIXTURES, `${resource}.json`);
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as DocumentedExample;
  if (typeof parsed._source !== 'string' || !/^https:\/\//.test(parsed._source)) {
    throw new Error(`${file}: every documented example needs its _source URL`);
  }
  return parsed;
}

describe('ats-simulator: Harvest v3 answers have the documented shape', () => {
  let sim: SimulatorHandle;
  let seeded: Seeded;
  let token: string;

  beforeAll(async () => {
    let seed: any;
    ({ sim, seed } = await startSeeded());
    token = await ghToken(sim);
    const candidate = seed.greenhouse.candidates[0];
    const application = candidate.applications[0];
    seeded = {
      applicationId: application.id,
      candidateId: candidate.id,
      jobId: seed.greenhouse.jobs[0].id,
      userId: seed.greenhouse.users[0].id,
    };
    // An offer, so /v3/offers has a row to compare (no webhook: nothing listens here).
    const offer = await json(sim, 'POST', `/_sim/greenhouse/applications/${application.id}/offers`, {
      status: 'unresolved',
      notify: false,
    });
    expect(offer.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await sim?.close();
  });

  for (const { resource, query } of ENDPOINTS) {
    const doc = documented(resource);
    if (!doc) {
      it.todo(`GET /v3/${resource}: no documented example sourced yet (test/fixtures/greenhouse/README.md)`);
      continue;
    }
    it(`GET /v3/${resource} has every field of ${doc._source} with its type`, async () => {
      const q = query(seeded);
      const res = await json(sim, 'GET', `/greenhouse/v3/${resource}${q ? `?${q}` : ''}`, undefined, {
        authorization: `Bearer ${token}`,
      });
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body)).toBe(true);
      expect(res.body.length).toBeGreaterThan(0);
      // A list endpoint's example may be the whole array or one element of it: compare element to element.
      const example = Array.isArray(doc.example) ? doc.example[0] : doc.example;
      expect(describeDifferences(compareShape(example, res.body[0], `${resource}[0]`))).toEqual([]);
    });
  }
});

// The helper itself, on made-up values (these are not vendor examples and prove nothing about Greenhouse).
describe('compareShape', () => {
  it('accepts extra fields and reports missing fields and wrong types with their path', () => {
    const doc = { id: 1, name: 'x', stage: { id: 2 }, tags: [{ id: 3 }] };
    expect(compareShape(doc, { id: 9, name: 'y', stage: { id: 5, extra: true }, tags: [], more: 1 })).toEqual(
      [],
    );
    expect(
      describeDifferences(compareShape(doc, { id: '9', stage: { id: null }, tags: [{ id: 'a' }] })),
    ).toEqual([
      '$.id: string where the documented example has number',
      '$.name: missing (documented as string)',
      '$.stage.id: null where the documented example has number',
      '$.tags[0].id: string where the documented example has number',
    ]);
  });

  it('treats a documented null as "any type" and compares arrays by their first element', () => {
    expect(compareShape({ rejected_at: null }, { rejected_at: '2024-01-01T00:00:00Z' })).toEqual([]);
    expect(compareShape([{ a: 1 }, { b: 2 }], [{ a: 2 }])).toEqual([]);
    expect(compareShape([{ a: 1 }], { a: 1 })).toEqual([
      { path: '$', problem: 'type', expected: 'array', actual: 'object' },
    ]);
  });
});
