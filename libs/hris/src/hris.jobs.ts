import { declareJobQueues, QueueName } from '@comeback/platform';
import type { HrisKind } from './hris-connector.port';

declare module '@comeback/platform/queue/job-types' {
  interface JobPayloads {
    /** Process one stored HR-system webhook delivery. */
    'hris-event.process': { tenantId: string; inboxEventId: string };
    /** Walk a tenant's HR system and bring the registry up to date (nightly, or when HR asks). */
    /** `runId` null: the job opens its own run (the nightly one, enqueued once per day by its job id). */
    'hris.reconcile': { tenantId: string; kind: HrisKind; runId: string | null };
    /** Purge HR-system webhook bodies past each tenant's retention (hourly, one job per hour). */
    'hris.retention': { requestedAt: string };
  }
}

declareJobQueues({
  'hris-event.process': QueueName.AtsEvents,
  'hris.reconcile': QueueName.Backfill,
  'hris.retention': QueueName.Backfill,
});
