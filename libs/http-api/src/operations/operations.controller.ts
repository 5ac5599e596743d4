import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import { OperationsService, ResolveUncertainDto } from '@comeback/pipeline';

/**
 * Failed and uncertain work, for HR and operators' machine tokens: what failed and why in plain words, a retry
 * after the cause was fixed, side effects whose call was cut (to confirm against the ATS), and the backlog.
 */
@ApiTags('operations')
@Controller('api/v1/operations')
export class OperationsController {
  constructor(private readonly operations: OperationsService) {}

  @Get('failures')
  @Authenticated('hr_admin', 'integration')
  failures(@CurrentPrincipal() p: Principal) {
    return this.operations.failures(p.tenantId);
  }

  @Post('failures/retry')
  @HttpCode(200)
  @Authenticated('hr_admin', 'integration')
  retryAll(@CurrentPrincipal() p: Principal) {
    return this.operations.retryAll(p);
  }

  @Post('failures/:jobId/retry')
  @HttpCode(200)
  @Authenticated('hr_admin', 'integration')
  retry(@CurrentPrincipal() p: Principal, @Param('jobId') jobId: string) {
    return this.operations.retry(p, jobId);
  }

  @Get('uncertain')
  @Authenticated('hr_admin', 'integration')
  uncertain(@CurrentPrincipal() p: Principal) {
    return this.operations.uncertain(p.tenantId);
  }

  @Post('uncertain/:id/resolve')
  @HttpCode(200)
  @Authenticated('hr_admin', 'integration')
  resolve(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResolveUncertainDto,
  ) {
    return this.operations.resolveUncertain(p, id, body.existsInAts);
  }

  @Get('backlog')
  @Authenticated('hr_admin', 'integration')
  backlog(@CurrentPrincipal() p: Principal) {
    return this.operations.backlog(p.tenantId);
  }
}
