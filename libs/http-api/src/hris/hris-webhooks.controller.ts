import { Controller, HttpCode, Param, ParseEnumPipe, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { HRIS_KINDS, HrisIngestResult, HrisKind, HrisWebhookIngestService } from '@comeback/hris';
import { WebhookGate } from '../webhooks/webhook-gate';

/**
 * HR-system webhooks: `POST /webhooks/hris/:kind/:tenant`. Same gate as the ATS receiver (WebhookGate: rate
 * limit per source address → size cap), then authenticate → inbox → queue → 200.
 */
@ApiExcludeController()
@Controller('webhooks/hris')
export class HrisWebhooksController {
  constructor(
    private readonly ingest: HrisWebhookIngestService,
    private readonly gate: WebhookGate,
  ) {}

  @Post(':kind/:tenant')
  @HttpCode(200)
  async receive(
    @Param('kind', new ParseEnumPipe(Object.fromEntries(HRIS_KINDS.map((k) => [k, k])))) kind: HrisKind,
    @Param('tenant') tenant: string,
    @Req() req: RawBodyRequest<Request>,
  ): Promise<HrisIngestResult> {
    return this.gate.receive(`hris:${kind}`, req, (rawBody) =>
      this.ingest.receive(kind, tenant, { rawBody, headers: req.headers }),
    );
  }
}
