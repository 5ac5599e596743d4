import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { TransactionManager } from '@comeback/platform';
import { Repository } from 'typeorm';
import { ImportRunEntity } from './import-run.entity';

export type NewImportRun = Pick<
  ImportRunEntity,
  'tenantId' | 'kind' | 'status' | 'mode' | 'fileName' | 'encoding' | 'startedBy'
>;

export type ImportRunOutcome = Partial<
  Pick<
    ImportRunEntity,
    | 'status'
    | 'rowsRead'
    | 'rowsImported'
    | 'rowsRejected'
    | 'problems'
    | 'problemCount'
    | 'warnings'
    | 'finishedAt'
  >
>;

@Injectable()
export class ImportRunRepository {
  constructor(@InjectRepository(ImportRunEntity) private readonly runs: Repository<ImportRunEntity>) {}

  /** A new run, saved with the database's defaults filled in. */
  create(run: NewImportRun): Promise<ImportRunEntity> {
    return this.runs.save(this.runs.create(run));
  }

  /** Runs since `since` that were rejected or left rows out. */
  countWithProblems(tenantId: string, since: Date): Promise<number> {
    return this.runs
      .createQueryBuilder('r')
      .where('r.tenant_id = :tenantId AND r.created_at >= :since', { tenantId, since })
      .andWhere("(r.status IN ('rejected', 'failed') OR r.problem_count > 0)")
      .getCount();
  }

  async update(id: string, outcome: ImportRunOutcome): Promise<void> {
    await this.runs.update(id, outcome);
  }

  find(tenantId: string, id: string): Promise<ImportRunEntity | null> {
    return this.runs.findOneBy({ tenantId, id });
  }

  /**
   * Erasure: row-level problems and warnings of earlier imports may quote the person's values (a bad date, an
   * e-mail): every entry mentioning one of `values` is dropped (the counts stay).
   */
  async scrubPerson(tx: TransactionManager, tenantId: string, values: readonly string[]): Promise<void> {
    if (values.length === 0) return;
    for (const column of ['problems', 'warnings'] as const) {
      await tx.query(
        `UPDATE import_runs SET ${column} = (
           SELECT coalesce(jsonb_agg(p ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(${column}) WITH ORDINALITY AS e(p, n)
           WHERE NOT EXISTS (SELECT 1 FROM unnest($2::text[]) v WHERE strpos(lower(p::text), lower(v)) > 0))
         WHERE tenant_id = $1 AND EXISTS (SELECT 1 FROM unnest($2::text[]) v WHERE strpos(lower(${column}::text), lower(v)) > 0)`,
        [tenantId, values],
      );
    }
  }

  /** Runs started since `since` by kind and status, all tenants (for `/metrics`). */
  async countsSince(since: Date): Promise<{ kind: string; status: string; n: number }[]> {
    const rows: { kind: string; status: string; n: string }[] = await this.runs.query(
      `SELECT kind, status, count(*) AS n FROM import_runs WHERE created_at >= $1 GROUP BY kind, status`,
      [since],
    );
    return rows.map((r) => ({ kind: r.kind, status: r.status, n: Number(r.n) }));
  }
}
