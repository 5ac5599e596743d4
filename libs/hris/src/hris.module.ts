import { HrisSyncMetrics } from './sync/hris-sync-metrics';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AtsHttpMetrics, type AtsHttpTuning } from '@comeback/ats';
import { APP_CONFIG, type AppConfig } from '@comeback/platform';
import { RegistryModule } from '@comeback/registry';
import { HrisConnectionEntity } from './connections/hris-connection.entity';
import { HrisConnectionRepository } from './connections/hris-connection.repository';
import { HrisConnectionService } from './connections/hris-connection.service';
import { HRIS_CONNECTORS, type HrisConnector } from './hris-connector.port';
import { HRIS_HTTP_TUNING } from './hris-http-tuning';
import { HrisErasureParticipant } from './erasure/hris-erasure.participant';
import { HrisErasureRepository } from './erasure/hris-erasure.repository';
import { HrisWorker } from './hris.worker';
import { HrisInboxEventEntity } from './inbox/hris-inbox-event.entity';
import { HrisInboxEventsRepository } from './inbox/hris-inbox-events.repository';
import { HrisWebhookIngestService } from './inbox/hris-webhook-ingest.service';
import { SmartHrConnector } from './smarthr/smarthr.connector';
import { HrisEmployeeLinkEntity } from './sync/hris-employee-link.entity';
import { HrisEmployeeLinksRepository } from './sync/hris-employee-links.repository';
import { HrisSyncRunEntity } from './sync/hris-sync-run.entity';
import { HrisSyncRunsRepository } from './sync/hris-sync-runs.repository';
import { HrisSyncService } from './sync/hris-sync.service';

/**
 * The HR-system port and its adapters (SmartHR first), the webhook inbox, and the sync into the registry.
 * Needs the platform's global queue and rate limiter in scope (PlatformModule).
 */
@Module({
  imports: [
    RegistryModule,
    TypeOrmModule.forFeature([
      HrisConnectionEntity,
      HrisInboxEventEntity,
      HrisEmployeeLinkEntity,
      HrisSyncRunEntity,
    ]),
  ],
  providers: [
    AtsHttpMetrics,
    // Same outbound rule as the ATS adapters: public addresses only, except hosts the operator named.
    {
      provide: HRIS_HTTP_TUNING,
      inject: [{ token: APP_CONFIG, optional: true }],
      useFactory: (config?: AppConfig): AtsHttpTuning => ({
        outbound: { allowedHosts: config?.atsAllowedHosts ?? [] },
      }),
    },
    SmartHrConnector,
    HrisSyncMetrics,
    { provide: HRIS_CONNECTORS, useFactory: (...c: HrisConnector[]) => c, inject: [SmartHrConnector] },
    HrisConnectionRepository,
    HrisConnectionService,
    HrisInboxEventsRepository,
    HrisWebhookIngestService,
    HrisEmployeeLinksRepository,
    HrisSyncRunsRepository,
    HrisSyncService,
    HrisWorker,
    HrisErasureRepository,
    HrisErasureParticipant,
  ],
  exports: [HrisConnectionService, HrisWebhookIngestService, HrisSyncService, HrisWorker],
})
export class HrisModule {}
