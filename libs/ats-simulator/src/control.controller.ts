import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Inject,
} from '@nestjs/common';
import { ControlService } from './control.service';
import type { GhCandidateSeed, SeedRequest, WkCandidateSeed, WkJobMemberSeed } from './control.types';
import { GreenhouseService } from './greenhouse.service';
import { SimulatorConfig, SimulatorConfigService } from './simulator-config.service';
import { ScopeCounters, TrafficService } from './traffic.service';
import { Delivery, WebhookDispatcher } from './webhook-dispatcher.service';

type OfferBody = {
  status?: string;
  startsOn?: string;
  sentOn?: string;
  customFields?: Record<string, unknown>;
  notify?: boolean;
};

function intParam(raw: string): number {
  if (!/^\d+$/.test(raw)) throw new BadRequestException({ message: `${raw} is not an id` });
  return Number(raw);
}

/** Test and demo controls. Not a vendor surface: no auth, no rate limit, plain JSON errors. */
@Controller('_sim')
export class ControlController {
  constructor(
    @Inject(ControlService) private readonly control: ControlService,
    @Inject(SimulatorConfigService) private readonly config: SimulatorConfigService,
    @Inject(TrafficService) private readonly traffic: TrafficService,
    @Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher,
    @Inject(GreenhouseService) private readonly greenhouse: GreenhouseService,
  ) {}

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.control.reset();
  }

  @Post('seed')
  seed(@Body() body: SeedRequest): Promise<Record<string, unknown>> {
    return this.control.seed(body ?? {});
  }

  @Get('state')
  state(): Record<string, unknown> {
    return this.control.snapshot();
  }

  @Get('config')
  getConfig(): SimulatorConfig {
    return this.config.current;
  }

  /** Partial update, e.g. {"greenhouse": {"rateLimit": {"enabled": false}}, "webhooks": {"timeScale": 0.00002}}. */
  @Put('config')
  putConfig(@Body() body: unknown): SimulatorConfig {
    const errors = this.config.apply(body);
    if (errors.length) throw new BadRequestException({ message: 'invalid config', errors });
    return this.config.current;
  }

  @Get('counters')
  counters(): Record<string, ScopeCounters> {
    return this.traffic.snapshot();
  }

  @Post('counters/reset')
  @HttpCode(204)
  resetCounters(): void {
    this.traffic.resetCounters();
  }

  @Get('deliveries')
  deliveries(): Delivery[] {
    return this.dispatcher.list();
  }

  @Delete('deliveries')
  @HttpCode(204)
  clearDeliveries(): void {
    this.dispatcher.clear();
  }

  /** Blocks until no webhook is in flight or waiting for a retry: lets an HTTP-only test settle. */
  @Post('deliveries/idle')
  @HttpCode(204)
  async idle(@Query('timeoutMs') timeoutMs?: string): Promise<void> {
    await this.dispatcher.idle(timeoutMs ? Number(timeoutMs) : undefined);
  }

  // ------------------------------------------------------------ Greenhouse

  @Post('greenhouse/webhooks')
  registerWebhook(
    @Body()
    body: {
      company?: string;
      url: string;
      secret?: string;
      action?: string;
      actions?: string[];
      secrets?: Record<string, string>;
    },
  ): Promise<Record<string, unknown>> {
    return this.control.registerGhWebhook(
      body.company ?? 'default',
      body.url,
      body.secret,
      body.action ? [body.action] : (body.actions ?? []),
      body.secrets,
    );
  }

  @Post('greenhouse/tokens/expire')
  expireTokens(): { expired: number } {
    return { expired: this.greenhouse.expireAllTokens() };
  }

  @Post('greenhouse/candidates')
  addGhCandidate(
    @Body() body: GhCandidateSeed & { company?: string; notify?: boolean },
  ): Record<string, unknown> {
    return this.control.addGhCandidate(body.company ?? 'default', body, body.notify ?? true);
  }

  @Post('greenhouse/applications/:id/stage')
  moveGhApplication(
    @Param('id') id: string,
    @Body() body: { stage: string | number; notify?: boolean },
  ): Record<string, unknown> {
    return this.control.moveGhApplication(intParam(id), body.stage, body.notify ?? true);
  }

  @Post('greenhouse/applications/:id/offers')
  createOffer(@Param('id') id: string, @Body() body: OfferBody): Record<string, unknown> {
    return this.control.createGhOffer(intParam(id), body ?? {}, body?.notify ?? true);
  }

  /** "Accept Offer": the application is hired and `hire_candidate` fires. */
  @Post('greenhouse/applications/:id/hire')
  hireGhApplication(
    @Param('id') id: string,
    @Body() body: { startsOn?: string; notify?: boolean },
  ): Record<string, unknown> {
    return this.control.hireGhApplication(intParam(id), body ?? {}, body?.notify ?? true);
  }

  @Post('greenhouse/applications/:id/reject')
  rejectGhApplication(@Param('id') id: string, @Body() body: { notify?: boolean }): Record<string, unknown> {
    return this.control.setGhVerdict(intParam(id), 'reject', body?.notify ?? true);
  }

  @Post('greenhouse/applications/:id/unhire')
  unhireGhApplication(@Param('id') id: string, @Body() body: { notify?: boolean }): Record<string, unknown> {
    return this.control.setGhVerdict(intParam(id), 'unhire', body?.notify ?? true);
  }

  @Patch('greenhouse/offers/:id')
  updateOffer(@Param('id') id: string, @Body() body: OfferBody): Record<string, unknown> {
    return this.control.updateGhOffer(intParam(id), body ?? {}, body?.notify ?? true);
  }

  @Post('greenhouse/trigger')
  triggerGh(
    @Body() body: { action: string; applicationId?: number; offerId?: number },
  ): Record<string, unknown> {
    return this.control.triggerGh(body.action, body);
  }

  // ------------------------------------------------------------ Workable

  @Post('workable/candidates')
  addWkCandidate(
    @Body() body: WkCandidateSeed & { company?: string; notify?: boolean },
  ): Record<string, unknown> {
    return this.control.addWkCandidate(body.company ?? 'default', body, body.notify ?? true);
  }

  /** A Site Admin changes a job's hiring managers in Greenhouse (e-mails of seeded users). */
  @Put('greenhouse/jobs/:id/hiring-managers')
  setGhHiringManagers(
    @Param('id') id: string,
    @Body() body: { emails: string[]; company?: string },
  ): Record<string, unknown> {
    return this.control.setGhHiringManagers(intParam(id), body.emails ?? [], body.company);
  }

  /** Someone changes a job's hiring team in Workable (e-mails of seeded members, role in the team). */
  @Put('workable/jobs/:shortcode/members')
  setWkJobMembers(
    @Param('shortcode') shortcode: string,
    @Body() body: { members: WkJobMemberSeed[]; company?: string },
  ): Record<string, unknown> {
    return this.control.setWkJobMembers(body.company ?? 'default', shortcode, body.members ?? []);
  }

  @Post('workable/candidates/:id/stage')
  moveWkCandidate(
    @Param('id') id: string,
    @Body() body: { stage: string; notify?: boolean },
  ): Record<string, unknown> {
    return this.control.moveWkCandidate(id, body.stage, body.notify ?? true);
  }

  @Post('workable/candidates/:id/hire')
  hireWkCandidate(@Param('id') id: string, @Body() body: { notify?: boolean }): Record<string, unknown> {
    return this.control.setWkVerdict(id, 'hire', body?.notify ?? true);
  }

  @Post('workable/candidates/:id/disqualify')
  disqualifyWkCandidate(
    @Param('id') id: string,
    @Body() body: { notify?: boolean },
  ): Record<string, unknown> {
    return this.control.setWkVerdict(id, 'disqualify', body?.notify ?? true);
  }

  @Post('workable/trigger')
  triggerWk(@Body() body: { event: string; candidateId: string }): Record<string, unknown> {
    return this.control.triggerWk(body.event, body.candidateId);
  }
}
