import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ssoPage, tokensPage, type PageContext } from '@comeback/console';
import {
  AppException,
  Authenticated,
  CurrentPrincipal,
  ErrorCode,
  MachineTokenService,
  type Principal,
  TenantService,
} from '@comeback/platform';
import { MachineTokenRequestDto, SsoService, SsoSettingsDto, toMachineTokenDto } from '@comeback/people';
import { ConsoleExceptionFilter, ConsoleHeadersInterceptor, CsrfGuard, Page } from './console-support';

/** HR's sign-in settings in the console: the tenant's OIDC provider and named machine tokens (same services as the API). */
@ApiExcludeController()
@Controller('console')
@Authenticated('hr_admin')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleAccessController {
  constructor(
    private readonly sso: SsoService,
    private readonly tenants: TenantService,
    private readonly tokens: MachineTokenService,
  ) {}

  @Get('sso')
  async ssoSettings(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Query('done') done: string | undefined,
  ): Promise<string> {
    return this.renderSso(ctx, p, {
      flash: done === 'saved' ? ctx.t('ssoSaved') : done === 'removed' ? ctx.t('ssoRemoved') : null,
    });
  }

  @Post('sso')
  async saveSso(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: SsoSettingsDto,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.sso.configure(p, {
        ...body,
        required: body.required ?? false,
        trustUnverifiedEmail: body.trustUnverifiedEmail ?? false,
      });
    } catch (err) {
      if (!(err instanceof AppException) || err.code !== ErrorCode.ValidationFailed) throw err;
      const form = {
        issuer: body.issuer,
        clientId: body.clientId,
        required: body.required ?? false,
        trustUnverifiedEmail: body.trustUnverifiedEmail ?? false,
      };
      res.status(200).send(await this.renderSso(ctx, p, { error: err.message, form }));
      return;
    }
    res.redirect(303, '/console/sso?done=saved');
  }

  @Post('sso/remove')
  async removeSso(@CurrentPrincipal() p: Principal, @Res() res: Response): Promise<void> {
    await this.sso.remove(p);
    res.redirect(303, '/console/sso?done=removed');
  }

  private async renderSso(
    ctx: PageContext,
    p: Principal,
    extra: Pick<Parameters<typeof ssoPage>[1], 'error' | 'flash' | 'form'>,
  ): Promise<string> {
    const [settings, tenant] = await Promise.all([
      this.sso.settings(p.tenantId),
      this.tenants.get(p.tenantId),
    ]);
    const base = new URL(this.sso.redirectUri);
    return ssoPage(ctx, {
      settings,
      redirectUri: this.sso.redirectUri,
      testLink: `${base.origin}/console/sso/start?tenant=${encodeURIComponent(tenant.slug)}`,
      ...extra,
    });
  }

  @Get('tokens')
  async tokensList(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Query('done') done: string | undefined,
  ): Promise<string> {
    return tokensPage(ctx, {
      tokens: (await this.tokens.list(p.tenantId)).map(toMachineTokenDto),
      flash: done === 'revoked' ? ctx.t('tokenRevokedFlash') : null,
    });
  }

  /** Mints a named token and shows it in this answer only (never stored in clear, never shown again). */
  @Post('tokens')
  async createToken(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: MachineTokenRequestDto,
  ): Promise<string> {
    const created = await this.tokens.create(p, {
      name: body.name,
      role: body.role ?? 'integration',
      expiresInDays: body.expiresInDays,
    });
    return tokensPage(ctx, {
      tokens: (await this.tokens.list(p.tenantId)).map(toMachineTokenDto),
      created: { name: body.name, token: created.token, jti: created.jti },
    });
  }

  @Post('tokens/:jti/revoke')
  async revokeToken(
    @CurrentPrincipal() p: Principal,
    @Param('jti') jti: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.tokens.revoke(p, jti);
    res.redirect(303, '/console/tokens?done=revoked');
  }
}
