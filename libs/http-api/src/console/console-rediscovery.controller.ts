import {
  Body,
  Controller,
  Get,
  Param,
  ParseEnumPipe,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ATS_KINDS, type AtsKind } from '@comeback/ats';
import {
  rediscoveryJobPage,
  rediscoveryJobsPage,
  type PageContext,
  type RediscoveryJobRow,
} from '@comeback/console';
import { AppException, Authenticated, CurrentPrincipal, ErrorCode, type Principal } from '@comeback/platform';
import { InvitationsService, InviteFormDto, RediscoveryService } from '@comeback/rediscovery';
import { ConsoleExceptionFilter, ConsoleHeadersInterceptor, CsrfGuard, Page } from './console-support';

const atsPipe = new ParseEnumPipe(Object.fromEntries(ATS_KINDS.map((k) => [k, k])));

/** Rediscovery in the console: open jobs, the ranked former employees per job, personal invitations. */
@ApiExcludeController()
@Controller('console/rediscovery')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleRediscoveryController {
  constructor(
    private readonly rediscovery: RediscoveryService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  async jobs(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    const jobs: RediscoveryJobRow[] = [];
    const unavailable: string[] = [];
    for (const ats of ATS_KINDS) {
      try {
        for (const j of await this.rediscovery.openJobs(p, ats))
          jobs.push({ ats, jobId: j.jobId, title: j.title, department: j.department, level: j.level });
      } catch (err) {
        // A tenant connects one ATS (usually): the other is "not connected", not an error page.
        if (err instanceof AppException && err.code === ErrorCode.NotFound) unavailable.push(ats);
        else throw err;
      }
    }
    return rediscoveryJobsPage(ctx, {
      jobs,
      unavailable: unavailable.length === ATS_KINDS.length ? unavailable : [],
    });
  }

  @Get(':ats/:jobId')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  async job(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('jobId') jobId: string,
    @Query('done') done: string | undefined,
  ): Promise<string> {
    const list = await this.rediscovery.candidates(p, ats, jobId, { limit: 50 });
    return rediscoveryJobPage(ctx, {
      job: { ats, jobId, title: list.job.title, department: list.job.department, level: list.job.level },
      entries: list.entries,
      canInvite: p.role === 'hr_admin' || p.role === 'hiring_manager',
      flash: done === 'invited' ? ctx.t('invitationDone') : null,
    });
  }

  @Post(':ats/:jobId/invite')
  @Authenticated('hr_admin', 'hiring_manager')
  async invite(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('jobId') jobId: string,
    @Body() body: InviteFormDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.invitations.invite(p, { ats, jobId, ...body });
    res.redirect(303, `/console/rediscovery/${ats}/${encodeURIComponent(jobId)}?done=invited`);
  }
}
