import { Injectable, Logger } from '@nestjs/common';
import { AtsConnection, AtsConnectorRegistry, asAtsKind } from '@comeback/ats';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

/** Renew a registration this long before the ATS would let it lapse. */
export const SUBSCRIPTION_RENEW_BEFORE_MS = 30 * 24 * 60 * 60_000;

/**
 * The ATS-side webhook registrations of each connection, persisted: created on connect (found again when
 * they already exist), renewed before they lapse, deleted on disconnect by whichever process does it.
 */
@Injectable()
export class WebhookSubscriptionService {
  private readonly log = new Logger(WebhookSubscriptionService.name);

  constructor(
    private readonly repo: WebhookSubscriptionRepository,
    private readonly connectors: AtsConnectorRegistry,
  ) {}

  async subscribe(conn: AtsConnection, receiverUrl: string): Promise<void> {
    const subs = await this.connectors.get(conn.kind).subscribeWebhooks(conn, receiverUrl);
    await this.repo.replace(
      conn.tenantId,
      conn.kind,
      subs.map((s) => ({ externalId: s.id, receiverUrl, target: s.target, validUntil: s.validUntil })),
    );
  }

  async unsubscribe(conn: AtsConnection): Promise<void> {
    const rows = await this.repo.list(conn.tenantId, conn.kind);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.externalId);
    await this.connectors.get(conn.kind).unsubscribeWebhooks(conn, ids);
    await this.repo.delete(conn.tenantId, conn.kind, ids);
  }

  /**
   * Re-registers a connection whose registrations lapse before `now + SUBSCRIPTION_RENEW_BEFORE_MS`. The ATSs
   * we know key registrations by target and offer no "extend": delete, then create again (deliveries in the
   * second between are replayed by the ATS or caught by the backfill).
   */
  async renewIfDue(conn: AtsConnection, now = new Date()): Promise<boolean> {
    const rows = await this.repo.list(conn.tenantId, conn.kind);
    const horizon = now.getTime() + SUBSCRIPTION_RENEW_BEFORE_MS;
    const due = rows.some((r) => r.validUntil !== null && r.validUntil.getTime() < horizon);
    if (!due) return false;
    const receiverUrl = rows[0].receiverUrl;
    await this.unsubscribe(conn);
    await this.subscribe(conn, receiverUrl);
    this.log.log(`renewed webhook registrations of ${conn.kind} for tenant ${conn.tenantId}`);
    return true;
  }

  /** Connections with a registration lapsing within the renewal horizon. */
  async dueConnections(
    now = new Date(),
    limit = 50,
  ): Promise<{ tenantId: string; kind: ReturnType<typeof asAtsKind> }[]> {
    const due = await this.repo.dueForRenewal(new Date(now.getTime() + SUBSCRIPTION_RENEW_BEFORE_MS), limit);
    return due.map((d) => ({ tenantId: d.tenantId, kind: asAtsKind(d.kind) }));
  }
}
