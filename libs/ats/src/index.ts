export * from './ats-connector.port';
export * from './ats-connector.registry';
export * from './ats.module';
export { AtsHttpMetrics } from './http/ats-http-metrics';
export type { AtsCallCounters, AtsMetricsSnapshot } from './http/ats-http-metrics';
export { ATS_HTTP_TUNING } from './http/ats-http-client';
export type { AtsHttpTuning, AtsRetryPolicy, AtsHttpTimeouts } from './http/ats-http-client';
export { connectionUrlProblem, isPublicAddress } from './http/outbound-guard';
export type { OutboundPolicy } from './http/outbound-guard';
