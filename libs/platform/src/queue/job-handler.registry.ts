import { Inject, Injectable } from '@nestjs/common';
import { JobQueue } from './job-queue.port';
import { JobHandler, JobHandlerMap, JobName } from './job-types';

/**
 * Feature modules register one handler per job type; `start` refuses to run with a missing or
 * doubly-registered handler, so a typo cannot leave a queue silently unconsumed.
 */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers: JobHandlerMap = {};
  private started = false;

  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers[name]) throw new Error(`Job type ${name} already has a handler`);
    (this.handlers as Record<N, JobHandler<N>>)[name] = handler;
  }

  async start(required: readonly JobName[], concurrency: number): Promise<void> {
    if (this.started) return;
    const missing = required.filter((n) => !this.handlers[n]);
    if (missing.length > 0) throw new Error(`No handler registered for job type(s): ${missing.join(', ')}`);
    this.started = true;
    await this.queue.startProcessing(this.handlers, concurrency);
  }
}
