// Factories for the compensation tests: incumbents, benchmarks, bands and tracked applications with overridable defaults.
import type { DataSource } from 'typeorm';

export interface IncumbentRow {
  employee_key: string;
  job_family: string;
  job_level: string;
  location: string;
  base_salary: number;
  hire_date: string;
  performance_rating: string | null;
  gender: string | null;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function incumbents(
  n: number,
  over: Partial<IncumbentRow> & { keyPrefix?: string; seed?: number; salaryBase?: number } = {},
): IncumbentRow[] {
  const rnd = seeded(over.seed ?? n);
  const ratings = ['S', 'A', 'B', 'B', 'C', 'D'];
  return Array.from({ length: n }, (_, i) => {
    const year = 2005 + Math.floor(rnd() * 18);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    return {
      employee_key: `${over.keyPrefix ?? 'K'}${i}`,
      job_family: over.job_family ?? 'engineering',
      job_level: over.job_level ?? 'G3',
      location: over.location ?? 'Tokyo',
      base_salary:
        Math.round(
          ((over.salaryBase ?? 6_000_000) + (rnd() - 0.5) * 2_000_000 + (2023 - year) * 40_000) / 1000,
        ) * 1000,
      hire_date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      performance_rating:
        over.performance_rating !== undefined
          ? over.performance_rating
          : ratings[Math.floor(rnd() * ratings.length)],
      gender: over.gender !== undefined ? over.gender : i % 2 === 0 ? 'female' : 'male',
    };
  });
}

export function toCsv(rows: Record<string, unknown>[], header?: string[]): string {
  const cols = header ?? Object.keys(rows[0]);
  return (
    [
      cols.join(','),
      ...rows.map((r) =>
        cols
          .map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c] as string | number)))
          .join(','),
      ),
    ].join('\n') + '\n'
  );
}

export async function trackApplication(
  db: DataSource,
  tenantId: string,
  over: {
    ats?: string;
    applicationId: string;
    jobId: string;
    employeeNumber: string | null;
    candidateId?: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO tracked_applications (tenant_id, ats, application_id, candidate_id, job_id, outcome, employee_number)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      tenantId,
      over.ats ?? 'greenhouse',
      over.applicationId,
      over.candidateId ?? `c-${over.applicationId}`,
      over.jobId,
      over.employeeNumber ? 'fast_tracked' : 'not_alumni',
      over.employeeNumber,
    ],
  );
}
