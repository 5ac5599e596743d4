export * from './ats-connector.port';
export * from './ats-connector.registry';
export * from './ats.module';
export { AtsHttpMetrics } from './http/ats-http-metrics';
export type { AtsCallCounters, AtsMetricsSnapshot } from './http/ats-http-metrics';
export { ATS_HTTP_TUNING } from './http/ats-http-client';
export type { AtsHttpTuning, AtsRetryPolicy, AtsHttpTimeouts } from './http/ats-http-client';
export * from './ats-credential.store';
export { connectionUrlProblem, guardedLookup, isPublicAddress } from './http/outbound-guard';
export type { OutboundPolicy } from './http/outbound-guard';
// Shared with the HR-system adapters (libs/hris): one guarded, rate-limited outbound client for every vendor.
export { AtsHttpClient } from './http/ats-http-client';
export type { AtsRateLimitPolicy, AtsHttpResponse } from './http/ats-http-client';
export { nextLinkParam } from './http/link-header';
