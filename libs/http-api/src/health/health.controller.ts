import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, HealthService, JobQueue, QueueCounts, type UpDown } from '@comeback/platform';

/**
 * `/health` is public for load balancers and tells only up or down (503 when down); what is behind it —
 * database, queue depths — is for operators with a token. `/health/live` and `/health/ready` are the container
 * orchestrator's probes: live while the process answers; ready while the database and the queue answer and the
 * process is not shutting down (503 otherwise, so traffic moves elsewhere before it stops).
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

  @Get('live')
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ready' | 'not_ready' }> {
    const { ready } = await this.checks.readiness();
    if (!ready) res.status(503);
    return { status: ready ? 'ready' : 'not_ready' };
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
