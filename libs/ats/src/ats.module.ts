import { Module } from '@nestjs/common';
import type { AtsConnector } from './ats-connector.port';
import { ATS_CONNECTORS, AtsConnectorRegistry } from './ats-connector.registry';
import { GreenhouseConnector } from './greenhouse/greenhouse.connector';
import { AtsHttpMetrics } from './http/ats-http-metrics';
import { WorkableConnector } from './workable/workable.connector';

/**
 * The ATS adapters. Needs a `RateLimiter` provider in scope (the global PlatformModule's queue module
 * supplies the Redis one in production, the in-memory one in embedded mode); an optional
 * `ATS_HTTP_TUNING` provider overrides retry and timeout settings.
 */
@Module({
  providers: [
    AtsHttpMetrics,
    GreenhouseConnector,
    WorkableConnector,
    // In ATS_KINDS order: `registry.all()` lists them so.
    { provide: ATS_CONNECTORS, useFactory: (...connectors: AtsConnector[]) => connectors, inject: [GreenhouseConnector, WorkableConnector] },
    AtsConnectorRegistry,
  ],
  exports: [AtsHttpMetrics, AtsConnectorRegistry],
})
export class AtsModule {}
