import { Injectable } from '@nestjs/common';
import { asAtsKind, AtsConnectorRegistry } from '@comeback/ats';
import { JobPayloads } from '@comeback/platform';
import { AtsConnectionService } from '../connections/ats-connection.service';
import { ReviewQueueService } from '../review/review-queue.service';
import { ApplicationPipelineService } from './application-pipeline.service';

/** Job "application.evaluate": read the application from the ATS and run it through the pipeline again. */
@Injectable()
export class EvaluateApplicationJob {
  constructor(
    private readonly connections: AtsConnectionService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly review: ReviewQueueService,
    private readonly pipeline: ApplicationPipelineService,
  ) {}

  async run(p: JobPayloads['application.evaluate']): Promise<void> {
    const kind = asAtsKind(p.ats);
    const conn = await this.connections.get(p.tenantId, kind);
    const app = await this.connectors
      .get(kind)
      .getApplication(conn, p.applicationId, p.candidateId ?? undefined);
    const confirmedEmployeeNumber =
      p.reason === 'review_confirmed'
        ? ((await this.review.confirmedEmployeeNumber(p.tenantId, p.ats, p.applicationId)) ?? undefined)
        : undefined;
    await this.pipeline.process(conn, app, { trigger: p.reason, confirmedEmployeeNumber });
  }
}
