import { Inject, Injectable } from '@nestjs/common';
import { Metrics } from '../metrics/metrics';
import { FailedJobs } from './failed-jobs';
import { JobQueue } from './job-queue.port';
import { isPermanentFailure } from './permanent-failure';
import { JOB_ATTEMPTS, JobHandler, JobHandlerMap, JobName } from './job-types';

/**
 * Feature modules register one handler per job type; `start` refuses to run with a missing or
 * doubly-registered handler, so a typo cannot leave a queue silently unconsumed.
 */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers: JobHandlerMap = {};
  private started = false;

  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly metrics: Metrics,
    private readonly failedJobs: FailedJobs,
  ) {}

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers[name]) throw new Error(`Job type ${name} already has a handler`);
    (this.handlers as Record<N, JobHandler<N>>)[name] = this.measured(name, handler);
  }

  /**
   * Every attempt counted and timed by type and outcome, whichever queue driver runs it; a job that failed for good
   * is recorded under its tenant (the operations page lists each tenant's own).
   */
  private measured<N extends JobName>(name: N, handler: JobHandler<N>): JobHandler<N> {
    return async (payload, meta) => {
      const end = this.metrics.jobDuration.startTimer({ type: name });
      let outcome = 'completed';
      try {
        await handler(payload, meta);
      } catch (err) {
        outcome = meta.attempt >= JOB_ATTEMPTS || isPermanentFailure(err) ? 'failed' : 'failed_will_retry';
        if (outcome === 'failed') await this.failedJobs.record(meta.jobId, name, payload);
        throw err;
      } finally {
        end({ outcome });
        this.metrics.jobs.inc({ type: name, outcome });
      }
    };
  }

  async start(required: readonly JobName[], concurrency: number): Promise<void> {
    if (this.started) return;
    const missing = required.filter((n) => !this.handlers[n]);
    if (missing.length > 0) throw new Error(`No handler registered for job type(s): ${missing.join(', ')}`);
    this.started = true;
    await this.queue.startProcessing(this.handlers, concurrency);
  }
}
