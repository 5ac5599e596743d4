import { Inject, Injectable } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import {
  APP_CONFIG,
  AppConfig,
  AppException,
  ErrorCode,
  Metrics,
  RateLimitedException,
  RateLimiter,
  ValidationFailedException,
} from '@comeback/platform';

const MINUTE_MS = 60_000;

/**
 * The gate every webhook passes before anything is looked up or stored (ATS and HR-system receivers alike):
 * rate limit per source address (behind TRUSTED_PROXIES, the forwarded client), then a non-empty body under
 * the size cap; the raw bytes then go to the receiver's ingest (signature or token checked over them). Every
 * delivery is counted by source, outcome and reason (`comeback_webhook_deliveries_total`).
 */
@Injectable()
export class WebhookGate {
  constructor(
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  async receive<T extends { status: string }>(
    source: string,
    req: RawBodyRequest<Request>,
    ingest: (rawBody: Buffer) => Promise<T>,
  ): Promise<T> {
    try {
      const result = await ingest(await this.admit(req));
      this.metrics.webhookDeliveries.inc({ source, outcome: result.status, reason: '' });
      return result;
    } catch (err) {
      const reason = err instanceof AppException ? err.code : 'error';
      this.metrics.webhookDeliveries.inc({ source, outcome: 'refused', reason });
      throw err;
    }
  }

  private async admit(req: RawBodyRequest<Request>): Promise<Buffer> {
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
    return req.rawBody;
  }
}
