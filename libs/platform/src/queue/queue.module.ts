import { BullModule, getQueueToken } from '@nestjs/bull';
import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { loadAppConfig } from '../config/app-config';
import { BullJobQueue } from './bull-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobQueue } from './job-queue.port';
import { QueueName } from './job-types';

@Injectable()
class JobQueueCloser implements OnApplicationShutdown {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}

/** The second (and last) embedded/production seam: REDIS_URL set → Bull on Redis, unset → in-process. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    const { redisUrl } = loadAppConfig();
    const names = Object.values(QueueName);
    if (!redisUrl) {
      return { module: QueueModule, providers: [{ provide: JobQueue, useClass: InProcessJobQueue }, JobQueueCloser, JobHandlerRegistry], exports: [JobQueue, JobHandlerRegistry] };
    }
    return {
      module: QueueModule,
      imports: [BullModule.forRoot({ url: redisUrl }), BullModule.registerQueue(...names.map((name) => ({ name })))],
      providers: [
        {
          provide: JobQueue,
          inject: names.map((n) => getQueueToken(n)),
          useFactory: (...queues: Queue[]) => new BullJobQueue(Object.fromEntries(names.map((n, i) => [n, queues[i]])) as Record<QueueName, Queue>),
        },
        JobQueueCloser,
        JobHandlerRegistry,
      ],
      exports: [JobQueue, JobHandlerRegistry],
    };
  }
}
