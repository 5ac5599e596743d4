import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export type AuditActor = Pick<Principal, 'tenantId' | 'role'> & { name: string };

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** Pass `manager` to make the audit entry part of the caller's transaction. */
  async record(actor: AuditActor, event: AuditEvent, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    await repo.insert({
      tenantId: actor.tenantId,
      actor: actor.name,
      actorRole: actor.role,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      details: (event.details ?? {}) as object,
    });
  }

  async list(tenantId: string, opts: { limit: number; before?: string }): Promise<AuditEntryEntity[]> {
    const qb = this.entries.createQueryBuilder('a').where('a.tenant_id = :tenantId', { tenantId }).orderBy('a.id', 'DESC').limit(opts.limit);
    if (opts.before) qb.andWhere('a.id < :before', { before: opts.before });
    return qb.getMany();
  }
}
