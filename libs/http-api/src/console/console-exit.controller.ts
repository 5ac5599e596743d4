import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import {
  exitFormPage,
  exitListPage,
  exitTexts,
  hrisRunsPage,
  leaverErasedPage,
  leaverLinkRefusedPage,
  leaverPage,
  type PageContext,
} from '@comeback/console';
import { HrisConnectionService, HrisSyncService } from '@comeback/hris';
import {
  AppException,
  Authenticated,
  CurrentPrincipal,
  ErrorCode,
  type Principal,
  RateLimitedException,
  RateLimiter,
} from '@comeback/platform';
import {
  ExitInterviewInputDto,
  ExitInterviewService,
  LeaverLinkRequestDto,
  LeaverLinkService,
  type LeaverLinkState,
} from '@comeback/registry';
import { ConsoleExceptionFilter, ConsoleHeadersInterceptor, CsrfGuard, Page } from './console-support';

/** The leaver's page is public: a few tries per minute per source address is plenty for a person. */
const LEAVER_REQUESTS_PER_MINUTE = 30;

// Loose on purpose: a mangled token is the link service's "not valid" page, not a validation error.
export class LeaverTokenQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  t?: string;

  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: string;

  @IsOptional()
  @IsIn(['saved', 'withdrawn'])
  done?: string;
}

export class LeaverTokenFormDto {
  @IsString()
  @MaxLength(200)
  t!: string;
}

export class LeaverContactFormDto extends LeaverTokenFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @IsOptional()
  @IsIn(['true'])
  stayInTouch?: string;
}

export class LeaverEraseFormDto extends LeaverTokenFormDto {
  @IsOptional()
  @IsIn(['yes'])
  confirm?: string;
}

export class HrisRunQueryDto {
  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: string;

  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/i)
  run?: string;

  @IsOptional()
  @IsIn(['reconcile'])
  done?: string;
}

