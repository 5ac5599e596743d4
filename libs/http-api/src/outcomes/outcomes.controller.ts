import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  OutcomesReportPeriodDto,
  OutcomesReportService,
  ReonboardingTaskDoneDto,
  ReonboardingTasksService,
} from '@comeback/outcomes';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';

/** The disclosure report as JSON (HR) and the re-onboarding tasks (a hiring manager's own; HR all). */
@ApiTags('outcomes')
@Controller('api/v1')
export class OutcomesController {
  constructor(
    private readonly report: OutcomesReportService,
    private readonly tasks: ReonboardingTasksService,
  ) {}

  @Get('reports/outcomes')
  @Authenticated('hr_admin')
  outcomes(@CurrentPrincipal() p: Principal, @Query() q: OutcomesReportPeriodDto) {
    const { from, to } = OutcomesReportService.period(q.from, q.to);
    return this.report.report(p, from, to);
  }

  @Get('reonboarding-tasks')
  @Authenticated('hr_admin', 'hiring_manager')
  list(@CurrentPrincipal() p: Principal) {
    return this.tasks.list(p);
  }

  @Post('reonboarding-tasks/:id/done')
  @HttpCode(200)
  @Authenticated('hr_admin', 'hiring_manager')
  done(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReonboardingTaskDoneDto,
  ) {
    return this.tasks.setDone(p, id, body.done);
  }
}
