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

  async update(id: string, outcome: ImportRunOutcome): Promise<void> {
    await this.runs.update(id, outcome);
  }

  find(tenantId: string, id: string): Promise<ImportRunEntity | null> {
    return this.runs.findOneBy({ tenantId, id });
  }
}
