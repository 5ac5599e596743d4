import { Inject, Injectable } from '@nestjs/common';
import { AppException, ErrorCode, JobQueue, NotFoundException, storableText } from '@comeback/platform';
import { HrisConnectionService } from '../connections/hris-connection.service';
import type { HrisKind, HrisWebhookRequest } from '../hris-connector.port';
import { HrisInboxEventsRepository } from './hris-inbox-events.repository';

export type HrisIngestResult = { status: 'accepted' | 'duplicate' | 'ignored'; deliveryId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * HR-system webhook entry, like the ATS one: verify first, store once per delivery, enqueue, answer 200 at
 * once (SmartHR retries anything but a 2xx within 60 s — https://developer.smarthr.jp/api/about_webhook).
 */
@Injectable()
export class HrisWebhookIngestService {
  constructor(
    private readonly connections: HrisConnectionService,
    private readonly inbox: HrisInboxEventsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  async receive(kind: HrisKind, tenantId: string, req: HrisWebhookRequest): Promise<HrisIngestResult> {
    if (!UUID.test(tenantId)) throw new NotFoundException('Tenant');
    const conn = await this.connections.secrets(tenantId, kind);
    // Same answer for "no such connection" and "bad token": nothing to learn by probing.
    const connector = this.connections.connector(kind);
    if (!conn || !connector.verifyWebhook(req, conn.webhookToken)) {
      throw new AppException(ErrorCode.InvalidSignature, 'Webhook authentication failed');
    }
    const notice = connector.parseWebhook(req);
    const processable = notice.action !== 'ignored';
    const row = await this.inbox.store({
      tenantId,
      kind,
      deliveryId: notice.deliveryId,
      event: notice.event,
      action: notice.action,
      externalId: notice.action === 'ignored' ? null : notice.externalId,
      rawBody: storableText(req.rawBody.toString('utf8')),
      status: processable ? 'received' : 'ignored',
    });
    if (!processable) return { status: 'ignored', deliveryId: notice.deliveryId };
    // A repeat still 'received' may have missed its enqueue: enqueue again; the job id dedupes.
    if (row.inserted || row.status === 'received') {
      await this.queue.enqueue(
        'hris-event.process',
        { tenantId, inboxEventId: row.id },
        { jobId: `hris-inbox:${row.id}` },
      );
    }
    return { status: row.inserted ? 'accepted' : 'duplicate', deliveryId: notice.deliveryId };
  }
}
