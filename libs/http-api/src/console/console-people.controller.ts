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
import type { Request, Response } from 'express';
import {
  invitationPage,
  linkInvalidPage,
  mailboxPage,
  peoplePage,
  resetConfirmPage,
  resetRequestPage,
  signInPage,
  type PageContext,
  type SignInMessage,
} from '@comeback/console';
import {
  APP_CONFIG,
  type AppConfig,
  AppException,
  Authenticated,
  CurrentPrincipal,
  ErrorCode,
  MailOutbox,
  NotFoundException,
  type Principal,
} from '@comeback/platform';
import {
  InvitationAcceptFormDto,
  InvitationRequestDto,
  LinkQueryDto,
  PasswordSignInFormDto,
  PeopleService,
  peopleTexts,
  ResetConfirmFormDto,
  ResetRequestFormDto,
  RoleFormDto,
  SignInService,
  SsoService,
} from '@comeback/people';
import {
  ConsoleExceptionFilter,
  ConsoleHeadersInterceptor,
  CsrfGuard,
  Page,
  setTokenCookie,
} from './console-support';

const TENANT_COOKIE = 'comeback_tenant';
const OIDC_COOKIE = '__Host-comeback_oidc';
const SIGN_IN_MESSAGES: readonly SignInMessage[] = [
  'invalid',
  'sso_required',
  'sso_failed',
  'sso_unknown',
  'reset_done',
];

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function rememberTenant(res: Response, slug: string): void {
  // Not a secret, only a convenience for the next sign-in on this browser.
  res.cookie(TENANT_COOKIE, slug, {
    sameSite: 'lax',
    secure: true,
    httpOnly: true,
    path: '/',
    maxAge: 365 * 86400_000,
  });
}

function ip(req: Request): string {
  return req.ip ?? 'unknown';
}

