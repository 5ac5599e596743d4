import { Controller, HttpCode, Param, ParseEnumPipe, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { AtsKind, ATS_KINDS } from '@comeback/ats';
import { IngestResult, WebhookIngestService } from '@comeback/pipeline';
import { WebhookGate } from './webhook-gate';

/**
 * Where every ATS webhook enters: `POST /webhooks/:ats/:tenant` (e.g. /webhooks/<kind>/<tenant id>).
 * Rate limit per source address → size cap (WebhookGate) → verify → inbox → queue → 200. The worker's
 * `AtsEventProcessor` takes it from there. Nothing is looked up or stored for a source over its budget or a
 * body over the cap.
 */
@ApiExcludeController()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly ingest: WebhookIngestService,
    private readonly gate: WebhookGate,
  ) {}

  @Post(':ats/:tenant')
  @HttpCode(200)
  async receive(
    @Param('ats', new ParseEnumPipe(Object.fromEntries(ATS_KINDS.map((k) => [k, k])))) ats: AtsKind,
    @Param('tenant') tenant: string,
    @Req() req: RawBodyRequest<Request>,
  ): Promise<IngestResult> {
    return this.gate.receive(ats, req, (rawBody) =>
      this.ingest.receive(ats, tenant, { rawBody, headers: req.headers }),
    );
  }
}
