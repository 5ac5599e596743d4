import './notifications.jobs';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { JobHandlerRegistry, JobQueue, logSafeError } from '@comeback/platform';
import { NotificationsService } from './notifications.service';

export const NOTIFICATIONS_INTERVAL_MS = 15 * 60_000;

/** One run per 15-minute slot whichever process enqueues it: the job id is the slot (a business key). */
export function notificationsJobId(now: Date): string {
  const slot = Math.floor(now.getTime() / NOTIFICATIONS_INTERVAL_MS) * NOTIFICATIONS_INTERVAL_MS;
  return `notifications:${new Date(slot).toISOString()}`;
}

/**
 * Registers the `notifications.run` job and enqueues it every slot, like the retention purge: every process
 * enqueues, the slot's job id makes the extra copies no-ops, and whichever process consumes jobs runs it.
 */
@Injectable()
export class NotificationsWorker implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsWorker.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly notifications: NotificationsService,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.registry.register('notifications.run', async (p) => {
      const report = await this.notifications.runAll(new Date(p.requestedAt));
      this.logger.log(report, 'notifications run');
    });
  }

  onApplicationBootstrap(): void {
    // The first run comes one slot after start: a process that restarts often does not notify at each start.
    this.timer = setInterval(() => void this.enqueue(), NOTIFICATIONS_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async enqueue(now = new Date()): Promise<void> {
    await this.queue
      .enqueue('notifications.run', { requestedAt: now.toISOString() }, { jobId: notificationsJobId(now) })
      .catch((err: unknown) =>
        this.logger.warn(
          { err: logSafeError(err) },
          'could not enqueue the notifications run; the next slot tries again',
        ),
      );
  }
}
