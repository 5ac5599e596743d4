import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { TransactionManager } from '../database/transaction';
import { AuditEntryEntity } from './audit-entry.entity';

export type NewAuditEntry = Pick<
  AuditEntryEntity,
  'tenantId' | 'actor' | 'actorRole' | 'action' | 'targetType' | 'targetId' | 'details'
>;

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** With `manager`, the entry is part of that transaction. */
  async insert(entry: NewAuditEntry, manager?: TransactionManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    await repo.insert({ ...entry, details: entry.details as object });
  }

  async list(tenantId: string, opts: { limit: number; before?: string }): Promise<AuditEntryEntity[]> {
    const qb = this.entries
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId', { tenantId })
      .orderBy('a.id', 'DESC')
      .limit(opts.limit);
    if (opts.before) qb.andWhere('a.id < :before', { before: opts.before });
    return qb.getMany();
  }
}