/** Sign-in (password, SSO), invitations, password reset, HR's People page and the embedded mode's mailbox. */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
export class ConsolePeopleController {
  constructor(
    private readonly signIn: SignInService,
    private readonly people: PeopleService,
    private readonly sso: SsoService,
    private readonly outbox: MailOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  @UseInterceptors(ConsoleHeadersInterceptor)
  async login(@Page() ctx: PageContext, @Req() req: Request, @Query() q: LinkQueryDto): Promise<string> {
    const tenant = (q.tenant ?? cookieOf(req, TENANT_COOKIE) ?? '').trim().toLowerCase();
    const message =
      q.error === 'invalid' && q.done === undefined && !SIGN_IN_MESSAGES.includes(q.flash as SignInMessage)
        ? 'token_invalid'
        : ([q.flash, q.error].find((m) => SIGN_IN_MESSAGES.includes(m as SignInMessage)) as
            SignInMessage | undefined);
    return signInPage(ctx, {
      tenant,
      ssoEnabled: tenant ? await this.sso.enabledFor(tenant) : false,
      message: message ?? null,
    });
  }

  @Post('sign-in')
  async passwordSignIn(
    @Body() body: PasswordSignInFormDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.signIn.signInWithPassword({ ...body, ip: ip(req) });
    const tenant = encodeURIComponent(body.tenant.toLowerCase());
    if (!result.ok) {
      res.redirect(303, `/console/login?tenant=${tenant}&flash=${result.reason}`);
      return;
    }
    rememberTenant(res, body.tenant.toLowerCase());
    setTokenCookie(req, res, result.token);
    res.redirect(303, '/console');
  }

  // --- single sign-on

  @Get('sso/start')
  async ssoStart(@Query() q: LinkQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.signIn.throttle(ip(req));
    const begun = await this.sso.begin(q.tenant ?? '', q.invitation);
    if (!begun) throw new NotFoundException('Single sign-on for this organisation');
    res.cookie(OIDC_COOKIE, begun.cookie, {
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 10 * 60_000,
    });
    rememberTenant(res, (q.tenant ?? '').trim().toLowerCase());
    res.redirect(303, begun.url);
  }

  @Get('sso/callback')
  async ssoCallback(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.signIn.throttle(ip(req));
    const query = req.originalUrl.includes('?')
      ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
      : '';
    const result = await this.sso.complete(cookieOf(req, OIDC_COOKIE), query);
    res.clearCookie(OIDC_COOKIE, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
    if (!result.ok) {
      res.redirect(
        303,
        `/console/login?flash=${result.reason === 'unknown_person' ? 'sso_unknown' : 'sso_failed'}`,
      );
      return;
    }
    setTokenCookie(req, res, result.token);
    res.redirect(303, '/console');
  }

  // --- invitations

  @Get('invitation')
  @UseInterceptors(ConsoleHeadersInterceptor)
  async invitation(@Page() ctx: PageContext, @Query() q: LinkQueryDto): Promise<string> {
    const invitation = q.token ? await this.people.invitationFor(q.token) : null;
    if (!invitation || !q.token) return linkInvalidPage(ctx);
    const tenant = q.tenant ?? '';
    return invitationPage(ctx, {
      token: q.token,
      tenant,
      invitation,
      ssoEnabled: tenant ? await this.sso.enabledFor(tenant) : false,
    });
  }

  @Post('invitation')
  async acceptInvitation(
    @Page() ctx: PageContext,
    @Body() body: InvitationAcceptFormDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.signIn.throttle(ip(req));
    const invitation = await this.people.invitationFor(body.token);
    if (!invitation) {
      this.html(res, 410, linkInvalidPage(ctx));
      return;
    }
    try {
      const person = await this.people.acceptInvitation(invitation, {
        displayName: body.displayName,
        password: body.password,
      });
      if (!person) {
        this.html(res, 410, linkInvalidPage(ctx));
        return;
      }
      if (body.tenant) rememberTenant(res, body.tenant.toLowerCase());
      setTokenCookie(req, res, await this.signIn.openSession(person, 'invitation'));
      res.redirect(303, '/console');
    } catch (err) {
      if (!(err instanceof AppException) || err.code !== ErrorCode.ValidationFailed) throw err;
      this.html(
        res,
        400,
        invitationPage(ctx, {
          token: body.token,
          tenant: body.tenant ?? '',
          invitation,
          ssoEnabled: false,
          error: true,
        }),
      );
    }
  }

  // --- password reset

  @Get('password-reset')
  @UseInterceptors(ConsoleHeadersInterceptor)
  resetRequest(@Page() ctx: PageContext, @Req() req: Request, @Query() q: LinkQueryDto): string {
    return resetRequestPage(ctx, {
      tenant: (q.tenant ?? cookieOf(req, TENANT_COOKIE) ?? '').toLowerCase(),
      sent: q.done === 'sent',
    });
  }

  /** The same answer whether or not the e-mail belongs to anyone. */
  @Post('password-reset')
  async requestReset(
    @Body() body: ResetRequestFormDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.signIn.requestPasswordReset({ ...body, ip: ip(req) });
    res.redirect(
      303,
      `/console/password-reset?done=sent&tenant=${encodeURIComponent(body.tenant.toLowerCase())}`,
    );
  }

  @Get('password-reset/confirm')
  @UseInterceptors(ConsoleHeadersInterceptor)
  async resetConfirm(@Page() ctx: PageContext, @Query() q: LinkQueryDto): Promise<string> {
    if (!q.token || !(await this.signIn.resetIsOpen(q.token))) return linkInvalidPage(ctx);
    return resetConfirmPage(ctx, { token: q.token, tenant: q.tenant ?? '' });
  }

  @Post('password-reset/confirm')
  async reset(
    @Page() ctx: PageContext,
    @Body() body: ResetConfirmFormDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.signIn.throttle(ip(req));
    try {
      if (!(await this.signIn.resetPassword(body.token, body.password))) {
        this.html(res, 410, linkInvalidPage(ctx));
        return;
      }
    } catch (err) {
      if (!(err instanceof AppException) || err.code !== ErrorCode.ValidationFailed) throw err;
      this.html(
        res,
        400,
        resetConfirmPage(ctx, { token: body.token, tenant: body.tenant ?? '', error: true }),
      );
      return;
    }
    res.redirect(303, `/console/login?flash=reset_done&tenant=${encodeURIComponent(body.tenant ?? '')}`);
  }

  // --- HR: people

  @Get('people')
  @Authenticated('hr_admin')
  @UseInterceptors(ConsoleHeadersInterceptor)
  async peopleList(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Query() q: LinkQueryDto,
  ): Promise<string> {
    const t = peopleTexts(ctx.lang);
    return peoplePage(ctx, {
      people: await this.people.list(p.tenantId),
      invitations: await this.people.openInvitations(p.tenantId),
      selfId: p.personId,
      flash: q.flash === 'invited' ? t('invited') : q.flash === 'saved' ? t('saved') : null,
    });
  }

  @Post('people/invitations')
  @Authenticated('hr_admin')
  async invite(
    @CurrentPrincipal() p: Principal,
    @Body() body: InvitationRequestDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.people.invite(p, body);
    res.redirect(303, '/console/people?flash=invited');
  }

  @Post('people/:id/role')
  @Authenticated('hr_admin')
  async role(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RoleFormDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.people.changeRole(p, id, body.role);
    res.redirect(303, '/console/people?flash=saved');
  }

  @Post('people/:id/deactivate')
  @Authenticated('hr_admin')
  async deactivate(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.people.deactivate(p, id);
    res.redirect(303, '/console/people?flash=saved');
  }

  @Post('people/:id/reactivate')
  @Authenticated('hr_admin')
  async reactivate(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.people.reactivate(p, id);
    res.redirect(303, '/console/people?flash=saved');
  }

  // --- embedded mode: the local mailbox

  /** Embedded mode only (one local user, nothing is sent): the mail the demo would have sent. */
  @Get('dev/mailbox')
  @UseInterceptors(ConsoleHeadersInterceptor)
  async mailbox(@Page() ctx: PageContext): Promise<string> {
    if (!this.config.embedded) throw new NotFoundException('Page');
    return mailboxPage(ctx, await this.outbox.latest(50));
  }

  private html(res: Response, status: number, page: string): void {
    res.status(status).type('html').setHeader('Cache-Control', 'no-store').send(page);
  }
}
