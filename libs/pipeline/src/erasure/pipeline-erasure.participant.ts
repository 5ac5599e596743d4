import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ErasedPerson,
  ErasureParticipant,
  ErasureParticipantRegistry,
  TransactionManager,
} from '@comeback/platform';
import { PipelineErasureRepository } from './pipeline-erasure.repository';

/** Tracked applications (rule results, notes), review items and rejections, write-back details, raw webhooks. */
@Injectable()
export class PipelineErasureParticipant implements ErasureParticipant, OnModuleInit {
  readonly name = 'pipeline';

  constructor(
    private readonly repo: PipelineErasureRepository,
    private readonly registry: ErasureParticipantRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<void> {
    await this.repo.erasePerson(tx, person);
  }
}
