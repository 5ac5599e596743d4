import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AtsConnectorRegistry, isAtsKind } from '@comeback/ats';
import {
  ErasedPerson,
  ErasureFindings,
  ErasureParticipant,
  ErasureParticipantRegistry,
  FailedJobs,
  JobQueue,
  TransactionManager,
} from '@comeback/platform';
import { PipelineErasureRepository } from './pipeline-erasure.repository';

/**
 * Tracked applications (rule results, notes), review items and rejections, write-back details, raw webhooks, the
 * queue's finished jobs; reports the notes already written into the ATS, which only HR can remove there.
 */
@Injectable()
export class PipelineErasureParticipant implements ErasureParticipant, OnModuleInit {
  readonly name = 'pipeline';

  constructor(
    private readonly repo: PipelineErasureRepository,
    private readonly registry: ErasureParticipantRegistry,
    private readonly connectors: AtsConnectorRegistry,
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly failedJobs: FailedJobs,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<ErasureFindings> {
    const erased = await this.repo.erasePerson(tx, person);
    // Finished jobs in the queue (Redis) keep application ids in their data and errors that may quote values.
    await this.queue.forgetJobs({
      tenantId: person.tenantId,
      applicationIds: erased.applicationIds,
      candidateIds: erased.candidateIds,
      values: person.identifiers,
    });
    // Their records name the removed jobs by id, which may hold an application id.
    await this.failedJobs.forgetSettled(person.tenantId);
    return {
      atsNotes: erased.notes.map((n) => ({
        ats: n.ats,
        applicationId: n.applicationId,
        url:
          isAtsKind(n.ats) && n.candidateId
            ? this.connectors.get(n.ats).applicationUrl(n.candidateId, n.applicationId)
            : null,
      })),
    };
  }
}
