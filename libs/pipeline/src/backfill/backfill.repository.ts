import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BackfillRunEntity } from './backfill-run.entity';

export type BackfillRunChanges = Partial<
  Pick<BackfillRunEntity, 'status' | 'cursor' | 'pages' | 'applicationsQueued' | 'error' | 'finishedAt'>
>;

@Injectable()
export class BackfillRepository {
  constructor(@InjectRepository(BackfillRunEntity) private readonly runs: Repository<BackfillRunEntity>) {}

  countFailed(tenantId: string): Promise<number> {
    return this.runs.countBy({ tenantId, status: 'failed' });
  }

  /** A new run, saved with the database's defaults filled in. */
  create(
    run: Pick<BackfillRunEntity, 'tenantId' | 'ats' | 'status' | 'cursor' | 'startedBy'>,
  ): Promise<BackfillRunEntity> {
    return this.runs.save(this.runs.create(run));
  }

  recent(tenantId: string, limit: number): Promise<BackfillRunEntity[]> {
    return this.runs.find({ where: { tenantId }, order: { createdAt: 'DESC' }, take: limit });
  }

  find(tenantId: string, id: string): Promise<BackfillRunEntity | null> {
    return this.runs.findOneBy({ tenantId, id });
  }

  async update(id: string, changes: BackfillRunChanges): Promise<void> {
    await this.runs.update(id, changes);
  }
}
