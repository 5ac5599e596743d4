import type { AtsKind } from '@comeback/ats';
import { declareJobQueues, QueueName } from '@comeback/platform';

/** The pipeline's jobs and their payloads; job ids come from business keys (the inbox row, the review item). */
declare module '@comeback/platform/queue/job-types' {
  interface JobPayloads {
    /** Process one stored webhook delivery from the inbox. */
    'ats-event.process': { tenantId: string; inboxEventId: string };
    /** (Re)evaluate one application: after a review confirmation, or for a backfill. */
    'application.evaluate': {
      tenantId: string;
      ats: AtsKind;
      applicationId: string;
      candidateId: string | null;
      reason: 'review_confirmed' | 'backfill';
    };
    /** Walk a tenant's open applications through the pipeline, one page per job (resumable by cursor). */
    'backfill.page': { tenantId: string; backfillRunId: string; page: number };
    /** Purge raw webhook bodies and audit details past each tenant's retention (enqueued hourly by the worker). */
    'retention.purge': { requestedAt: string };
  }
}

declareJobQueues({
  'ats-event.process': QueueName.AtsEvents,
  'application.evaluate': QueueName.AtsEvents,
  'backfill.page': QueueName.Backfill,
  'retention.purge': QueueName.Backfill,
});
