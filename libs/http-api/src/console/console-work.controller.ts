import {
  Body,
  Controller,
  Get,
  Param,
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
  applicationsPage,
  briefingPage,
  briefingsListPage,
  BriefingService,
  type CandidateSummary,
  type PageContext,
  ReviewConfirmFormDto,
  reviewItemPage,
  reviewListPage,
} from '@comeback/console';
import { Authenticated, CurrentPrincipal, type Principal } from '@comeback/platform';
import { ReviewQueueService, TrackedApplicationsService } from '@comeback/pipeline';
import { AlumniService } from '@comeback/registry';
import { ConsoleExceptionFilter, ConsoleHeadersInterceptor, CsrfGuard, Page } from './console-support';

/** Recruiters' (and HR's) pages: flagged applications and the review queue. */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleWorkController {
  constructor(
    private readonly applications: TrackedApplicationsService,
    private readonly review: ReviewQueueService,
    private readonly alumni: AlumniService,
    private readonly briefings: BriefingService,
  ) {}

  @Get('applications')
  @Authenticated('hr_admin', 'recruiter')
  async applicationsPage(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    return applicationsPage(ctx, await this.applications.listFlagged(p, 200));
  }

  @Get('review')
  @Authenticated('hr_admin', 'recruiter')
  async reviewList(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<string> {
    const flash =
      req.query.done === 'confirmed'
        ? ctx.t('confirmed')
        : req.query.done === 'rejected'
          ? ctx.t('rejectedMsg')
          : null;
    return reviewListPage(ctx, { items: await this.review.list(p, 'open', 100), flash });
  }

  /** Evidence side by side; the registry side shows identity fields only, never sensitive ones. */
  @Get('review/:id')
  @Authenticated('hr_admin', 'recruiter')
  async reviewItem(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    const item = await this.review.get(p, id);
    const people = new Map<string, CandidateSummary>();
    for (const c of item.candidates) {
      const a = await this.alumni.findByEmployeeNumber(p.tenantId, c.employeeNumber);
      if (a) {
        people.set(c.employeeNumber, {
          employeeNumber: a.employeeNumber,
          familyName: a.familyName,
          givenName: a.givenName,
          familyNameKana: a.familyNameKana,
          givenNameKana: a.givenNameKana,
          previousFamilyNames: a.previousFamilyNames,
          emails: a.emails,
          phones: a.phones,
          hireDate: a.hireDate,
          leaveDate: a.leaveDate,
          department: a.department,
          jobTitle: a.jobTitle,
        });
      }
    }
    return reviewItemPage(ctx, { item, people });
  }

  @Post('review/:id/confirm')
  @Authenticated('hr_admin', 'recruiter')
  async confirm(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReviewConfirmFormDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.review.confirm(p, id, body.employeeNumber);
    res.redirect(303, '/console/review?done=confirmed');
  }

  @Post('review/:id/reject')
  @Authenticated('hr_admin', 'recruiter')
  async reject(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.review.reject(p, id);
    res.redirect(303, '/console/review?done=rejected');
  }

  // ---- Briefings (the ATS note links to /console/briefings/:ats/:applicationId) ----

  @Get('briefings')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  async briefingsList(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    return briefingsListPage(ctx, await this.briefings.list(p));
  }

  @Get('briefings/:ats/:applicationId')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  async briefing(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('applicationId') applicationId: string,
  ): Promise<string> {
    return briefingPage(ctx, await this.briefings.get(p, ats, applicationId));
  }
}
