import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CredentialCache, MemoryCredentialCache, RateLimiter } from '@comeback/platform';
import { MemoryRateLimiter } from '@comeback/platform/rate-limit/memory-rate-limiter';
import { AtsConnectorRegistry } from './ats-connector.registry';
import { ATS_KINDS } from './ats-connector.port';
import { AtsModule } from './ats.module';
import { AtsHttpMetrics } from './http/ats-http-metrics';

/** Stands in for the platform's queue module, which provides the RateLimiter and CredentialCache globally. */
@Global()
@Module({
  providers: [
    { provide: RateLimiter, useClass: MemoryRateLimiter },
    { provide: CredentialCache, useFactory: () => new MemoryCredentialCache() },
  ],
  exports: [RateLimiter, CredentialCache],
})
class LimiterModule {}

describe('AtsModule', () => {
  it('wires both connectors behind the registry', async () => {
    const app = await Test.createTestingModule({ imports: [LimiterModule, AtsModule] }).compile();
    const registry = app.get(AtsConnectorRegistry);
    for (const kind of ATS_KINDS) expect(registry.get(kind).kind).toBe(kind);
    expect(registry.all()).toHaveLength(ATS_KINDS.length);
    expect(app.get(AtsHttpMetrics).snapshot().total.requests).toBe(0);
    await app.close();
  });
});
