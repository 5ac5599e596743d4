import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ATS_KINDS, AtsKind } from '@comeback/ats';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import {
  HiringTeamSyncService,
  JobAssignmentsDto,
  JobSettingsService,
  PayTargetDto,
} from '@comeback/compensation';
import { AtsConnectionService } from '@comeback/pipeline';

const atsPipe = new ParseEnumPipe(Object.fromEntries(ATS_KINDS.map((k) => [k, k])));

/** HR's per-job settings: who is assigned (hiring managers) and the pay cohort an offer for the job compares with. */
@ApiTags('jobs')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobSettingsService,
    private readonly hiringTeam: HiringTeamSyncService,
    private readonly connections: AtsConnectionService,
  ) {}

  /** The jobs the caller is assigned to. */
  @Get('mine')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  mine(@CurrentPrincipal() p: Principal) {
    return this.jobs.jobsOf(p.tenantId, p.subject);
  }

  @Get(':ats/:jobId/assignments')
  @Authenticated('hr_admin')
  async assignments(
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('jobId') jobId: string,
  ) {
    return this.jobs.assignmentDetails(p.tenantId, ats, jobId);
  }

  /** Reads the job's hiring team from the ATS now and assigns the people matched by e-mail (HR's edits kept). */
  @Post(':ats/:jobId/assignments/sync')
  @HttpCode(200)
  @Authenticated('hr_admin')
  async syncAssignments(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('jobId') jobId: string,
  ) {
    const conn = await this.connections.get(p.tenantId, ats);
    const result = await this.hiringTeam.sync(conn, jobId, p);
    return { ...result, ...(await this.jobs.assignmentDetails(p.tenantId, ats, jobId)) };
  }

  @Put(':ats/:jobId/assignments')
  @Authenticated('hr_admin')
  async assign(
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('jobId') jobId: string,
    @Body() body: JobAssignmentsDto,
  ) {
    return { userSubjects: await this.jobs.setAssignees(p, ats, jobId, body.userSubjects) };
  }

  @Get(':ats/:jobId/pay-target')
  @Authenticated('hr_admin', 'recruiter')
  payTarget(@CurrentPrincipal() p: Principal, @Param('ats') ats: string, @Param('jobId') jobId: string) {
    return this.jobs.getPayTarget(p.tenantId, ats, jobId);
  }

  @Put(':ats/:jobId/pay-target')
  @Authenticated('hr_admin')
  setPayTarget(
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('jobId') jobId: string,
    @Body() body: PayTargetDto,
  ) {
    return this.jobs.setPayTarget(p, ats, jobId, body);
  }
}
