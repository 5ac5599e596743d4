import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AtsConnectionService } from '../connections/ats-connection.service';
import { WebhookSubscriptionService } from './webhook-subscription.service';

/** How often a worker looks for registrations to renew (they last about a year; daily is plenty). */
export const SUBSCRIPTION_RENEWAL_INTERVAL_MS = 6 * 60 * 60_000;

/** Renews lapsing webhook registrations from the stored rows, in whichever worker process runs it. */
@Injectable()
export class WebhookSubscriptionRenewal implements OnModuleDestroy {
  private readonly log = new Logger(WebhookSubscriptionRenewal.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly subscriptions: WebhookSubscriptionService,
    private readonly connections: AtsConnectionService,
  ) {}

  /** Renews now, then every interval until the module stops. */
  start(): void {
    if (this.timer) return;
    void this.renewDue().catch((err: unknown) => this.log.warn(`webhook renewal failed: ${String(err)}`));
    this.timer = setInterval(() => {
      void this.renewDue().catch((err: unknown) => this.log.warn(`webhook renewal failed: ${String(err)}`));
    }, SUBSCRIPTION_RENEWAL_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Returns how many connections were re-registered. */
  async renewDue(now = new Date()): Promise<number> {
    let renewed = 0;
    for (const { tenantId, kind } of await this.subscriptions.dueConnections(now)) {
      const conn = await this.connections.find(tenantId, kind);
      if (conn && (await this.subscriptions.renewIfDue(conn, now))) renewed++;
    }
    return renewed;
  }
}
