import { Inject, Injectable } from '@nestjs/common';
import { asAtsKind } from '@comeback/ats';
import { JobPayloads, JobQueue } from '@comeback/platform';
import { AtsConnectionService } from '../connections/ats-connection.service';
import { AtsEventHandlerRegistry } from '../events/ats-event-handler.registry';
import { handOffJobId } from './delivery-order';
import { InboxDelivery, InboxEventsRepository } from './inbox-events.repository';

/**
 * Job "ats-event.process": one stored delivery → the handler registered for its kind. The worker reads the
 * event exactly as the receiver verified and normalised it; a processed row is skipped.
 *
 * One application's deliveries run one at a time in the order they were received, whichever worker takes them:
 * a delivery with an earlier one of its application still waiting (backing off after an ATS outage, or failed
 * until a person retries it) is held and its job ends; the earlier one hands it on when it finishes. Holding
 * costs no attempt, so a long outage cannot wear out the later deliveries' retries.
 */
@Injectable()
export class InboxEventProcessor {
  constructor(
    private readonly inbox: InboxEventsRepository,
    private readonly connections: AtsConnectionService,
    private readonly events: AtsEventHandlerRegistry,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  async process({ tenantId, inboxEventId }: JobPayloads['ats-event.process']): Promise<void> {
    const row = await this.inbox.find(tenantId, inboxEventId);
    if (!row) return;
    if (row.status !== 'received') {
      // Finished already: this run may repeat one cut between `finish` and the hand-off, so hand on again (a no-op
      // when it was done: the hand-off's job id is a business key).
      await this.handOn(row);
      return;
    }
    if (await this.inbox.holdBehindEarlier(row)) return;
    if (!row.event) {
      // Stored before the receiver kept the normalised event; its headers are gone, so it is not re-parsed.
      await this.inbox.finish(
        row.id,
        'failed',
        'no_stored_event',
        'Delivery stored without its normalised event: ask the ATS to re-send it',
      );
    } else {
      const conn = await this.connections.get(tenantId, asAtsKind(row.ats));
      const { status, outcome } = await this.events.dispatch(conn, row.event);
      await this.inbox.finish(row.id, status, outcome);
    }
    await this.handOn(row);
  }

  /** Queues the application's next delivery if it was held behind this one. */
  private async handOn(row: InboxDelivery): Promise<void> {
    const next = await this.inbox.nextHeld(row);
    if (!next) return;
    await this.queue.enqueue(
      'ats-event.process',
      { tenantId: row.tenantId, inboxEventId: next },
      { jobId: handOffJobId(next, row.id) },
    );
  }
}
