import { Controller, HttpCode, Inject, Param, ParseEnumPipe, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { AtsKind, ATS_KINDS } from '@comeback/ats';
import {
  APP_CONFIG,
  AppConfig,
  AppException,
  ErrorCode,
  RateLimitedException,
  RateLimiter,
  ValidationFailedException,
} from '@comeback/platform';
import { IngestResult, WebhookIngestService } from '@comeback/pipeline';

const MINUTE_MS = 60_000;

/**
 * Where every ATS webhook enters: `POST /webhooks/:ats/:tenant` (e.g. /webhooks/<kind>/<tenant id>).
 * Rate limit per source address → size cap → verify → inbox → queue → 200. The worker's `AtsEventProcessor`
 * takes it from there. Nothing is looked up or stored for a source over its budget or a body over the cap.
 */
@ApiExcludeController()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly ingest: WebhookIngestService,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':ats/:tenant')
  @HttpCode(200)
  async receive(
    @Param('ats', new ParseEnumPipe(Object.fromEntries(ATS_KINDS.map((k) => [k, k])))) ats: AtsKind,
    @Param('tenant') tenant: string,
    @Req() req: RawBodyRequest<Request>,
  ): Promise<IngestResult> {
    const source = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const wait = await this.limiter.tryAcquire(
      `webhook:source:${source}`,
      this.config.webhookRateLimitPerMinute,
      MINUTE_MS,
    );
    if (wait > 0) throw new RateLimitedException(wait);
    if (!req.rawBody || req.rawBody.length === 0) throw new ValidationFailedException('Empty webhook body');
    if (req.rawBody.length > this.config.webhookMaxBodyBytes) {
      throw new AppException(
        ErrorCode.PayloadTooLarge,
        `Webhook body larger than ${this.config.webhookMaxBodyBytes} bytes`,
      );
    }
    return this.ingest.receive(ats, tenant, { rawBody: req.rawBody, headers: req.headers });
  }
}
