import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { UnscoredDecisions1796340000000 } from '../../migrations/1796340000000-UnscoredDecisions';
import { createTestDatabase } from '../support/test-database';

/**
 * Decisions stored before a decision without a candidate stored no score: their 0 read as even odds of a
 * returnee in the accuracy report. The migration clears exactly those zeros and touches nothing else.
 */
describe('migration UnscoredDecisions (stored zeros of decisions without a candidate)', () => {
  let drop: () => Promise<void>;
  let db: Client;

  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    db = new Client({ connectionString: created.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await drop?.();
  });

  it('clears the zero of every not_alumni decision and keeps every other score', async () => {
    const tenant = randomUUID();
    await db.query(`INSERT INTO tenants (id, slug, name) VALUES ($1, 'unscored', 'Unscored')`, [tenant]);
    const rows: [string, string, number | null][] = [
      ['a1', 'not_alumni', 0],
      ['a2', 'not_alumni', -3.5],
      ['a3', 'not_alumni', null],
      ['a4', 'in_review', 0],
      ['a5', 'fast_tracked', 14.25],
      ['a6', 'not_alumni', 0],
    ];
    for (const [id, outcome, score] of rows) {
      await db.query(
        `INSERT INTO tracked_applications (tenant_id, ats, application_id, candidate_id, job_id, outcome, match_score)
         VALUES ($1, 'greenhouse', $2, $2, 'j1', $3, $4)`,
        [tenant, id, outcome, score],
      );
    }
    const runner = { query: (sql: string) => db.query(sql) };
    await new UnscoredDecisions1796340000000().up(runner as never);
    const after = await db.query<{ application_id: string; outcome: string; match_score: number | null }>(
      `SELECT application_id, outcome, match_score FROM tracked_applications WHERE tenant_id = $1 ORDER BY application_id`,
      [tenant],
    );
    expect(after.rows.map((r) => [r.application_id, r.outcome, r.match_score])).toEqual([
      ['a1', 'not_alumni', null],
      ['a2', 'not_alumni', -3.5],
      ['a3', 'not_alumni', null],
      ['a4', 'in_review', 0],
      ['a5', 'fast_tracked', 14.25],
      ['a6', 'not_alumni', null],
    ]);
  });
});
