import { Injectable } from '@nestjs/common';
import { asAtsKind } from '@comeback/ats';
import { JobPayloads } from '@comeback/platform';
import { AtsConnectionService } from '../connections/ats-connection.service';
import { AtsEventHandlerRegistry } from '../events/ats-event-handler.registry';
import { InboxEventsRepository } from './inbox-events.repository';

/**
 * Job "ats-event.process": one stored delivery → the handler registered for its kind. The worker reads the
 * event exactly as the receiver verified and normalised it; a processed row is skipped.
 */
@Injectable()
export class InboxEventProcessor {
  constructor(
    private readonly inbox: InboxEventsRepository,
    private readonly connections: AtsConnectionService,
    private readonly events: AtsEventHandlerRegistry,
  ) {}

  async process({ tenantId, inboxEventId }: JobPayloads['ats-event.process']): Promise<void> {
    const row = await this.inbox.findReceived(tenantId, inboxEventId);
    if (!row) return;
    if (!row.event) {
      // Stored before the receiver kept the normalised event; its headers are gone, so it is not re-parsed.
      await this.inbox.finish(
        row.id,
        'failed',
        'no_stored_event',
        'Delivery stored without its normalised event: ask the ATS to re-send it',
      );
      return;
    }
    const conn = await this.connections.get(tenantId, asAtsKind(row.ats));
    const { status, outcome } = await this.events.dispatch(conn, row.event);
    await this.inbox.finish(row.id, status, outcome);
  }
}
