import type {
  EnqueueOptions,
  FailedJob,
  JobErasureMatch,
  JobHandlerMap,
  JobName,
  JobPayloads,
  QueueCounts,
} from './job-types';

/**
 * The queue port. Two drivers: Bull on Redis (production) and in-process (embedded).
 * Enqueueing a job id that is already known is a no-op in both, which makes re-delivery harmless.
 */
export abstract class JobQueue {
  abstract enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: EnqueueOptions): Promise<void>;
  /** Start consuming; called by the worker (or by the api process in embedded mode). */
  abstract startProcessing(handlers: JobHandlerMap, concurrency: number): Promise<void>;
  abstract counts(): Promise<QueueCounts>;
  abstract failed(limit: number): Promise<FailedJob[]>;
  /**
   * Of these job ids: the jobs that are failed now (in the order given), and the ids that are `settled` — completed
   * or no longer known. A job waiting, delayed or running is in neither.
   */
  abstract failedAmong(jobIds: readonly string[]): Promise<{ failed: FailedJob[]; settled: string[] }>;
  /**
   * A failed job runs once more (after a person fixed the cause); false when no failed job has that id.
   * Its payload is unchanged, so the work it does is the same: handlers are idempotent (the write-back ledger).
   */
  abstract retry(jobId: string): Promise<boolean>;
  /**
   * Erasure: removes finished (failed or completed) jobs of the person (see `jobMatchesErasure`), whose payload
   * and failure text would otherwise keep their application ids or values. Returns how many were removed.
   */
  abstract forgetJobs(match: JobErasureMatch): Promise<number>;
  /** Resolves when nothing is waiting, delayed or active (for the demo and tests). */
  abstract drained(timeoutMs: number): Promise<boolean>;
  abstract close(): Promise<void>;
}
