import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue.port';
import { HealthService } from './health.service';

/**
 * A worker's stop on SIGTERM/SIGINT, in the order a container orchestrator expects: readiness drops at once,
 * the queue stops taking jobs and waits for the ones in flight to finish (Bull's close), and only then does the
 * application close its database and Redis connections. A second signal is ignored; a SIGKILL skips all this and
 * the jobs in flight are taken over by another worker when their locks expire.
 */
export function stopGracefullyOnSignals(app: INestApplicationContext, logger: LoggerService): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing the jobs in flight, then stopping`, 'Shutdown');
    app.get(HealthService).markStopping();
    const queue = app.get<JobQueue>(JobQueue);
    void (async () => {
      try {
        await queue.close();
      } catch (err) {
        logger.error(`closing the queue failed: ${String(err)}`, 'Shutdown');
      }
      try {
        await app.close();
        process.exit(0);
      } catch {
        process.exit(1);
      }
    })();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, stop);
}
