import {
  aggregateCohort,
  DEFAULT_FAIRNESS_POLICY,
  selectCohort,
  type CohortAggregate,
  type IncumbentPay,
} from '@comeback/domain/compensation';
import { CohortRepository, CompensationImportService } from '@comeback/compensation';
import { Harness, startApi, TestTenant } from '../support/api-harness';
import { incumbents, seeded } from './compensation-fixtures';

const SNAPSHOT_DATE = '2026-04-01';
const scales = {
  ...DEFAULT_FAIRNESS_POLICY,
  // 'X9' has no rank and 'Z' no score: those rows stay out of the regression on both sides.
  levelRanks: { ...DEFAULT_FAIRNESS_POLICY.levelRanks },
};

/** Cohort sizes chosen to hit the edges: empty, 1, 2, below and above the privacy minimum, the fall-back. */
const GROUPS = [
  { job_family: 'eng', job_level: 'G3', location: 'Tokyo', n: 41 },
  { job_family: 'eng', job_level: 'G3', location: 'Osaka', n: 2 },
  { job_family: 'eng', job_level: 'G3', location: 'Fukuoka', n: 4 },
  { job_family: 'eng', job_level: 'G4', location: 'Tokyo', n: 1 },
  { job_family: 'eng', job_level: 'X9', location: 'Tokyo', n: 12 },
  { job_family: 'sales', job_level: 'G2', location: 'Nagoya', n: 7 },
  { job_family: 'sales', job_level: 'G2', location: 'Tokyo', n: 3 },
];

function closeTo(actual: number, expected: number): void {
  const tol = Math.max(1e-6, Math.abs(expected) * 1e-9);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);
}

function expectSameAggregate(sql: CohortAggregate | null, ref: CohortAggregate | null): void {
  if (ref === null) {
    expect(sql).toBeNull();
    return;
  }
  expect(sql).not.toBeNull();
  const s = sql!;
  const { regression: rr, genders: rg, p25WithExperienceAtMost: rl, mean: rm, ...rest } = ref;
  expect({
    ...s,
    regression: undefined,
    genders: undefined,
    p25WithExperienceAtMost: undefined,
    mean: undefined,
  }).toEqual({
    ...rest,
    regression: undefined,
    genders: undefined,
    p25WithExperienceAtMost: undefined,
    mean: undefined,
  });
  closeTo(s.mean, rm);
  expect(s.p25WithExperienceAtMost ?? null).toEqual(rl ?? null);
  expect(Object.keys(s.genders ?? {}).sort()).toEqual(Object.keys(rg ?? {}).sort());
  for (const g of ['female', 'male'] as const) {
    if (!rg?.[g]) continue;
    expect(s.genders![g]!.n).toBe(rg[g].n);
    closeTo(s.genders![g]!.sum, rg[g].sum);
  }
  if (!rr) {
    expect(s.regression).toBeUndefined();
    return;
  }
  expect(s.regression!.n).toBe(rr.n);
  rr.xtx.forEach((row, i) => row.forEach((v, j) => closeTo(s.regression!.xtx[i][j], v)));
  rr.xty.forEach((v, i) => closeTo(s.regression!.xty[i], v));
  closeTo(s.regression!.yty, rr.yty);
}

describe('cohort aggregate: SQL equals the domain reference (real PostgreSQL)', () => {
  let h: Harness;
  let t: TestTenant;
  let snapshotId: string;
  const people: IncumbentPay[] = [];

  beforeAll(async () => {
    h = await startApi({ REDIS_URL: undefined });
    t = await h.tenant('cohort-x');
    const rnd = seeded(42);
    const rows = GROUPS.flatMap((g, gi) =>
      incumbents(g.n, { ...g, keyPrefix: `G${gi}-`, seed: 100 + gi }).map((r, i) => ({
        ...r,
        // Ties on pay, unknown ratings, missing ratings, other/missing genders.
        base_salary: i % 5 === 0 ? 6_000_000 : r.base_salary,
        performance_rating: i % 7 === 3 ? 'Z' : i % 7 === 4 ? null : r.performance_rating,
        gender: rnd() < 0.1 ? null : rnd() < 0.05 ? 'other' : r.gender,
      })),
    );
    const report = await h.app
      .get(CompensationImportService)
      .importIncumbents(
        { tenantId: t.id, role: 'hr_admin', name: 'test' },
        { kind: 'json', items: rows },
        { effectiveDate: SNAPSHOT_DATE },
      );
    snapshotId = report.snapshot!.id;
    for (const r of rows) {
      people.push({
        jobFamily: r.job_family,
        jobLevel: r.job_level,
        location: r.location,
        baseSalary: r.base_salary,
        hireDate: r.hire_date,
        performanceRating: r.performance_rating,
        gender: r.gender,
      });
    }
  });
  afterAll(async () => h.close());

  const targets = [
    { jobFamily: 'eng', jobLevel: 'G3', location: 'Tokyo' },
    { jobFamily: 'eng', jobLevel: 'G3', location: 'Osaka' }, // falls back to family + level
    { jobFamily: 'eng', jobLevel: 'G3', location: 'Sapporo' }, // no one there: falls back
    { jobFamily: 'eng', jobLevel: 'G4', location: 'Tokyo' }, // n = 1, nothing wider
    { jobFamily: 'eng', jobLevel: 'X9', location: 'Tokyo' }, // unranked level: no regression rows
    { jobFamily: 'sales', jobLevel: 'G2', location: 'Tokyo' },
    { jobFamily: 'sales', jobLevel: 'G2', location: 'Nagoya' },
    { jobFamily: 'hr', jobLevel: 'G1', location: 'Tokyo' }, // empty
  ];
  const offers = [6_000_000, 5_432_000, 9_999_000];
  const years = [null, 0, 3.5, 12.25, 40];
  const cases = targets.flatMap((target) =>
    offers.flatMap((offer) => years.map((y) => ({ target, offer, y }))),
  );

  it.each([5, 3])('agrees on every target, offer and experience (privacy minimum %i)', async (minCohort) => {
    const repo = h.app.get(CohortRepository);
    for (const { target, offer, y } of cases) {
      const { scope, members } = selectCohort(people, target, minCohort);
      const ref = aggregateCohort(
        members,
        offer,
        { relevantExperienceYears: y },
        { snapshotId, effectiveDate: SNAPSHOT_DATE, scope },
        scales,
      );
      const sql = await repo.aggregate({
        tenantId: t.id,
        snapshot: { id: snapshotId, effectiveDate: SNAPSHOT_DATE },
        target,
        offerAmount: offer,
        returneeYears: y,
        scales,
        minCohort,
      });
      try {
        expectSameAggregate(sql, ref);
      } catch (err) {
        throw new Error(`${JSON.stringify({ target, offer, y, minCohort })}: ${(err as Error).message}`);
      }
    }
  });

  it('is scoped by tenant and snapshot', async () => {
    const other = await h.tenant('cohort-y');
    const repo = h.app.get(CohortRepository);
    const q = {
      snapshot: { id: snapshotId, effectiveDate: SNAPSHOT_DATE },
      target: targets[0],
      offerAmount: 6_000_000,
      returneeYears: null,
      scales,
      minCohort: 5,
    };
    expect(await repo.aggregate({ ...q, tenantId: other.id })).toBeNull();
    expect(await repo.aggregate({ ...q, tenantId: t.id })).toMatchObject({ n: 41 });
  });
});
