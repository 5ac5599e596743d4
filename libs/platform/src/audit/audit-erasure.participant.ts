import { Injectable, OnModuleInit } from '@nestjs/common';
import type { TransactionManager } from '../database/transaction';
import {
  ErasedPerson,
  ErasureParticipant,
  ErasureParticipantRegistry,
} from '../erasure/erasure-participant.registry';
import { AuditRepository } from './audit.repository';

/** Audit entries keep who did what and when; on erasure, any entry naming the person loses its target and details. */
@Injectable()
export class AuditErasureParticipant implements ErasureParticipant, OnModuleInit {
  readonly name = 'audit';

  constructor(
    private readonly entries: AuditRepository,
    private readonly registry: ErasureParticipantRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<void> {
    await this.entries.scrubPerson(tx, person.tenantId, [person.employeeNumber, ...person.identifiers]);
  }
}
