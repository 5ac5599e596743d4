import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MarketBenchmark, PayBand } from '@comeback/domain/compensation';
import { DataSource, EntityManager } from 'typeorm';
import type { BandRecord, BenchmarkRecord, IncumbentRecord } from '../imports/compensation-rows';
import { IncumbentSnapshotEntity } from '../entities/incumbent-snapshot.entity';
import { MarketBenchmarkEntity, PayBandEntity } from '../entities/market-data.entity';

export interface Target {
  jobFamily: string;
  jobLevel: string;
  location: string;
}

/** SQL of market benchmarks, pay bands and incumbent snapshots. Writes are set-based, one statement per batch. */
@Injectable()
export class MarketDataRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async upsertBenchmarks(
    m: EntityManager,
    tenantId: string,
    rows: BenchmarkRecord[],
  ): Promise<{ inserted: number; updated: number }> {
    if (rows.length === 0) return { inserted: 0, updated: 0 };
    const written: { inserted: boolean }[] = await m.query(
      `INSERT INTO market_benchmarks (tenant_id, job_family, job_level, location, currency, p10, p25, p50, p75, p90, source, effective_date)
       SELECT $1, r."jobFamily", r."jobLevel", r.location, r.currency, r.p10, r.p25, r.p50, r.p75, r.p90, r.source, r."effectiveDate"
       FROM jsonb_to_recordset($2::jsonb) AS r("jobFamily" text, "jobLevel" text, location text, currency text, p10 bigint,
         p25 bigint, p50 bigint, p75 bigint, p90 bigint, source text, "effectiveDate" date)
       ON CONFLICT ON CONSTRAINT uq_market_benchmarks DO UPDATE SET currency = excluded.currency, p10 = excluded.p10,
         p25 = excluded.p25, p50 = excluded.p50, p75 = excluded.p75, p90 = excluded.p90, source = excluded.source
       RETURNING (xmax = 0) AS inserted`,
      [tenantId, JSON.stringify(rows)],
    );
    const inserted = written.filter((w) => w.inserted).length;
    return { inserted, updated: written.length - inserted };
  }

  async upsertBands(
    m: EntityManager,
    tenantId: string,
    rows: BandRecord[],
  ): Promise<{ inserted: number; updated: number }> {
    if (rows.length === 0) return { inserted: 0, updated: 0 };
    const written: { inserted: boolean }[] = await m.query(
      `INSERT INTO pay_bands (tenant_id, job_family, job_level, location, min, mid, max, effective_date)
       SELECT $1, r."jobFamily", r."jobLevel", r.location, r.min, r.mid, r.max, r."effectiveDate"
       FROM jsonb_to_recordset($2::jsonb) AS r("jobFamily" text, "jobLevel" text, location text, min bigint, mid bigint,
         max bigint, "effectiveDate" date)
       ON CONFLICT ON CONSTRAINT uq_pay_bands DO UPDATE SET min = excluded.min, mid = excluded.mid, max = excluded.max
       RETURNING (xmax = 0) AS inserted`,
      [tenantId, JSON.stringify(rows)],
    );
    const inserted = written.filter((w) => w.inserted).length;
    return { inserted, updated: written.length - inserted };
  }

  async createSnapshot(
    m: EntityManager,
    tenantId: string,
    effectiveDate: string,
    fileName: string | null,
    createdBy: string,
  ): Promise<IncumbentSnapshotEntity> {
    const repo = m.getRepository(IncumbentSnapshotEntity);
    return repo.save(repo.create({ tenantId, effectiveDate, fileName, createdBy, rowCount: 0 }));
  }

  async insertIncumbents(
    m: EntityManager,
    tenantId: string,
    snapshotId: string,
    rows: IncumbentRecord[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    await m.query(
      `INSERT INTO incumbents (tenant_id, snapshot_id, employee_key, job_family, job_level, location, base_salary, hire_date,
         experience_years, performance_rating, gender)
       SELECT $1, $2, r."employeeKey", r."jobFamily", r."jobLevel", r.location, r."baseSalary", r."hireDate", r."experienceYears",
         r."performanceRating", r.gender
       FROM jsonb_to_recordset($3::jsonb) AS r("employeeKey" text, "jobFamily" text, "jobLevel" text, location text,
         "baseSalary" bigint, "hireDate" date, "experienceYears" float8, "performanceRating" text, gender text)`,
      [tenantId, snapshotId, JSON.stringify(rows)],
    );
    return rows.length;
  }

  async finishSnapshot(m: EntityManager, snapshotId: string, rowCount: number): Promise<void> {
    await m.getRepository(IncumbentSnapshotEntity).update({ id: snapshotId }, { rowCount });
    // Fresh statistics for the cohort query's plan right away, not when autovacuum gets to it.
    await m.query('ANALYZE incumbents');
  }

  /** The benchmark in force on `asOf`: the latest effective on or before it. */
  async benchmarkFor(
    tenantId: string,
    t: Target,
    asOf: string,
  ): Promise<(MarketBenchmark & { currency: string }) | null> {
    const row = await this.db
      .getRepository(MarketBenchmarkEntity)
      .createQueryBuilder('b')
      .where(
        'b.tenant_id = :tenantId AND b.job_family = :f AND b.job_level = :l AND b.location = :loc AND b.effective_date <= :asOf',
        {
          tenantId,
          f: t.jobFamily,
          l: t.jobLevel,
          loc: t.location,
          asOf,
        },
      )
      .orderBy('b.effective_date', 'DESC')
      .getOne();
    return row
      ? {
          p10: row.p10,
          p25: row.p25,
          p50: row.p50,
          p75: row.p75,
          p90: row.p90,
          source: row.source,
          effectiveDate: row.effectiveDate,
          currency: row.currency,
        }
      : null;
  }

  async bandFor(tenantId: string, t: Target, asOf: string): Promise<PayBand | null> {
    const row = await this.db
      .getRepository(PayBandEntity)
      .createQueryBuilder('b')
      .where(
        'b.tenant_id = :tenantId AND b.job_family = :f AND b.job_level = :l AND b.location = :loc AND b.effective_date <= :asOf',
        {
          tenantId,
          f: t.jobFamily,
          l: t.jobLevel,
          loc: t.location,
          asOf,
        },
      )
      .orderBy('b.effective_date', 'DESC')
      .getOne();
    return row ? { min: row.min, mid: row.mid, max: row.max } : null;
  }

  /** The snapshot in force on `asOf`: the latest effective on or before it (the newest import wins a tie). */
  async snapshotFor(tenantId: string, asOf: string): Promise<IncumbentSnapshotEntity | null> {
    return this.db
      .getRepository(IncumbentSnapshotEntity)
      .createQueryBuilder('s')
      .where('s.tenant_id = :tenantId AND s.effective_date <= :asOf', { tenantId, asOf })
      .orderBy('s.effective_date', 'DESC')
      .addOrderBy('s.created_at', 'DESC')
      .getOne();
  }

  async getSnapshot(tenantId: string, id: string): Promise<IncumbentSnapshotEntity | null> {
    return this.db.getRepository(IncumbentSnapshotEntity).findOneBy({ tenantId, id });
  }

  async counts(tenantId: string): Promise<{ benchmarks: number; bands: number }> {
    const [benchmarks, bands] = await Promise.all([
      this.db.getRepository(MarketBenchmarkEntity).countBy({ tenantId }),
      this.db.getRepository(PayBandEntity).countBy({ tenantId }),
    ]);
    return { benchmarks, bands };
  }

  listBenchmarks(tenantId: string, limit: number): Promise<MarketBenchmarkEntity[]> {
    return this.db.getRepository(MarketBenchmarkEntity).find({
      where: { tenantId },
      order: { jobFamily: 'ASC', jobLevel: 'ASC', location: 'ASC', effectiveDate: 'DESC' },
      take: limit,
    });
  }

  listBands(tenantId: string, limit: number): Promise<PayBandEntity[]> {
    return this.db.getRepository(PayBandEntity).find({
      where: { tenantId },
      order: { jobFamily: 'ASC', jobLevel: 'ASC', location: 'ASC', effectiveDate: 'DESC' },
      take: limit,
    });
  }

  listSnapshots(tenantId: string): Promise<IncumbentSnapshotEntity[]> {
    return this.db
      .getRepository(IncumbentSnapshotEntity)
      .find({ where: { tenantId }, order: { effectiveDate: 'DESC', createdAt: 'DESC' } });
  }

  /** Keyset page of one snapshot's incumbents (HR only; the caller audits the read). */
  async listIncumbents(
    tenantId: string,
    snapshotId: string,
    opts: { limit: number; after?: string },
  ): Promise<IncumbentRecord[]> {
    return this.db.query(
      `SELECT employee_key AS "employeeKey", job_family AS "jobFamily", job_level AS "jobLevel", location,
         base_salary::float8 AS "baseSalary", to_char(hire_date, 'YYYY-MM-DD') AS "hireDate", experience_years AS "experienceYears",
         performance_rating AS "performanceRating", gender
       FROM incumbents WHERE tenant_id = $1 AND snapshot_id = $2 AND ($3::text IS NULL OR employee_key > $3)
       ORDER BY employee_key LIMIT $4`,
      [tenantId, snapshotId, opts.after ?? null, opts.limit],
    );
  }
}
