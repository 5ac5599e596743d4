import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, HealthService, JobQueue, QueueCounts } from '@comeback/platform';

type UpDown = 'up' | 'down';

/**
 * `/health` is public for load balancers and tells only up or down (503 when down); what is behind it —
 * database, queue depths — is for operators with a token.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly checks: HealthService,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<{ status: UpDown }> {
    const status = await this.database();
    if (status === 'down') res.status(503);
    return { status };
  }

  @Get('details')
  @Authenticated('hr_admin', 'integration')
  async details(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: UpDown; database: UpDown; queue: QueueCounts | null }> {
    const database = await this.database();
    const queue = await this.queue.counts().catch(() => null);
    const status = database === 'up' && queue ? 'up' : 'down';
    if (status === 'down') res.status(503);
    return { status, database, queue };
  }

  private async database(): Promise<UpDown> {
    return this.checks.checkDatabase().then(
      () => 'up' as const,
      () => 'down' as const,
    );
  }
}
