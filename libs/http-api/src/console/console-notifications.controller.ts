import {
  Body,
  Controller,
  Get,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { PageContext } from '@comeback/console';
import { notificationsPage } from '@comeback/console/views/pages/notifications.pages';
import {
  EVENT_ROLES,
  NOTIFICATION_EVENTS,
  NotificationPreferenceFormDto,
  NotificationSettingsFormDto,
  NotificationsService,
} from '@comeback/notifications';
import {
  Authenticated,
  CurrentPrincipal,
  type Principal,
  ValidationFailedException,
} from '@comeback/platform';
import { ConsoleExceptionFilter, ConsoleHeadersInterceptor, CsrfGuard, Page } from './console-support';

/** Notification settings in the console: each person's own choices, and (HR) the company's channel and limit. */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleNotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  async page(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<string> {
    return this.render(ctx, p, { flash: req.query.done === 'saved' ? 'saved' : null });
  }

  @Post('notifications/preferences')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  async savePreference(
    @CurrentPrincipal() p: Principal,
    @Body() body: NotificationPreferenceFormDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.notifications.savePreference(p, {
      email: body.email,
      language: body.language,
      events: body.events,
      mode: body.mode,
    });
    res.redirect(303, '/console/notifications?done=saved');
  }

  @Post('notifications/settings')
  @Authenticated('hr_admin')
  async saveSettings(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: NotificationSettingsFormDto,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.notifications.saveSettings(p, {
        reviewWaitHours: body.reviewWaitHours,
        chat: body.chatKind
          ? {
              kind: body.chatKind,
              webhookUrl: body.webhookUrl,
              events: body.chatEvents,
              language: body.chatLanguage,
            }
          : null,
      });
    } catch (err) {
      if (!(err instanceof ValidationFailedException)) throw err;
      // Shown at the form; the refused URL is not echoed back.
      res
        .status(400)
        .type('html')
        .send(
          await this.render(ctx, p, {
            error:
              ctx.lang === 'ja'
                ? 'この Webhook URL は使えません（https で、Slack または Teams のホストである必要があります）。'
                : 'This webhook URL cannot be used (it must be https on a Slack or Teams host).',
          }),
        );
      return;
    }
    res.redirect(303, '/console/notifications?done=saved');
  }

  private async render(
    ctx: PageContext,
    p: Principal,
    msg: { flash?: string | null; error?: string | null },
  ): Promise<string> {
    const settings = p.role === 'hr_admin' ? await this.notifications.settings(p.tenantId) : null;
    return notificationsPage(ctx, {
      availableEvents: NOTIFICATION_EVENTS.filter((e) => EVENT_ROLES[e].includes(p.role)),
      preference: await this.notifications.preference(p),
      settings: settings ? { ...settings, allEvents: NOTIFICATION_EVENTS } : null,
      ...msg,
    });
  }
}
