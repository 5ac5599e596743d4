import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AtsConnectorRegistry, AtsKind } from '@comeback/ats';
import { OfferChecksService } from '@comeback/compensation';
import { JobPayloads } from '@comeback/platform';
import { Repository } from 'typeorm';
import { AtsConnectionService } from '../connections/ats-connection.service';
import { InboxStatus } from '../inbox/inbox-event.entity';
import { InboxEventsRepository } from '../inbox/inbox-events.repository';
import { ReviewItemEntity } from '../review/review-item.entity';
import { ApplicationPipelineService } from './application-pipeline.service';

/**
 * Thin queue handlers: turn a job into a pipeline call. The inbox row holds the raw delivery, so a job
 * can always be re-run; a processed row is skipped.
 */
@Injectable()
export class AtsEventProcessor {
  constructor(
    private readonly inbox: InboxEventsRepository,
    @InjectRepository(ReviewItemEntity) private readonly reviews: Repository<ReviewItemEntity>,
    private readonly connections: AtsConnectionService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly pipeline: ApplicationPipelineService,
    private readonly offers: OfferChecksService,
  ) {}

  async processInboxEvent({ tenantId, inboxEventId }: JobPayloads['ats-event.process']): Promise<void> {
    const row = await this.inbox.findReceived(tenantId, inboxEventId);
    if (!row) return;
    const kind = row.ats as AtsKind;
    const conn = await this.connections.get(tenantId, kind);
    const event = this.connectors.get(kind).parseWebhook({ rawBody: Buffer.from(row.rawBody, 'utf8'), headers: {} });
    let outcome: string;
    let status: InboxStatus = 'processed';
    switch (event.kind) {
      case 'application_created':
      case 'stage_changed':
        outcome = (await this.pipeline.process(conn, event.application, { trigger: event.kind })).outcome;
        break;
      case 'offer_changed':
        outcome = (await this.offers.onOfferChanged(conn, { applicationId: event.applicationId, candidateId: event.candidateId, offer: event.offer })).outcome;
        break;
      case 'ping':
      case 'ignored':
        status = 'ignored';
        outcome = event.kind;
        break;
    }
    await this.inbox.finish(row.id, status, outcome);
  }

  async evaluateApplication(p: JobPayloads['application.evaluate']): Promise<void> {
    const kind = p.ats as AtsKind;
    const conn = await this.connections.get(p.tenantId, kind);
    const app = await this.connectors.get(kind).getApplication(conn, p.applicationId, p.candidateId ?? undefined);
    let confirmedEmployeeNumber: string | undefined;
    if (p.reason === 'review_confirmed') {
      const item = await this.reviews.findOneBy({ tenantId: p.tenantId, ats: p.ats, applicationId: p.applicationId, status: 'confirmed' });
      confirmedEmployeeNumber = item?.decidedEmployeeNumber ?? undefined;
    }
    await this.pipeline.process(conn, app, { trigger: p.reason, confirmedEmployeeNumber });
  }
}
