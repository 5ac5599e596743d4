/** Every queue and job type of the product, with its payload. Job ids come from business keys (the ATS event id). */
export enum QueueName {
  AtsEvents = 'ats-events',
  Backfill = 'backfill',
}

/**
 * Job payloads by job type. Empty here: the platform runs queues and knows no feature. Each feature lib declares
 * its own jobs by augmenting this interface (`declare module '@comeback/platform/queue/job-types'`) and naming
 * each job's queue with `declareJobQueues` (see `libs/pipeline/src/pipeline.jobs.ts`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the feature libs' augmentations
export interface JobPayloads {}

export type JobName = keyof JobPayloads;

const JOB_QUEUES = new Map<string, QueueName>();

/** Called once by a feature lib (at import) for the jobs it declares: which queue carries each. */
export function declareJobQueues(queues: { [N in JobName]?: QueueName }): void {
  for (const [name, queue] of Object.entries<QueueName | undefined>(queues)) {
    if (!queue) continue;
    const known = JOB_QUEUES.get(name);
    if (known && known !== queue) throw new Error(`Job type ${name} is already declared on queue ${known}`);
    JOB_QUEUES.set(name, queue);
  }
}

/** The queue that carries a job type; a job type nobody declared is a programming error. */
export function queueOfJob(name: string): QueueName {
  const queue = JOB_QUEUES.get(name);
  if (!queue) throw new Error(`Job type ${name} was never declared (declareJobQueues)`);
  return queue;
}

export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  meta: { jobId: string; attempt: number },
) => Promise<void>;
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
  /** The job's payload (feature libs read their tenant id from it). */
  data: unknown;
}

/** Retries for transient failures (ATS down, rate limits): exponential backoff, failed jobs kept for inspection. */
export const JOB_ATTEMPTS = 8;
export const JOB_BACKOFF_MS = 500;

/** Finished jobs to forget on an erasure: a tenant's jobs naming these applications or candidates, or whose data or
 * failure text quotes one of the person's values. */
export interface JobErasureMatch {
  tenantId: string;
  applicationIds: readonly string[];
  candidateIds: readonly string[];
  /** The person's identifying values (names, e-mails, phones…), matched case-insensitively in data and errors. */
  values: readonly string[];
}

/** Values shorter than this are not searched for in job text: a one-letter name would match everything. */
const MIN_VALUE_LENGTH = 4;

export function jobMatchesErasure(
  m: JobErasureMatch,
  job: { data: unknown; texts: readonly (string | null | undefined)[] },
): boolean {
  const data = (job.data ?? {}) as Record<string, unknown>;
  if (data.tenantId !== m.tenantId) return false;
  if (typeof data.applicationId === 'string' && m.applicationIds.includes(data.applicationId)) return true;
  if (typeof data.candidateId === 'string' && m.candidateIds.includes(data.candidateId)) return true;
  const text = [JSON.stringify(job.data ?? null), ...job.texts].join('\n').toLowerCase();
  return m.values.some((v) => v.length >= MIN_VALUE_LENGTH && text.includes(v.toLowerCase()));
}
