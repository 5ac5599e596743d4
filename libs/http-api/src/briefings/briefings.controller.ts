import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BriefingService, ChangeLogService, JobDepartmentDto } from '@comeback/console';
import type { Briefing } from '@comeback/domain';
import { Authenticated, CurrentPrincipal, type Principal } from '@comeback/platform';

@ApiTags('briefings')
@Controller('api/v1/briefings')
export class BriefingsController {
  constructor(
    private readonly briefings: BriefingService,
    private readonly changeLog: ChangeLogService,
  ) {}

  /** The department a job belongs to: "what changed" in a briefing is filtered to it (default: the returnee's last). */
  @Get('job-departments/:ats/:jobId')
  @Authenticated('hr_admin')
  async jobDepartment(
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('jobId') jobId: string,
  ) {
    return { ats, jobId, department: await this.changeLog.jobDepartment(p.tenantId, ats, jobId) };
  }

  @Put('job-departments/:ats/:jobId')
  @Authenticated('hr_admin')
  async setJobDepartment(
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('jobId') jobId: string,
    @Body() body: JobDepartmentDto,
  ) {
    await this.changeLog.setJobDepartment(p, ats, jobId, body.department);
    return { ats, jobId, department: body.department.trim() };
  }

  /** The returnee briefing at the caller's privacy level; hiring managers only for jobs they are assigned to (else 404). Audited. */
  @Get(':ats/:applicationId')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  get(
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('applicationId') applicationId: string,
  ): Promise<Briefing> {
    return this.briefings.get(p, ats, applicationId);
  }
}
