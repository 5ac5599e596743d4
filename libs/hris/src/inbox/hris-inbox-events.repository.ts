import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { HrisInboxEventEntity, HrisInboxStatus } from './hris-inbox-event.entity';

export type NewHrisDelivery = Pick<
  HrisInboxEventEntity,
  'tenantId' | 'kind' | 'deliveryId' | 'event' | 'action' | 'externalId' | 'rawBody' | 'status'
>;

@Injectable()
export class HrisInboxEventsRepository {
  constructor(
    @InjectRepository(HrisInboxEventEntity) private readonly repo: Repository<HrisInboxEventEntity>,
  ) {}

  /** Stores a delivery once; a repeat returns the stored row with `inserted: false`. */
  async store(d: NewHrisDelivery): Promise<{ id: string; inserted: boolean; status: HrisInboxStatus }> {
    const inserted: { id: string }[] = await this.repo.query(
      `INSERT INTO hris_inbox_events (tenant_id, kind, delivery_id, event, action, external_id, raw_body, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT uq_hris_inbox_delivery DO NOTHING RETURNING id`,
      [d.tenantId, d.kind, d.deliveryId, d.event, d.action, d.externalId, d.rawBody, d.status],
    );
    if (inserted.length > 0) return { id: inserted[0].id, inserted: true, status: d.status };
    const row = await this.repo.findOneByOrFail({
      tenantId: d.tenantId,
      kind: d.kind,
      deliveryId: d.deliveryId,
    });
    return { id: row.id, inserted: false, status: row.status };
  }

  findReceived(tenantId: string, id: string): Promise<HrisInboxEventEntity | null> {
    return this.repo.findOneBy({ tenantId, id, status: 'received' });
  }

  async finish(id: string, status: HrisInboxStatus, outcome: string): Promise<void> {
    await this.repo.update(id, { status, outcome, processedAt: new Date() });
  }

  /** Retention: raw bodies older than the tenant's cutoff go; the rows stay for deduplication. */
  async purgeBodies(tenantId: string, before: Date): Promise<number> {
    const rows: unknown[] = await this.repo.query(
      `WITH purged AS (UPDATE hris_inbox_events SET raw_body = NULL
         WHERE tenant_id = $1 AND created_at < $2 AND raw_body IS NOT NULL RETURNING 1) SELECT 1 FROM purged`,
      [tenantId, before],
    );
    return rows.length;
  }

  count(tenantId: string): Promise<number> {
    return this.repo.countBy({ tenantId });
  }
}
