import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@comeback/platform';
import type { AtsConnector } from './ats-connector.port';
import { ATS_CONNECTORS, AtsConnectorRegistry } from './ats-connector.registry';
import { GreenhouseConnector } from './greenhouse/greenhouse.connector';
import { ATS_HTTP_TUNING, type AtsHttpTuning } from './http/ats-http-client';
import { AtsHttpMetrics } from './http/ats-http-metrics';
import { WorkableConnector } from './workable/workable.connector';

/**
 * The ATS adapters. Needs a `RateLimiter` provider in scope (the global PlatformModule's queue module
 * supplies the Redis one in production, the in-memory one in embedded mode); an optional
 * `ATS_HTTP_TUNING` (provided here from the config's ATS_ALLOWED_HOSTS) sets where connections may go.
 */
@Module({
  providers: [
    AtsHttpMetrics,
    // Outbound calls: public addresses only, except the hosts the operator named (ATS_ALLOWED_HOSTS).
    {
      provide: ATS_HTTP_TUNING,
      inject: [{ token: APP_CONFIG, optional: true }],
      useFactory: (config?: AppConfig): AtsHttpTuning => ({
        outbound: { allowedHosts: config?.atsAllowedHosts ?? [] },
      }),
    },
    GreenhouseConnector,
    WorkableConnector,
    // In ATS_KINDS order: `registry.all()` lists them so.
    {
      provide: ATS_CONNECTORS,
      useFactory: (...connectors: AtsConnector[]) => connectors,
      inject: [GreenhouseConnector, WorkableConnector],
    },
    AtsConnectorRegistry,
  ],
  exports: [AtsHttpMetrics, AtsConnectorRegistry],
})
export class AtsModule {}
