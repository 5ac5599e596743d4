import { Controller, HttpCode, Inject, Param, ParseEnumPipe, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import {
  APP_CONFIG,
  AppConfig,
  AppException,
  ErrorCode,
  RateLimitedException,
  RateLimiter,
  ValidationFailedException,
} from '@comeback/platform';
import { HRIS_KINDS, HrisIngestResult, HrisKind, HrisWebhookIngestService } from '@comeback/hris';

const MINUTE_MS = 60_000;

/**
 * HR-system webhooks: `POST /webhooks/hris/:kind/:tenant`. Same gate as the ATS receiver: rate limit per
 * source address → size cap → authenticate → inbox → queue → 200.
 */
@ApiExcludeController()
@Controller('webhooks/hris')
export class HrisWebhooksController {
  constructor(
    private readonly ingest: HrisWebhookIngestService,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':kind/:tenant')
  @HttpCode(200)
  async receive(
    @Param('kind', new ParseEnumPipe(Object.fromEntries(HRIS_KINDS.map((k) => [k, k])))) kind: HrisKind,
    @Param('tenant') tenant: string,
    @Req() req: RawBodyRequest<Request>,
  ): Promise<HrisIngestResult> {
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
    return this.ingest.receive(kind, tenant, { rawBody: req.rawBody, headers: req.headers });
  }
}
