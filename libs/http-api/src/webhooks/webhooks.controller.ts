import { Controller, HttpCode, Param, ParseEnumPipe, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { AtsKind, ATS_KINDS } from '@comeback/ats';
import { ValidationFailedException } from '@comeback/platform';
import { IngestResult, WebhookIngestService } from '@comeback/pipeline';

/**
 * Where every ATS webhook enters: `POST /webhooks/:ats/:tenant` (e.g. /webhooks/greenhouse/<tenant id>).
 * Verify → inbox → queue → 200. The worker's `AtsEventProcessor` takes it from there.
 */
@ApiExcludeController()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly ingest: WebhookIngestService) {}

  @Post(':ats/:tenant')
  @HttpCode(200)
  receive(
    @Param('ats', new ParseEnumPipe(Object.fromEntries(ATS_KINDS.map((k) => [k, k])))) ats: AtsKind,
    @Param('tenant') tenant: string,
    @Req() req: RawBodyRequest<Request>,
  ): Promise<IngestResult> {
    if (!req.rawBody || req.rawBody.length === 0) throw new ValidationFailedException('Empty webhook body');
    return this.ingest.receive(ats, tenant, { rawBody: req.rawBody, headers: req.headers });
  }
}
