import { Injectable, Logger } from '@nestjs/common';
import { retentionCutoffs } from '@comeback/domain';
import { AuditService, MailOutbox, TenantService } from '@comeback/platform';
import { InboxEventsRepository } from '../inbox/inbox-events.repository';

export interface RetentionReport {
  tenants: number;
  rawBodiesPurged: number;
  auditDetailsPurged: number;
  /** Kept e-mail (one-time links) older than a day, all tenants. */
  mailOutboxPurged: number;
}

/**
 * Purges copies kept only for inspection once each tenant's retention has passed: raw webhook bodies (and the
 * normalised event beside them) and audit details. Rows stay (deduplication, who-did-what-when); their contents go.
 * Kept e-mail (the outbox, which holds one-time links) goes after a day.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly tenants: TenantService,
    private readonly inbox: InboxEventsRepository,
    private readonly audit: AuditService,
    private readonly mailOutbox: MailOutbox,
  ) {}

  async purgeAll(now = new Date()): Promise<RetentionReport> {
    const report: RetentionReport = {
      tenants: 0,
      rawBodiesPurged: 0,
      auditDetailsPurged: 0,
      mailOutboxPurged: await this.mailOutbox.purgeExpired(now),
    };
    for (const tenantId of await this.tenants.allIds()) {
      const tenant = await this.tenants.get(tenantId);
      const cutoffs = retentionCutoffs(tenant.settings.retention, now);
      report.rawBodiesPurged += await this.inbox.purgeBodies(tenantId, cutoffs.rawWebhookBodies);
      report.auditDetailsPurged += await this.audit.purgeDetails(tenantId, cutoffs.auditDetails);
      report.tenants += 1;
    }
    this.logger.log(report, 'retention purge');
    return report;
  }
}
