import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
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
}
