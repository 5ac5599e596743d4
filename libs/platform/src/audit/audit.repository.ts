import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { TransactionManager } from '../database/transaction';
import { AuditEntryEntity } from './audit-entry.entity';

export type NewAuditEntry = Pick<
  AuditEntryEntity,
  | 'tenantId'
  | 'actor'
  | 'actorRole'
  | 'actorPersonId'
  | 'actorEmail'
  | 'action'
  | 'targetType'
  | 'targetId'
  | 'details'
>;

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** With `manager`, the entry is part of that transaction. */
  async insert(entry: NewAuditEntry, manager?: TransactionManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    await repo.insert({ ...entry, details: entry.details as object });
  }

  /**
   * Erasure: entries whose target or any string in their details is one of `values` keep action, actor and
   * time; target and details go.
   */
  async scrubPerson(manager: TransactionManager, tenantId: string, values: string[]): Promise<void> {
    await manager.query(
      `UPDATE audit_entries SET target_id = NULL, details = '{"erased": true}'::jsonb
       WHERE tenant_id = $1 AND (target_id = ANY($2::text[]) OR EXISTS (
         SELECT 1 FROM jsonb_path_query(details, 'strict $.**') v WHERE jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY($2::text[])))`,
      [tenantId, values],
    );
  }

  /** Retention: details of entries older than `before` are emptied (the entry itself stays). */
  async purgeDetails(tenantId: string, before: Date): Promise<number> {
    const rows: unknown[] = await this.entries.query(
      `WITH purged AS (UPDATE audit_entries SET details = '{}'::jsonb
         WHERE tenant_id = $1 AND created_at < $2 AND details <> '{}'::jsonb RETURNING 1) SELECT 1 FROM purged`,
      [tenantId, before],
    );
    return rows.length;
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
