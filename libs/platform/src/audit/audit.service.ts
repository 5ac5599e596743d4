import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { TransactionManager } from '../database/transaction';
import type { AuditEntryEntity } from './audit-entry.entity';
import { AuditRepository } from './audit.repository';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export type AuditActor = Pick<Principal, 'tenantId' | 'role' | 'personId' | 'email'> & { name: string };

@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  /** Pass `manager` to make the audit entry part of the caller's transaction. */
  async record(actor: AuditActor, event: AuditEvent, manager?: TransactionManager): Promise<void> {
    await this.entries.insert(
      {
        tenantId: actor.tenantId,
        actor: actor.name,
        actorRole: actor.role,
        actorPersonId: actor.personId ?? null,
        actorEmail: actor.email ?? null,
        action: event.action,
        targetType: event.targetType ?? null,
        targetId: event.targetId ?? null,
        details: event.details ?? {},
      },
      manager,
    );
  }

  /** Retention: empties the details of entries older than `before`; returns how many. */
  async purgeDetails(tenantId: string, before: Date): Promise<number> {
    return this.entries.purgeDetails(tenantId, before);
  }

  async list(tenantId: string, opts: { limit: number; before?: string }): Promise<AuditEntryEntity[]> {
    return this.entries.list(tenantId, opts);
  }
}
