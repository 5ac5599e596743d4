import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import { HrisEmployeeLinkEntity } from './hris-employee-link.entity';

@Injectable()
export class HrisEmployeeLinksRepository {
  constructor(
    @InjectRepository(HrisEmployeeLinkEntity) private readonly repo: Repository<HrisEmployeeLinkEntity>,
  ) {}

  async byExternalIds(
    tenantId: string,
    kind: string,
    ids: string[],
  ): Promise<Map<string, HrisEmployeeLinkEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repo.findBy({ tenantId, kind, externalId: In(ids) });
    return new Map(rows.map((r) => [r.externalId, r]));
  }

  async save(
    rows: Pick<
      HrisEmployeeLinkEntity,
      | 'tenantId'
      | 'kind'
      | 'externalId'
      | 'employeeNumber'
      | 'syncedEmails'
      | 'syncedPhones'
      | 'sourceUpdatedAt'
    >[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.repo.upsert(
      rows.map((r) => ({ ...r, deletedAt: null })),
      ['tenantId', 'kind', 'externalId'],
    );
  }

  /** Marks one link deleted (the HR system no longer has the employee); true when it was live. */
  async markDeleted(tenantId: string, kind: string, externalId: string): Promise<boolean> {
    const r = await this.repo.update(
      { tenantId, kind, externalId, deletedAt: IsNull() },
      { deletedAt: new Date() },
    );
    return (r.affected ?? 0) > 0;
  }

  /** After a complete walk: every live link the HR system did not list is marked deleted. */
  async markMissingDeleted(tenantId: string, kind: string, seen: string[]): Promise<number> {
    const live = await this.repo.find({
      where: { tenantId, kind, deletedAt: IsNull() },
      select: { externalId: true },
    });
    const seenSet = new Set(seen);
    const missing = live.map((l) => l.externalId).filter((id) => !seenSet.has(id));
    if (missing.length === 0) return 0;
    const r = await this.repo.update(
      { tenantId, kind, externalId: In(missing), deletedAt: IsNull() },
      { deletedAt: new Date() },
    );
    return r.affected ?? 0;
  }

  find(tenantId: string, kind: string, externalId: string): Promise<HrisEmployeeLinkEntity | null> {
    return this.repo.findOneBy({ tenantId, kind, externalId });
  }

  countDeleted(tenantId: string, kind: string): Promise<number> {
    return this.repo.countBy({ tenantId, kind, deletedAt: Not(IsNull()) });
  }
}
