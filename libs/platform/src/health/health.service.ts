import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue.port';
import { HealthRepository } from './health.repository';

export type UpDown = 'up' | 'down';

export interface Readiness {
  ready: boolean;
  database: UpDown;
  /** The queue's store (Redis in production): counting its jobs is one round trip. */
  queue: UpDown;
  /** True from the moment the process was asked to stop: no new work should be routed to it. */
  stopping: boolean;
}

/** A check that does not answer in this time counts as down (an orchestrator's probe has its own short timeout). */
const CHECK_TIMEOUT_MS = 2_000;

function withinTimeout(work: Promise<unknown>): Promise<UpDown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<UpDown>((resolve) => {
    timer = setTimeout(() => resolve('down'), CHECK_TIMEOUT_MS);
  });
  return Promise.race([
    work.then(
      () => 'up' as const,
      () => 'down' as const,
    ),
    timeout,
  ]).finally(() => clearTimeout(timer));
}

/**
 * Liveness and readiness of one process (api or worker). Live: the event loop answers. Ready: the database and
 * the queue's store answer and the process is not shutting down — what a container orchestrator routes on.
 */
@Injectable()
export class HealthService implements BeforeApplicationShutdown {
  private stopping = false;

  constructor(
    private readonly db: HealthRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  /** Resolves when the database answers; rejects otherwise. */
  async checkDatabase(): Promise<void> {
    await this.db.ping();
  }

  async readiness(): Promise<Readiness> {
    const [database, queue] = await Promise.all([
      withinTimeout(this.db.ping()),
      withinTimeout(this.queue.counts()),
    ]);
    return {
      ready: !this.stopping && database === 'up' && queue === 'up',
      database,
      queue,
      stopping: this.stopping,
    };
  }

  /** From now on the process reports not ready (it is finishing its work before it stops). */
  markStopping(): void {
    this.stopping = true;
  }

  /** Nest calls this on SIGTERM/SIGINT (enableShutdownHooks) before closing anything. */
  beforeApplicationShutdown(): void {
    this.markStopping();
  }
}
