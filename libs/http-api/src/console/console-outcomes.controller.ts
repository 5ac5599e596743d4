import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  outcomesCsv,
  outcomesPrintPage,
  OutcomesReportQueryDto,
  outcomesReportPage,
  type PageContext,
  TaskDoneFormDto,
  tasksPage,
} from '@comeback/console';
import { todayIn } from '@comeback/domain';
import { OutcomesReportService, ReonboardingTasksService } from '@comeback/outcomes';
import { Authenticated, CurrentPrincipal, type Principal } from '@comeback/platform';
import { ConsoleExceptionFilter, ConsoleHeadersInterceptor, CsrfGuard, Page } from './console-support';

/** The disclosure report (HR) and the re-onboarding tasks (a hiring manager's own; HR sees all). */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleOutcomesController {
  constructor(
    private readonly report: OutcomesReportService,
    private readonly tasks: ReonboardingTasksService,
  ) {}

  private async figures(p: Principal, q: OutcomesReportQueryDto) {
    const { from, to } = OutcomesReportService.period(q.from, q.to);
    return this.report.report(p, from, to);
  }

  @Get('reports/outcomes')
  @Authenticated('hr_admin')
  async outcomes(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Query() q: OutcomesReportQueryDto,
  ): Promise<string> {
    return outcomesReportPage(ctx, await this.figures(p, q));
  }

  @Get('reports/outcomes/print')
  @Authenticated('hr_admin')
  async outcomesPrint(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Query() q: OutcomesReportQueryDto,
  ): Promise<string> {
    return outcomesPrintPage(ctx, await this.figures(p, q));
  }

  @Get('reports/outcomes/csv')
  @Authenticated('hr_admin')
  async outcomesCsvExport(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Query() q: OutcomesReportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const r = await this.figures(p, q);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="comeback-outcomes-${r.from}-${r.to}.csv"`);
    res.send(outcomesCsv(ctx, r));
  }

  @Get('tasks')
  @Authenticated('hr_admin', 'hiring_manager')
  async taskList(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    return tasksPage(ctx, {
      tasks: await this.tasks.list(p),
      today: todayIn(),
      showAssignee: p.role === 'hr_admin',
    });
  }

  @Post('tasks/:id')
  @Authenticated('hr_admin', 'hiring_manager')
  async tick(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TaskDoneFormDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.tasks.setDone(p, id, body.done === 'true');
    res.redirect(303, '/console/tasks');
  }
}
