import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ErasedPerson,
  ErasureParticipant,
  ErasureParticipantRegistry,
  TransactionManager,
} from '@comeback/platform';
import { ExitInterviewsRepository } from './exit-interviews.repository';

/** Erasure reaches the leaver e-mails we kept; the exit interview's own rows cascade from the registry row. */
@Injectable()
export class ExitInterviewErasureParticipant implements ErasureParticipant, OnModuleInit {
  readonly name = 'exit_interview';

  constructor(
    private readonly repo: ExitInterviewsRepository,
    private readonly registry: ErasureParticipantRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<void> {
    await this.repo.eraseLeaverMail(tx, person.tenantId, person.identifiers);
  }
}
