import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EstimatedParameters, TenantWeights } from '@comeback/domain';
import { DataSource } from 'typeorm';

export interface StoredMatchParameters {
  source: 'estimated' | 'defaults';
  estimate: EstimatedParameters;
  weights: TenantWeights | null;
  pairs: number;
  labelled: number;
  estimatedAt: Date;
}

/** A decided review pair as the review queue stored it (its candidates' evidence, best first). */
export interface DecidedReviewRow {
  status: 'confirmed' | 'rejected';
  decidedEmployeeNumber: string | null;
  candidates: { employeeNumber: string; evidence: { field: string; outcome: string }[] }[];
}

/** SQL of the per-tenant matcher parameters (comparison-vector counts and the latest estimate). */
@Injectable()
export class MatchParametersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds counts of comparison vectors (one statement for a whole buffer). */
  async addPatterns(tenantId: string, counts: Map<string, number>): Promise<void> {
    if (counts.size === 0) return;
    await this.dataSource.query(
      `INSERT INTO match_comparison_patterns (tenant_id, pattern, count)
       SELECT $1, p, c FROM unnest($2::text[], $3::bigint[]) AS t(p, c)
       ON CONFLICT (tenant_id, pattern) DO UPDATE SET count = match_comparison_patterns.count + EXCLUDED.count`,
      [tenantId, [...counts.keys()], [...counts.values()]],
    );
  }

  async patterns(tenantId: string): Promise<{ pattern: string; count: number }[]> {
    const rows: { pattern: string; count: string }[] = await this.dataSource.query(
      'SELECT pattern, count FROM match_comparison_patterns WHERE tenant_id = $1',
      [tenantId],
    );
    return rows.map((r) => ({ pattern: r.pattern, count: Number(r.count) }));
  }

  /** HR's latest review decisions (the review queue's table; read here so the registry needs no pipeline). */
  async decidedReviews(tenantId: string, limit: number): Promise<DecidedReviewRow[]> {
    return this.dataSource.query(
      `SELECT status, decided_employee_number AS "decidedEmployeeNumber", candidates
         FROM review_items WHERE tenant_id = $1 AND status <> 'open'
        ORDER BY decided_at DESC LIMIT $2`,
      [tenantId, limit],
    );
  }

  async load(tenantId: string): Promise<StoredMatchParameters | null> {
    const rows: StoredMatchParameters[] = await this.dataSource.query(
      `SELECT source, estimate, weights, pairs, labelled, estimated_at AS "estimatedAt"
         FROM match_parameters WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows[0] ?? null;
  }

  async save(tenantId: string, p: Omit<StoredMatchParameters, 'estimatedAt'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO match_parameters (tenant_id, source, estimate, weights, pairs, labelled, estimated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (tenant_id) DO UPDATE SET source = EXCLUDED.source, estimate = EXCLUDED.estimate,
         weights = EXCLUDED.weights, pairs = EXCLUDED.pairs, labelled = EXCLUDED.labelled, estimated_at = now()`,
      [
        tenantId,
        p.source,
        JSON.stringify(p.estimate),
        p.weights ? JSON.stringify(p.weights) : null,
        p.pairs,
        p.labelled,
      ],
    );
  }

  async tenantsWithPatterns(): Promise<string[]> {
    const rows: { tenant_id: string }[] = await this.dataSource.query(
      'SELECT DISTINCT tenant_id FROM match_comparison_patterns',
    );
    return rows.map((r) => r.tenant_id);
  }
}
