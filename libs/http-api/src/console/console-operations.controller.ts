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
import { operationsPage, type PageContext } from '@comeback/console';
import { Authenticated, CurrentPrincipal, type Principal } from '@comeback/platform';
import { OperationsService, ResolveUncertainDto } from '@comeback/pipeline';
import { ConsoleExceptionFilter, ConsoleHeadersInterceptor, CsrfGuard, Page } from './console-support';

/** HR's operations page: the backlog and when it is through, failed work with its reason and a retry, uncertain writes. */
@ApiExcludeController()
@Controller('console/operations')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleOperationsController {
  constructor(private readonly operations: OperationsService) {}

  @Get()
  @Authenticated('hr_admin')
  async page(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<string> {
    const [failures, uncertain, backlog] = await Promise.all([
      this.operations.failures(p.tenantId),
      this.operations.uncertain(p.tenantId),
      this.operations.backlog(p.tenantId),
    ]);
    const retried = typeof req.query.retried === 'string' ? Number(req.query.retried) : null;
    const flash =
      retried !== null && Number.isInteger(retried)
        ? ctx.t('opsRetried').replace('{n}', String(retried))
        : req.query.done === 'resolved'
          ? ctx.t('opsResolved')
          : null;
    return operationsPage(ctx, { failures, uncertain, backlog, flash });
  }

  @Post('retry-all')
  @Authenticated('hr_admin')
  async retryAll(@CurrentPrincipal() p: Principal, @Res() res: Response): Promise<void> {
    const { retried } = await this.operations.retryAll(p);
    res.redirect(303, `/console/operations?retried=${retried}`);
  }

  @Post('failures/:jobId/retry')
  @Authenticated('hr_admin')
  async retry(
    @CurrentPrincipal() p: Principal,
    @Param('jobId') jobId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { retried } = await this.operations.retry(p, jobId);
    res.redirect(303, `/console/operations?retried=${retried}`);
  }

  @Post('uncertain/:id/resolve')
  @Authenticated('hr_admin')
  async resolve(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResolveUncertainDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.operations.resolveUncertain(p, id, body.existsInAts);
    res.redirect(303, '/console/operations?done=resolved');
  }
}
