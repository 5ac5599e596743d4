import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { HrisRunTrigger, HrisSyncRunEntity } from './hris-sync-run.entity';

export type HrisRunCounts = Partial<
  Pick<
    HrisSyncRunEntity,
    | 'status'
    | 'pages'
    | 'recordsRead'
    | 'inserted'
    | 'updated'
    | 'unchanged'
    | 'rejected'
    | 'suppressed'
    | 'notLeavers'
    | 'markedDeleted'
    | 'problems'
    | 'problemCount'
    | 'error'
    | 'finishedAt'
  >
>;

@Injectable()
export class HrisSyncRunsRepository {
  constructor(@InjectRepository(HrisSyncRunEntity) private readonly repo: Repository<HrisSyncRunEntity>) {}

  create(tenantId: string, kind: string, trigger: HrisRunTrigger): Promise<HrisSyncRunEntity> {
    return this.repo.save(this.repo.create({ tenantId, kind, trigger, status: 'running' }));
  }

  async update(id: string, counts: HrisRunCounts): Promise<void> {
    await this.repo.update(id, counts);
  }

  find(tenantId: string, id: string): Promise<HrisSyncRunEntity | null> {
    return this.repo.findOneBy({ tenantId, id });
  }

  list(tenantId: string, limit: number): Promise<HrisSyncRunEntity[]> {
    return this.repo.find({ where: { tenantId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** Runs started since `since` by HR system and status, all tenants (for `/metrics`). */
  async countsSince(since: Date): Promise<{ kind: string; status: string; n: number }[]> {
    const rows: { kind: string; status: string; n: string }[] = await this.repo.query(
      `SELECT kind, status, count(*) AS n FROM hris_sync_runs WHERE created_at >= $1 GROUP BY kind, status`,
      [since],
    );
    return rows.map((r) => ({ kind: r.kind, status: r.status, n: Number(r.n) }));
  }
}
