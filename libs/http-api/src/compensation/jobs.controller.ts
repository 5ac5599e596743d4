import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import { JobAssignmentsDto, JobSettingsService, PayTargetDto } from '@comeback/compensation';

/** HR's per-job settings: who is assigned (hiring managers) and the pay cohort an offer for the job compares with. */
@ApiTags('jobs')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(private readonly jobs: JobSettingsService) {}

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
    return { userSubjects: await this.jobs.assignees(p.tenantId, ats, jobId) };
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
