import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ErasureParticipantRegistry,
  type ErasedPerson,
  type ErasureParticipant,
  type TransactionManager,
} from '@comeback/platform';
import { InvitationsRepository } from './invitations.repository';

/** An erased person's invitations (their e-mail, the personal message) go with them. */
@Injectable()
export class RediscoveryErasureParticipant implements ErasureParticipant, OnModuleInit {
  readonly name = 'rediscovery';

  constructor(
    private readonly repo: InvitationsRepository,
    private readonly registry: ErasureParticipantRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<void> {
    await this.repo.erasePerson(tx, person.tenantId, person.employeeNumber);
  }
}
