import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ErasedPerson,
  ErasureParticipant,
  ErasureParticipantRegistry,
  TransactionManager,
} from '@comeback/platform';
import { CompensationErasureRepository } from './compensation-erasure.repository';

@Injectable()
export class CompensationErasureParticipant implements ErasureParticipant, OnModuleInit {
  readonly name = 'compensation';

  constructor(
    private readonly repo: CompensationErasureRepository,
    private readonly registry: ErasureParticipantRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<void> {
    await this.repo.erasePerson(tx, person);
  }
}
