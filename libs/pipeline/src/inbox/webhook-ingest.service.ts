import { Inject, Injectable } from '@nestjs/common';
import { AtsConnectorRegistry, AtsKind, WebhookRequest } from '@comeback/ats';
import {
  AppException,
  ErrorCode,
  JobQueue,
  NotFoundException,
  storableJson,
  storableText,
} from '@comeback/platform';
import { AtsConnectionService } from '../connections/ats-connection.service';
import { applicationOfEvent } from './delivery-order';
import { InboxEventsRepository } from './inbox-events.repository';

export type IngestResult =
  { status: 'ping' } | { status: 'accepted' | 'duplicate' | 'ignored'; eventId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function processingJobId(inboxEventId: string): string {
  return `inbox:${inboxEventId}`;
}

/**
 * Webhook entry: verify the signature over the raw bytes, store the delivery in the inbox keyed by the
 * ATS's event id (a duplicate is acknowledged and dropped), enqueue, answer. Nothing slow happens here:
 * the ATS retries anything but a quick 200.
 */
@Injectable()
export class WebhookIngestService {
  constructor(
    private readonly connections: AtsConnectionService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly inbox: InboxEventsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  async receive(kind: AtsKind, tenantId: string, req: WebhookRequest): Promise<IngestResult> {
    if (!UUID.test(tenantId)) throw new NotFoundException('Tenant');
    const conn = await this.connections.find(tenantId, kind);
    // Same answer for "no such tenant" and "bad signature": nothing to learn by probing.
    if (!conn) throw new AppException(ErrorCode.InvalidSignature, 'Signature verification failed');
    const connector = this.connectors.get(kind);
    // Every key the connection may be signed with (the adapter says which: Workable signs with the account token;
    // Greenhouse signs each webhook, one per event, with its own secret key).
    const secrets = connector.webhookVerificationSecrets(conn);
    if (secrets.length === 0 || !connector.verifySignature(req, secrets)) {
      throw new AppException(ErrorCode.InvalidSignature, 'Signature verification failed');
    }
    // A signed body may still hold strings PostgreSQL cannot store (NUL, lone surrogates): stored with U+FFFD.
    const event = storableJson(connector.parseWebhook(req));
    if (event.kind === 'ping') return { status: 'ping' };
    const processable = event.kind !== 'ignored';
    const row = await this.inbox.storeDelivery({
      tenantId,
      ats: kind,
      eventId: event.eventId,
      kind: event.kind === 'ignored' ? `ignored:${event.action}` : event.kind,
      rawBody: storableText(req.rawBody.toString('utf8')),
      event,
      status: processable ? 'received' : 'ignored',
      applicationId: applicationOfEvent(event),
    });
    if (!processable) return { status: 'ignored', eventId: event.eventId };
    // A duplicate still in 'received' may have missed its enqueue (crash in between): enqueue again;
    // the job id is the event's, so the queue drops it if it is already there.
    if (row.inserted || row.status === 'received') {
      await this.queue.enqueue(
        'ats-event.process',
        { tenantId, inboxEventId: row.id },
        { jobId: processingJobId(row.id) },
      );
    }
    return { status: row.inserted ? 'accepted' : 'duplicate', eventId: event.eventId };
  }
}
