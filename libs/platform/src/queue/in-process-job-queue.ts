import { Logger } from '@nestjs/common';
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
} from './job-types';
import { JobQueue } from './job-queue.port';
import { isPermanentFailure } from './permanent-failure';

interface Job {
  id: string;
  name: JobName;
  payload: unknown;
  attempt: number;
  runAt: number;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  error?: string;
  failedAt?: string;
}

/** Embedded driver: same semantics as Bull (dedupe by job id, attempts with exponential backoff, failed jobs kept). */
export class InProcessJobQueue extends JobQueue {
  private readonly logger = new Logger(InProcessJobQueue.name);
  private readonly jobs = new Map<string, Job>();
  private readonly ready: Job[] = [];
  private handlers: JobHandlerMap = {};
  private concurrency = 0;
  private active = 0;
  private timers = new Set<NodeJS.Timeout>();
  private closed = false;

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: EnqueueOptions): Promise<void> {
    if (this.jobs.has(opts.jobId)) return;
    const job: Job = {
      id: opts.jobId,
      name,
      payload,
      attempt: 1,
      runAt: Date.now() + (opts.delayMs ?? 0),
      state: 'waiting',
    };
    this.jobs.set(job.id, job);
    this.schedule(job, opts.delayMs ?? 0);
  }

  async startProcessing(handlers: JobHandlerMap, concurrency: number): Promise<void> {
    this.handlers = handlers;
    this.concurrency = concurrency;
    this.pump();
  }

  private schedule(job: Job, delayMs: number): void {
    if (delayMs <= 0) {
      this.ready.push(job);
      this.pump();
      return;
    }
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.ready.push(job);
      this.pump();
    }, delayMs);
    this.timers.add(t);
  }

  private pump(): void {
    while (!this.closed && this.active < this.concurrency && this.ready.length > 0) {
      const job = this.ready.shift()!;
      this.active++;
      job.state = 'active';
      void this.run(job).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private async run(job: Job): Promise<void> {
    const handler = this.handlers[job.name] as JobHandler<JobName> | undefined;
    try {
      if (!handler) throw new Error(`No handler for job type ${job.name}`);
      await handler(job.payload as JobPayloads[JobName], { jobId: job.id, attempt: job.attempt });
      job.state = 'completed';
    } catch (err) {
      job.error = err instanceof Error ? err.message : String(err);
      if (job.attempt >= JOB_ATTEMPTS || isPermanentFailure(err)) {
        job.state = 'failed';
        job.failedAt = new Date().toISOString();
        this.logger.warn({ jobId: job.id, name: job.name, attempts: job.attempt }, 'job failed permanently');
        return;
      }
      job.state = 'waiting';
      const delay = JOB_BACKOFF_MS * 2 ** (job.attempt - 1);
      job.attempt++;
      this.schedule(job, delay);
    }
  }

  async counts(): Promise<QueueCounts> {
    const c: QueueCounts = { waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 };
    for (const j of this.jobs.values()) c[j.state]++;
    c.delayed = this.timers.size;
    c.waiting -= c.delayed;
    return c;
  }

  async failed(limit: number): Promise<FailedJob[]> {
    return [...this.jobs.values()]
      .filter((j) => j.state === 'failed')
      .slice(0, limit)
      .map(toFailedJob);
  }

  async failedAmong(jobIds: readonly string[]): Promise<{ failed: FailedJob[]; settled: string[] }> {
    const jobs = jobIds.map((id) => ({ id, job: this.jobs.get(id) }));
    return {
      failed: jobs.flatMap(({ job }) => (job?.state === 'failed' ? [toFailedJob(job)] : [])),
      settled: jobs.filter(({ job }) => !job || job.state === 'completed').map(({ id }) => id),
    };
  }

  async retry(jobId: string): Promise<boolean> {
    const job = this.jobs.get(jobId);
    if (!job || job.state !== 'failed') return false;
    // One more attempt, like Bull's retry of a failed job: a second failure leaves it failed again.
    job.state = 'waiting';
    job.attempt = Math.max(job.attempt, JOB_ATTEMPTS);
    this.schedule(job, 0);
    return true;
  }

  async forgetJobs(match: JobErasureMatch): Promise<number> {
    let removed = 0;
    for (const [id, j] of this.jobs) {
      if (j.state !== 'failed' && j.state !== 'completed') continue;
      if (!jobMatchesErasure(match, { data: j.payload, texts: [j.error] })) continue;
      this.jobs.delete(id);
      removed += 1;
    }
    return removed;
  }

  async drained(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const c = await this.counts();
      if (c.waiting + c.active + c.delayed === 0) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

function toFailedJob(j: Job): FailedJob {
  return {
    jobId: j.id,
    name: j.name,
    attempts: j.attempt,
    error: j.error ?? '',
    failedAt: j.failedAt ?? null,
    data: j.payload,
  };
}
