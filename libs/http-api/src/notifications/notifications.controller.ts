import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import {
  NotificationPreferenceDto,
  NotificationRunDto,
  NotificationSettingsDto,
  NotificationsService,
} from '@comeback/notifications';

/** The tenant's notification settings (HR), each person's own preferences, and an on-demand run (HR). */
@ApiTags('notifications')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('settings')
  @Authenticated('hr_admin')
  settings(@CurrentPrincipal() p: Principal) {
    return this.notifications.settings(p.tenantId);
  }

  @Put('settings')
  @Authenticated('hr_admin')
  saveSettings(@CurrentPrincipal() p: Principal, @Body() body: NotificationSettingsDto) {
    return this.notifications.saveSettings(p, {
      reviewWaitHours: body.reviewWaitHours,
      chat: body.chat ?? null,
    });
  }

  @Get('preferences/me')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  async preference(@CurrentPrincipal() p: Principal) {
    return { preference: await this.notifications.preference(p) };
  }

  @Put('preferences/me')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  savePreference(@CurrentPrincipal() p: Principal, @Body() body: NotificationPreferenceDto) {
    return this.notifications.savePreference(p, body);
  }

  /** Runs the tenant's notifications now (what the scheduled job does every 15 minutes). */
  @Post('run')
  @HttpCode(200)
  @Authenticated('hr_admin')
  run(@CurrentPrincipal() p: Principal, @Body() body: NotificationRunDto) {
    return this.notifications.runTenant(p.tenantId, new Date(), { forceDigest: body.forceDigest });
  }
}
