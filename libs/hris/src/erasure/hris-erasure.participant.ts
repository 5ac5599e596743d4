import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ErasedPerson,
  ErasureParticipant,
  ErasureParticipantRegistry,
  TransactionManager,
} from '@comeback/platform';
import { HrisErasureRepository } from './hris-erasure.repository';

/** Erasure reaches the sync's own copies; the suppression list then keeps the sync from bringing them back. */
@Injectable()
export class HrisErasureParticipant implements ErasureParticipant, OnModuleInit {
  readonly name = 'hris';

  constructor(
    private readonly repo: HrisErasureRepository,
    private readonly registry: ErasureParticipantRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<void> {
    await this.repo.erasePerson(tx, person);
  }
}
