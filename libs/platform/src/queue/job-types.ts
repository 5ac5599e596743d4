/** Every queue and job type of the product, with its payload. Job ids come from business keys (the ATS event id). */
export enum QueueName {
  AtsEvents = 'ats-events',
  Backfill = 'backfill',
}

export interface JobPayloads {
  /** Process one stored webhook delivery from the inbox. */
  'ats-event.process': { tenantId: string; inboxEventId: string };
  /** (Re)evaluate one application: after a review confirmation, or for a backfill. */
  'application.evaluate': { tenantId: string; ats: string; applicationId: string; candidateId: string | null; reason: 'review_confirmed' | 'backfill' };
  /** Walk a tenant's open applications through the pipeline, one page per job (resumable by cursor). */
  'backfill.page': { tenantId: string; backfillRunId: string; page: number };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'ats-event.process': QueueName.AtsEvents,
  'application.evaluate': QueueName.AtsEvents,
  'backfill.page': QueueName.Backfill,
};

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], meta: { jobId: string; attempt: number }) => Promise<void>;
export type JobHandlerMap = { [N in JobName]?: JobHandler<N> };

export interface EnqueueOptions {
  jobId: string;
  delayMs?: number;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export interface FailedJob {
  jobId: string;
  name: string;
  attempts: number;
  error: string;
  failedAt: string | null;
}

/** Retries for transient failures (ATS down, rate limits): exponential backoff, failed jobs kept for inspection. */
export const JOB_ATTEMPTS = 8;
export const JOB_BACKOFF_MS = 500;