/**
 * The exit interview form (HR, and the manager HR named as interviewer), the leaver's own page (public, reached
 * by their personal link, rate-limited per source address, CSRF-checked like every console form) and HR's
 * HR-system runs page. Thin: each handler calls the same services as the REST API.
 */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleExitController {
  constructor(
    private readonly exits: ExitInterviewService,
    private readonly links: LeaverLinkService,
    private readonly sync: HrisSyncService,
    private readonly connections: HrisConnectionService,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
  ) {}

  // ---- Exit interviews ----

  @Get('exit-interviews')
  @Authenticated('hr_admin', 'hiring_manager')
  async list(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    return exitListPage(ctx, await this.exits.list(p, 100));
  }

  @Get('exit-interviews/:alumnusId')
  @Authenticated('hr_admin', 'hiring_manager')
  async form(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
    @Req() req: Request,
  ): Promise<string> {
    const t = exitTexts(ctx.lang);
    const done = req.query.done;
    return this.renderForm(
      ctx,
      p,
      alumnusId,
      done === 'saved' ? t('saved') : done === 'sent' ? t('linkSent') : null,
      null,
    );
  }

  @Post('exit-interviews/:alumnusId')
  @Authenticated('hr_admin', 'hiring_manager')
  async save(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
    @Body() body: ExitInterviewInputDto,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.exits.save(p, alumnusId, body);
    } catch (err) {
      if (!(err instanceof AppException) || err.code !== ErrorCode.ValidationFailed) throw err;
      res.status(400).send(await this.renderForm(ctx, p, alumnusId, null, err.message));
      return;
    }
    res.redirect(303, `/console/exit-interviews/${alumnusId}?done=saved`);
  }

  @Post('exit-interviews/:alumnusId/leaver-link')
  @Authenticated('hr_admin')
  async sendLink(
    @CurrentPrincipal() p: Principal,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
    @Body() body: LeaverLinkRequestDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.links.send(p, alumnusId, { to: body.to, language: body.language });
    res.redirect(303, `/console/exit-interviews/${alumnusId}?done=sent`);
  }

  private async renderForm(
    ctx: PageContext,
    p: Principal,
    alumnusId: string,
    flash: string | null,
    error: string | null,
  ): Promise<string> {
    const view = await this.exits.get(p, alumnusId);
    const history = p.role === 'hr_admin' ? await this.exits.history(p, alumnusId) : null;
    return exitFormPage(ctx, { view, history, flash, error });
  }

  // ---- The leaver's own page (public) ----

  @Get('leaver')
  async leaver(
    @Page() ctx: PageContext,
    @Query() q: LeaverTokenQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const state = await this.openLink(ctx, req, res, q.t);
    if (!state) return;
    const t = exitTexts(ctx.lang);
    const flash = q.done === 'saved' ? t('savedMine') : q.done === 'withdrawn' ? t('withdrawn') : null;
    res.status(200).send(this.renderLeaver(ctx, q.t!, state, flash, null));
  }

  @Post('leaver')
  async leaverSave(
    @Page() ctx: PageContext,
    @Body() body: LeaverContactFormDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const state = await this.openLink(ctx, req, res, body.t);
    if (!state) return;
    try {
      await this.links.saveContacts(state, {
        email: body.email ?? '',
        phone: body.phone ?? '',
        stayInTouch: body.stayInTouch === 'true',
      });
    } catch (err) {
      if (!(err instanceof AppException) || err.code !== ErrorCode.ValidationFailed) throw err;
      res.status(400).send(this.renderLeaver(ctx, body.t, state, null, err.message, body));
      return;
    }
    res.redirect(303, `/console/leaver?${new URLSearchParams({ t: body.t, done: 'saved' }).toString()}`);
  }

  @Post('leaver/withdraw')
  async leaverWithdraw(
    @Page() ctx: PageContext,
    @Body() body: LeaverTokenFormDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const state = await this.openLink(ctx, req, res, body.t);
    if (!state) return;
    await this.links.withdraw(state);
    res.redirect(303, `/console/leaver?${new URLSearchParams({ t: body.t, done: 'withdrawn' }).toString()}`);
  }

  @Post('leaver/erase')
  async leaverErase(
    @Page() ctx: PageContext,
    @Body() body: LeaverEraseFormDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const state = await this.openLink(ctx, req, res, body.t);
    if (!state) return;
    if (body.confirm !== 'yes') {
      const t = exitTexts(ctx.lang);
      res.status(400).send(this.renderLeaver(ctx, body.t, state, null, t('eraseNeedsConfirm')));
      return;
    }
    await this.links.erase(state);
    res.status(200).send(leaverErasedPage(ctx));
  }

  private renderLeaver(
    ctx: PageContext,
    token: string,
    state: Extract<LeaverLinkState, { ok: true }>,
    flash: string | null,
    error: string | null,
    typed?: { email?: string; phone?: string },
  ): string {
    const e = state.interview;
    return leaverPage(ctx, {
      token,
      name: `${state.alumnus.familyName} ${state.alumnus.givenName}`,
      email: typed?.email ?? e?.personalEmails[0] ?? '',
      phone: typed?.phone ?? e?.personalPhones[0] ?? '',
      consent: e?.consent ?? 'unknown',
      flash,
      error,
    });
  }

  /**
   * Every leaver request: throttled per address, then the link opened; an expired (410) or unknown/tampered (404)
   * link answers its refusal page here and the caller writes nothing.
   */
  private async openLink(
    ctx: PageContext,
    req: Request,
    res: Response,
    token: string | undefined,
  ): Promise<Extract<LeaverLinkState, { ok: true }> | null> {
    await this.throttle(req);
    const state = await this.links.open(token);
    if (state.ok) return state;
    res.status(state.reason === 'expired' ? 410 : 404).send(leaverLinkRefusedPage(ctx, state.reason));
    return null;
  }

  private async throttle(req: Request): Promise<void> {
    const wait = await this.limiter.tryAcquire(
      `leaver-page:${req.ip ?? 'unknown'}`,
      LEAVER_REQUESTS_PER_MINUTE,
      60_000,
    );
    if (wait > 0) throw new RateLimitedException(wait);
  }

  // ---- HR-system runs ----

  @Get('hris')
  @Authenticated('hr_admin')
  async hris(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Query() q: HrisRunQueryDto,
  ): Promise<string> {
    const runs = await this.sync.listRuns(p.tenantId, 100);
    const selected = q.run ? await this.sync.getRun(p.tenantId, q.run) : null;
    const connected = (await this.connections.view(p.tenantId, 'smarthr')) !== null;
    return hrisRunsPage(ctx, {
      runs,
      selected,
      connected,
      flash: q.done === 'reconcile' ? exitTexts(ctx.lang)('reconcileQueued') : null,
    });
  }

  @Post('hris/reconcile')
  @Authenticated('hr_admin')
  async reconcile(@CurrentPrincipal() p: Principal, @Res() res: Response): Promise<void> {
    await this.sync.requestReconcile(p.tenantId, 'smarthr');
    res.redirect(303, '/console/hris?done=reconcile');
  }
}
