import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import {
  EnqueueOptions,
  FailedJob,
  JOB_ATTEMPTS,
  JOB_BACKOFF_MS,
  JobHandler,
  JobErasureMatch,
  JobHandlerMap,
  jobMatchesErasure,
  JobName,
  JobPayloads,
  QueueCounts,
  QueueName,
  queueOfJob,
} from './job-types';
import { JobQueue } from './job-queue.port';
import { isPermanentFailure } from './permanent-failure';
import { logSafeError } from '../errors/log-safe-error';

/** Production driver: Bull on Redis, one Bull queue per QueueName, shared by every api/worker process. */
export class BullJobQueue extends JobQueue {
  private readonly logger = new Logger(BullJobQueue.name);

  constructor(private readonly queues: Record<QueueName, Queue>) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: EnqueueOptions): Promise<void> {
    await this.queues[queueOfJob(name)].add(name, payload, {
      jobId: opts.jobId,
      delay: opts.delayMs,
      attempts: JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
      removeOnComplete: { age: 24 * 3600, count: 100_000 },
      removeOnFail: false,
    });
  }

  /**
   * One processor per queue, dispatching on the job name: Bull runs `concurrency` loops for every
   * `process()` call, so one call per job type would multiply the configured concurrency by the number
   * of job types sharing a queue.
   */
  async startProcessing(handlers: JobHandlerMap, concurrency: number): Promise<void> {
    for (const [queueName, queue] of Object.entries(this.queues) as [QueueName, Queue][]) {
      const names = (Object.keys(handlers) as JobName[]).filter((n) => queueOfJob(n) === queueName);
      if (names.length === 0) continue;
      void queue.process('*', concurrency, async (job: Job<JobPayloads[JobName]>) => {
        const handler = handlers[job.name as JobName] as JobHandler<JobName> | undefined;
        if (!handler) throw new Error(`No handler for job type ${job.name}`);
        try {
          await handler(job.data, { jobId: String(job.id), attempt: job.attemptsMade + 1 });
        } catch (err) {
          if (isPermanentFailure(err)) await job.discard();
          throw err;
        }
      });
    }
    for (const q of Object.values(this.queues)) {
      q.on('failed', (job: Job, err: Error) => {
        const final = job.attemptsMade >= JOB_ATTEMPTS;
        this.logger.warn(
          { jobId: job.id, name: job.name, attempt: job.attemptsMade, error: logSafeError(err).message },
          final ? 'job failed permanently' : 'job attempt failed; will retry',
        );
      });
      q.on('stalled', (job: Job) =>
        this.logger.warn(
          { jobId: job.id, name: job.name },
          'job stalled (its worker died or hung); retrying',
        ),
      );
    }
  }

  async counts(): Promise<QueueCounts> {
    const total: QueueCounts = { waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 };
    for (const q of Object.values(this.queues)) {
      const c = await q.getJobCounts();
      total.waiting += c.waiting;
      total.active += c.active;
      total.delayed += c.delayed;
      total.completed += c.completed;
      total.failed += c.failed;
    }
    return total;
  }

  async failed(limit: number): Promise<FailedJob[]> {
    const out: FailedJob[] = [];
    for (const q of Object.values(this.queues)) {
      for (const j of await q.getFailed(0, limit - 1)) out.push(toFailedJob(j));
    }
    return out.slice(0, limit);
  }

  async failedAmong(jobIds: readonly string[]): Promise<{ failed: FailedJob[]; settled: string[] }> {
    const states = await Promise.all(
      jobIds.map(async (id) => {
        for (const q of Object.values(this.queues)) {
          const job = await q.getJob(id);
          if (job) return { id, job, state: await job.getState() };
        }
        return { id, job: null, state: 'gone' as const };
      }),
    );
    return {
      failed: states.flatMap((s) => (s.job && s.state === 'failed' ? [toFailedJob(s.job)] : [])),
      settled: states.filter((s) => s.state === 'gone' || s.state === 'completed').map((s) => s.id),
    };
  }

  async retry(jobId: string): Promise<boolean> {
    for (const q of Object.values(this.queues)) {
      const job = await q.getJob(jobId);
      if (!job || !(await job.isFailed())) continue;
      await job.retry();
      return true;
    }
    return false;
  }

  async forgetJobs(match: JobErasureMatch): Promise<number> {
    let removed = 0;
    for (const q of Object.values(this.queues)) {
      for (const j of await q.getJobs(['failed', 'completed'])) {
        if (!j) continue;
        if (!jobMatchesErasure(match, { data: j.data, texts: [j.failedReason, ...(j.stacktrace ?? [])] }))
          continue;
        try {
          await j.remove();
          removed += 1;
        } catch (err) {
          // Locked: a worker holds it right now. Named by id only; it fails or completes without our help.
          this.logger.warn({ jobId: String(j.id), err: logSafeError(err) }, 'erasure could not remove a job');
        }
      }
    }
    return removed;
  }

  async drained(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const c = await this.counts();
      if (c.waiting + c.active + c.delayed === 0) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
  }
}

function toFailedJob(j: Job): FailedJob {
  return {
    jobId: String(j.id),
    name: j.name,
    attempts: j.attemptsMade,
    error: j.failedReason ?? '',
    failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
    data: j.data,
  };
}
