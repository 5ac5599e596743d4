// Workable has no hire or rejection webhook: the simulator's hire and disqualification fire `candidate_moved` with
// `hired_at` / `disqualified` on the candidate, which the adapter reads as hired / rejected (end to end over HTTP).
import { DataSource } from 'typeorm';
import { Stack, startStack } from '../support/pipeline-stack';

jest.setTimeout(120_000);

describe('outcomes on Workable (candidate_moved with hired_at / disqualified)', () => {
  let s: Stack;
  let db: DataSource;

  beforeAll(async () => {
    s = await startStack('workable');
    db = s.api.app.get(DataSource);
  }, 180_000);
  afterAll(async () => s?.close());

  const post = async (path: string): Promise<void> => {
    const r = await fetch(`${s.sim.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBeLessThan(300);
  };

  it('a returnee hired in Workable is recorded; a disqualified stranger is recorded as rejected', async () => {
    const taro = await s.apply({
      firstName: '太郎',
      lastName: '山田',
      email: 'taro.yamada.88@gmail.com',
      phone: '090-1111-2222',
    });
    const stranger = await s.apply({ firstName: 'Alex', lastName: 'Stranger', email: 'alex@example.com' });
    await s.waitIdle();
    await post(`/_sim/workable/candidates/${taro}/hire`);
    await post(`/_sim/workable/candidates/${stranger}/disqualify`);
    await s.waitIdle();

    const [hire] = await db.query(
      `SELECT returnee, employee_number, fast_tracked FROM hire_outcomes WHERE application_id = $1`,
      [taro],
    );
    expect(hire).toEqual({ returnee: true, employee_number: 'E1', fast_tracked: true });
    const tracked = await db.query(
      `SELECT application_id, hired_at IS NOT NULL AS hired, rejected_at IS NOT NULL AS rejected
       FROM tracked_applications WHERE application_id = ANY($1) ORDER BY application_id`,
      [[taro, stranger]],
    );
    expect(Object.fromEntries(tracked.map((t: any) => [t.application_id, [t.hired, t.rejected]]))).toEqual({
      [taro]: [true, false],
      [stranger]: [false, true],
    });
    const tasks = await db.query(
      `SELECT count(*)::int AS n FROM reonboarding_tasks WHERE application_id = $1`,
      [taro],
    );
    expect(tasks[0].n).toBe(6);
  });
});
