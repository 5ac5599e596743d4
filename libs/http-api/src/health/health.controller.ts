import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobQueue, QueueCounts } from '@comeback/platform';
import { DataSource } from 'typeorm';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  @Get()
  async health(): Promise<{ status: 'ok'; database: 'ok'; queue: QueueCounts }> {
    await this.db.query('SELECT 1');
    return { status: 'ok', database: 'ok', queue: await this.queue.counts() };
  }
}
