import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ErasedPerson,
  ErasureParticipant,
  ErasureParticipantRegistry,
  TransactionManager,
} from '@comeback/platform';
import { HireOutcomesRepository } from './hires/hire-outcomes.repository';

/** A person's hires (pay ratios, dates) and their re-onboarding tasks go with the erasure. */
@Injectable()
export class OutcomesErasureParticipant implements ErasureParticipant, OnModuleInit {
  readonly name = 'outcomes';

  constructor(
    private readonly repo: HireOutcomesRepository,
    private readonly registry: ErasureParticipantRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<void> {
    await this.repo.erasePerson(tx, person);
  }
}
