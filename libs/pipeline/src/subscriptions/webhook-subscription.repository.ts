import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

export type WebhookSubscriptionRow = Pick<
  WebhookSubscriptionEntity,
  'externalId' | 'receiverUrl' | 'target' | 'validUntil'
>;

@Injectable()
export class WebhookSubscriptionRepository {
  constructor(
    @InjectRepository(WebhookSubscriptionEntity) private readonly repo: Repository<WebhookSubscriptionEntity>,
  ) {}

  list(tenantId: string, kind: string): Promise<WebhookSubscriptionEntity[]> {
    return this.repo.find({ where: { tenantId, kind }, order: { createdAt: 'ASC' } });
  }

  /** Replaces the connection's rows with these, in one transaction. */
  async replace(tenantId: string, kind: string, rows: WebhookSubscriptionRow[]): Promise<void> {
    await this.repo.manager.transaction(async (tx) => {
      await tx.delete(WebhookSubscriptionEntity, { tenantId, kind });
      if (rows.length > 0)
        await tx.insert(
          WebhookSubscriptionEntity,
          rows.map((r) => ({ ...r, tenantId, kind })),
        );
    });
  }

  async delete(tenantId: string, kind: string, externalIds: string[]): Promise<void> {
    for (const externalId of externalIds) await this.repo.delete({ tenantId, kind, externalId });
  }

  /** Connections with a registration that expires before `before`, oldest first. */
  async dueForRenewal(before: Date, limit: number): Promise<{ tenantId: string; kind: string }[]> {
    const rows = await this.repo.find({
      where: { validUntil: LessThan(before) },
      order: { validUntil: 'ASC' },
      take: limit * 4,
    });
    const seen = new Map<string, { tenantId: string; kind: string }>();
    for (const r of rows) seen.set(`${r.tenantId}|${r.kind}`, { tenantId: r.tenantId, kind: r.kind });
    return [...seen.values()].slice(0, limit);
  }
}
