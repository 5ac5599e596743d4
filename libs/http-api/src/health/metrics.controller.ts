import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, AppConfig, Metrics, metricsAccessAllowed, NotFoundException } from '@comeback/platform';

/**
 * Prometheus scrape endpoint. Behind its own bearer token (METRICS_TOKEN), not a person's session: a scraper is
 * not a user. Without the token — or with none configured — it does not exist (404), so probing learns nothing.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (!metricsAccessAllowed(this.config.metricsToken, authorization)) throw new NotFoundException('Route');
    const { contentType, body } = await this.metrics.render();
    res.setHeader('Content-Type', contentType).setHeader('Cache-Control', 'no-store').send(body);
  }
}
