import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseEnumPipe,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  atsConnectionsPage,
  type AtsPanel,
  backfillPage,
  type CheckItemView,
  type PageContext,
  settingsPage,
} from '@comeback/console';
import { DEFAULT_MATCH_THRESHOLDS, DEFAULT_MAX_REVIEW_SHARE } from '@comeback/domain';
import { ATS_KINDS, AtsConnectorRegistry, AtsKind } from '@comeback/ats';
import {
  APP_CONFIG,
  type AppConfig,
  AppException,
  AuditService,
  Authenticated,
  CurrentPrincipal,
  type Principal,
  TenantService,
} from '@comeback/platform';
import {
  AtsConnectionDto,
  AtsConnectionService,
  BackfillService,
  ConsoleSettingsFormDto,
} from '@comeback/pipeline';
import { ConsoleExceptionFilter, ConsoleHeadersInterceptor, CsrfGuard, Page } from './console-support';

const atsPipe = new ParseEnumPipe(Object.fromEntries(ATS_KINDS.map((k) => [k, k])));

/**
 * HR's ATS connection in the console: save it (secrets are never echoed back), run the connection check, start
 * and follow a backfill of open applications. The same services as `IntegrationController`'s REST routes.
 */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleIntegrationController {
  constructor(
    private readonly connections: AtsConnectionService,
    private readonly backfills: BackfillService,
    private readonly ats: AtsConnectorRegistry,
    private readonly tenants: TenantService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('ats')
  @Authenticated('hr_admin')
  async page(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<string> {
    return this.render(ctx, p, {
      flash: req.query.done === 'saved' ? ctx.t('connectionSavedMsg') : null,
    });
  }

  @Post('ats/:ats')
  @Authenticated('hr_admin')
  async save(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Body() body: AtsConnectionDto,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.connections.upsert(p, { kind: ats, ...body }, this.webhookUrl(p, ats));
    } catch (err) {
      // A refusal by the ATS (or a host not allowed) is shown on the form's page, not as an error page.
      if (!(err instanceof AppException)) throw err;
      res.status(422).send(await this.render(ctx, p, { error: err.message }));
      return;
    }
    res.redirect(303, '/console/ats?done=saved');
  }

  @Post('ats/:ats/check')
  @Authenticated('hr_admin')
  async check(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
  ): Promise<string> {
    const result = await this.connections.check(p, ats, this.webhookUrl(p, ats));
    const items: CheckItemView[] = result.items.map((i) => ({
      check: i.check,
      status: i.status,
      message: i.message,
    }));
    return this.render(ctx, p, {
      check: { label: this.ats.get(ats).displayName, ok: result.ok, items },
    });
  }

  @Post('ats/:ats/backfills')
  @Authenticated('hr_admin')
  async startBackfill(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Res() res: Response,
  ): Promise<void> {
    const run = await this.backfills.start(p, ats);
    res.redirect(303, `/console/backfills/${run.id}`);
  }

  @Get('backfills/:id')
  @Authenticated('hr_admin')
  async backfill(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    return backfillPage(ctx, await this.backfills.get(p.tenantId, id));
  }

  @Post('backfills/:id/resume')
  @Authenticated('hr_admin')
  async resume(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.backfills.resume(p.tenantId, id);
    res.redirect(303, `/console/backfills/${id}`);
  }

  @Get('settings')
  @Authenticated('hr_admin')
  async settings(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<string> {
    const t = await this.tenants.get(p.tenantId);
    const configured = t.settings.matchThresholds ?? {};
    return settingsPage(ctx, {
      match: configured.match ?? DEFAULT_MATCH_THRESHOLDS.match,
      reviewMode: configured.review === undefined ? 'budget' : 'fixed',
      maxReviewSharePercent: Math.round((configured.maxReviewShare ?? DEFAULT_MAX_REVIEW_SHARE) * 1000) / 10,
      review: configured.review ?? DEFAULT_MATCH_THRESHOLDS.review,
      language: t.settings.language ?? 'ja',
      companyNames: (t.settings.companyNames ?? []).join('\n'),
      flash: req.query.done === 'saved' ? ctx.t('saved') : null,
    });
  }

  @Post('settings')
  @Authenticated('hr_admin')
  async saveSettings(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: ConsoleSettingsFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const current = await this.tenants.get(p.tenantId);
    const typedNames = body.companyNames ?? (current.settings.companyNames ?? []).join('\n');
    const companyNames = companyNameLines(typedNames);
    // Shown at the form, in the viewer's language, with what they typed.
    const refuse = (error: string): void => {
      res.status(400).send(settingsPage(ctx, { ...body, companyNames: typedNames, error }));
    };
    if (body.reviewMode === 'fixed' && body.review >= body.match) return refuse(ctx.t('thresholdsInvalid'));
    if (!companyNames) return refuse(ctx.t('companyNamesInvalid'));
    // Without a fixed review score the threshold follows the budget (MatchingService): saving the page must not
    // turn the budget off, as a form that always sent a score did.
    const { review: _fixed, ...rest } = current.settings.matchThresholds ?? {};
    const settings = {
      matchThresholds: {
        ...rest,
        match: body.match,
        maxReviewShare: body.maxReviewSharePercent / 100,
        ...(body.reviewMode === 'fixed' ? { review: body.review } : {}),
      },
      language: body.language,
      companyNames,
    };
    await this.tenants.updateSettings(p.tenantId, settings);
    await this.audit.record(p, { action: 'tenant.settings', details: settings });
    res.redirect(303, '/console/settings?done=saved');
  }

  private webhookUrl(p: Principal, ats: AtsKind): string {
    return `${this.config.publicBaseUrl}/webhooks/${ats}/${p.tenantId}`;
  }

  private async render(
    ctx: PageContext,
    p: Principal,
    extra: {
      flash?: string | null;
      error?: string | null;
      check?: { label: string; ok: boolean; items: CheckItemView[] };
    },
  ): Promise<string> {
    const panels: AtsPanel[] = [];
    for (const connector of this.ats.all()) {
      const c = await this.connections.find(p.tenantId, connector.kind);
      panels.push({
        kind: connector.kind,
        label: connector.displayName,
        credentialStyle: connector.credentialStyle,
        webhookUrl: this.webhookUrl(p, connector.kind),
        // Only what may be shown: never a secret, only whether a webhook secret is stored.
        saved: c
          ? {
              apiBaseUrl: c.apiBaseUrl,
              authUrl: c.authUrl,
              clientId: c.clientId,
              actingUserId: c.actingUserId,
              offerSalaryField: c.offerSalaryField,
              hasWebhookSecret: c.webhookSecret !== null,
            }
          : null,
      });
    }
    return atsConnectionsPage(ctx, {
      panels,
      backfills: await this.backfills.recent(p.tenantId, 10),
      ...extra,
    });
  }
}

/** A textarea's company names: trimmed, blank lines and repeats dropped; null when over the limits. */
function companyNameLines(text: string): string[] | null {
  const names = [
    ...new Set(
      text
        .split(/\r?\n/u)
        .map((l) => l.trim())
        .filter((l) => l.length > 0),
    ),
  ];
  return names.length <= 20 && names.every((n) => n.length <= 100) ? names : null;
}
