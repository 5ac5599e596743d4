import { Inject, Injectable, Logger } from '@nestjs/common';
import { logSafeError } from '../errors/log-safe-error';
import { FailedJobsRepository } from './failed-jobs.repository';
import { JobQueue } from './job-queue.port';
import type { FailedJob } from './job-types';

/** The tenant a job's payload names, if any (feature libs put it in every tenant's job). */
export function tenantOfJob(data: unknown): string | null {
  const tenantId = (data as { tenantId?: unknown } | null)?.tenantId;
  return typeof tenantId === 'string' ? tenantId : null;
}

/**
 * Each tenant's jobs that failed for good, however many other tenants' failures the queue holds: the queue keeps
 * one failed list for everyone, so the handler registry records here whose job failed, and a listing reads the
 * tenant's own job ids and asks the queue for each (the queue stays the truth for state, error and attempts).
 */
@Injectable()
export class FailedJobs {
  private readonly logger = new Logger(FailedJobs.name);

  constructor(
    private readonly repo: FailedJobsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  /** Called when a job's last attempt failed. Never throws: the job's own failure is what the queue reports. */
  async record(jobId: string, name: string, data: unknown): Promise<void> {
    const tenantId = tenantOfJob(data);
    if (!tenantId) return;
    await this.repo.record(tenantId, jobId, name).catch((err: unknown) =>
      // The database is down or refused: the job stays in the queue's failed list, which a listing also reads.
      this.logger.warn({ jobId, err: logSafeError(err) }, 'could not record whose job failed'),
    );
  }

  /**
   * The tenant's failed jobs, newest first. Records whose job completed after a retry, or is gone (erasure), are
   * dropped; a job waiting or running again keeps its record until it completes or fails once more.
   */
  async list(tenantId: string, limit: number): Promise<FailedJob[]> {
    const ids = await this.repo.ids(tenantId, limit);
    const { failed, settled } = await this.queue.failedAmong(ids);
    await this.repo.remove(tenantId, settled);
    return failed;
  }

  /** Drops the tenant's records of jobs the queue no longer holds as failed (after an erasure removed jobs). */
  async forgetSettled(tenantId: string): Promise<void> {
    const { settled } = await this.queue.failedAmong(await this.repo.ids(tenantId, 100_000));
    await this.repo.remove(tenantId, settled);
  }
}
