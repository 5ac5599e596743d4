import { BullModule, getQueueToken } from '@nestjs/bull';
import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { loadAppConfig } from '../config/app-config';
import { BullJobQueue } from './bull-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobHandlerRegistry } from './job-handler.registry';
import { FailedJobs } from './failed-jobs';
import { FailedJobsRepository } from './failed-jobs.repository';
import { JobQueue } from './job-queue.port';
import { MemoryRateLimiter } from '../rate-limit/memory-rate-limiter';
import { RateLimiter } from '../rate-limit/rate-limiter.port';
import { RedisRateLimiter } from '../rate-limit/redis-rate-limiter';
import { QueueName } from './job-types';
import { SecretBox } from '../crypto/secret-box';
import { CredentialCache } from '../shared-cache/credential-cache.port';
import { MemoryCredentialCache } from '../shared-cache/memory-credential-cache';
import { RedisCredentialCache } from '../shared-cache/redis-credential-cache';
import { ChangeNotifier } from '../shared-cache/change-notifier.port';
import { MemoryChangeNotifier } from '../shared-cache/memory-change-notifier';
import { RedisChangeNotifier } from '../shared-cache/redis-change-notifier';

@Injectable()
class JobQueueCloser implements OnApplicationShutdown {
  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(CredentialCache) private readonly credentials: CredentialCache,
    @Inject(ChangeNotifier) private readonly changes: ChangeNotifier,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.limiter.close();
    await this.credentials.close();
    await this.changes.close();
  }
}

/**
 * The second (and last) embedded/production seam: REDIS_URL set → Bull queues, rate limits and shared
 * credentials (ATS tokens) and change notices (pub/sub) on Redis,
 * shared by every process; unset → in-process queue and in-memory rate limits (one process).
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    const { redisUrl, queuePrefix, queueLockMs } = loadAppConfig();
    const names = Object.values(QueueName);
    if (!redisUrl) {
      return {
        module: QueueModule,
        providers: [
          { provide: JobQueue, useClass: InProcessJobQueue },
          { provide: RateLimiter, useClass: MemoryRateLimiter },
          { provide: CredentialCache, useFactory: () => new MemoryCredentialCache() },
          { provide: ChangeNotifier, useFactory: () => new MemoryChangeNotifier() },
          JobQueueCloser,
          JobHandlerRegistry,
          FailedJobsRepository,
          FailedJobs,
        ],
        exports: [JobQueue, RateLimiter, CredentialCache, ChangeNotifier, JobHandlerRegistry, FailedJobs],
      };
    }
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          url: redisUrl,
          prefix: queuePrefix,
          settings: {
            lockDuration: queueLockMs,
            stalledInterval: Math.max(500, Math.floor(queueLockMs / 2)),
            maxStalledCount: 5,
          },
        }),
        BullModule.registerQueue(...names.map((name) => ({ name }))),
      ],
      providers: [
        {
          provide: JobQueue,
          inject: names.map((n) => getQueueToken(n)),
          useFactory: (...queues: Queue[]) =>
            new BullJobQueue(
              Object.fromEntries(names.map((n, i) => [n, queues[i]])) as Record<QueueName, Queue>,
            ),
        },
        { provide: RateLimiter, useFactory: () => new RedisRateLimiter(redisUrl, `${queuePrefix}:rl:`) },
        {
          provide: CredentialCache,
          useFactory: () =>
            new RedisCredentialCache(
              redisUrl,
              new SecretBox(loadAppConfig().secretKey),
              `${queuePrefix}:cred:`,
            ),
        },
        {
          provide: ChangeNotifier,
          useFactory: () => new RedisChangeNotifier(redisUrl, `${queuePrefix}:changes:`),
        },
        JobQueueCloser,
        JobHandlerRegistry,
        FailedJobsRepository,
        FailedJobs,
      ],
      exports: [JobQueue, RateLimiter, CredentialCache, ChangeNotifier, JobHandlerRegistry, FailedJobs],
    };
  }
}
