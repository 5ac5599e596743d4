import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CohortAggregate, CohortTarget, FairnessPolicy } from '@comeback/domain/compensation';
import { DataSource } from 'typeorm';

export interface CohortQuery {
  tenantId: string;
  snapshot: { id: string; effectiveDate: string };
  target: CohortTarget;
  offerAmount: number;
  /** The returnee's relevant experience in years (same measure as an incumbent's `experience_years`). */
  returneeYears: number | null;
  scales: Pick<FairnessPolicy, 'ratingScores' | 'levelRanks'>;
  /** Below this many incumbents in the location, the cohort widens to family + level (domain `selectCohort`). */
  minCohort: number;
}

// X = [1, level_rank, experience_years, rating_score]: the upper triangle of X'X, X'y and y'y as FILTERed sums.
const X = ['1', 'lr', 'e', 'rs'] as const;
const REG = 'lr IS NOT NULL AND rs IS NOT NULL';
const XTX_SUMS = X.flatMap((a, i) =>
  X.slice(i).map((b, j) => `sum(${a} * ${b}) FILTER (WHERE ${REG}) AS xtx_${i}_${i + j}`),
);
const XTY_SUMS = X.map((a, i) => `sum(${a} * y) FILTER (WHERE ${REG}) AS xty_${i}`);

/**
 * The cohort statistics of one offer in one query: cohort selection with the location fall-back, percentiles
 * (percentile_cont), FILTERed counts and the regression's sufficient statistics. Incumbent rows never leave
 * PostgreSQL. Must agree with the domain's `selectCohort` + `aggregateCohort` (a test cross-checks them).
 */
const COHORT_SQL = `
WITH fl AS (
  SELECT location, base_salary::float8 AS y, experience_years AS e, gender,
    ($6::jsonb ->> job_level)::float8 AS lr, ($7::jsonb ->> performance_rating)::float8 AS rs
  FROM incumbents
  WHERE tenant_id = $1 AND snapshot_id = $2 AND job_family = $3 AND job_level = $4
), scope AS (
  SELECT count(*) FILTER (WHERE location = $5) >= $8 OR count(*) FILTER (WHERE location = $5) = count(*) AS exact FROM fl
), c AS (
  SELECT fl.* FROM fl, scope WHERE NOT scope.exact OR fl.location = $5
)
SELECT (SELECT exact FROM scope) AS exact,
  count(*)::int AS n, min(y) AS min, max(y) AS max, avg(y) AS mean,
  percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY y) AS ps,
  count(*) FILTER (WHERE y < $9::float8)::int AS below,
  count(*) FILTER (WHERE y = $9::float8)::int AS equal,
  max(y) FILTER (WHERE e >= $10::float8) AS max_exp,
  count(*) FILTER (WHERE e >= $10::float8)::int AS max_exp_n,
  count(*) FILTER (WHERE e <= $10::float8)::int AS low_n,
  percentile_cont(0.25) WITHIN GROUP (ORDER BY y) FILTER (WHERE e <= $10::float8) AS low_p25,
  count(*) FILTER (WHERE gender = 'female')::int AS f_n, sum(y) FILTER (WHERE gender = 'female') AS f_sum,
  count(*) FILTER (WHERE gender = 'male')::int AS m_n, sum(y) FILTER (WHERE gender = 'male') AS m_sum,
  count(*) FILTER (WHERE ${REG})::int AS r_n,
  ${XTX_SUMS.join(',\n  ')},
  ${XTY_SUMS.join(',\n  ')},
  sum(y * y) FILTER (WHERE ${REG}) AS yty
FROM c`;

type Row = Record<string, number | boolean | number[] | null>;

@Injectable()
export class CohortRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Null when the cohort is empty (no incumbent of the family and level in the snapshot). */
  async aggregate(q: CohortQuery): Promise<CohortAggregate | null> {
    const [row]: Row[] = await this.db.query(COHORT_SQL, [
      q.tenantId,
      q.snapshot.id,
      q.target.jobFamily,
      q.target.jobLevel,
      q.target.location,
      JSON.stringify(q.scales.levelRanks),
      JSON.stringify(q.scales.ratingScores),
      q.minCohort,
      q.offerAmount,
      q.returneeYears,
    ]);
    return toAggregate(row, q);
  }
}

function num(v: unknown): number {
  return Number(v);
}

function toAggregate(row: Row, q: CohortQuery): CohortAggregate | null {
  const n = num(row.n);
  if (n === 0) return null;
  const ps = row.ps as number[];
  const genders: NonNullable<CohortAggregate['genders']> = {};
  if (num(row.f_n) > 0) genders.female = { n: num(row.f_n), sum: num(row.f_sum) };
  if (num(row.m_n) > 0) genders.male = { n: num(row.m_n), sum: num(row.m_sum) };
  const rn = num(row.r_n);
  let regression: CohortAggregate['regression'];
  if (rn > 0) {
    const xtx = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    for (let i = 0; i < 4; i++) {
      for (let j = i; j < 4; j++) xtx[i][j] = xtx[j][i] = num(row[`xtx_${i}_${j}`]);
    }
    regression = { n: rn, xtx, xty: [0, 1, 2, 3].map((i) => num(row[`xty_${i}`])), yty: num(row.yty) };
  }
  const lowN = num(row.low_n);
  return {
    scope: row.exact ? 'family_level_location' : 'family_level',
    snapshotId: q.snapshot.id,
    snapshotEffectiveDate: q.snapshot.effectiveDate,
    n,
    min: num(row.min),
    max: num(row.max),
    mean: num(row.mean),
    p10: num(ps[0]),
    p25: num(ps[1]),
    p50: num(ps[2]),
    p75: num(ps[3]),
    p90: num(ps[4]),
    countBelowOffer: num(row.below),
    countEqualOffer: num(row.equal),
    maxPayWithExperienceAtLeast: row.max_exp === null ? null : num(row.max_exp),
    nWithExperienceAtLeast: row.max_exp === null ? 0 : num(row.max_exp_n),
    p25WithExperienceAtMost:
      q.returneeYears === null || lowN === 0 ? null : { n: lowN, p25: num(row.low_p25) },
    genders,
    ...(regression ? { regression } : {}),
  };
}
