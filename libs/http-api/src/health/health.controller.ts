import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthService, JobQueue, QueueCounts } from '@comeback/platform';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly checks: HealthService,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  @Get()
  async health(): Promise<{ status: 'ok'; database: 'ok'; queue: QueueCounts }> {
    await this.checks.checkDatabase();
    return { status: 'ok', database: 'ok', queue: await this.queue.counts() };
  }
}
