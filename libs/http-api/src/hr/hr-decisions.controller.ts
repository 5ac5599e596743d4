import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ATS_KINDS, AtsKind } from '@comeback/ats';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import { HrApproveDto, HrDecisionDto, HrDecisionsService, LimitQueryDto } from '@comeback/pipeline';

const atsPipe = new ParseEnumPipe(Object.fromEntries(ATS_KINDS.map((k) => [k, k])));

/** HR's decisions the pipeline cannot take alone: "HR review needed" and "not a returnee". HR only. */
@ApiTags('hr-decisions')
@Controller('api/v1')
export class HrDecisionsController {
  constructor(private readonly decisions: HrDecisionsService) {}

  /** Applications waiting for HR's look, with the rules that asked for it. */
  @Get('hr-reviews')
  @Authenticated('hr_admin')
  pending(@CurrentPrincipal() p: Principal, @Query() q: LimitQueryDto) {
    return this.decisions.pending(p.tenantId, q.limit);
  }

  @Post('applications/:ats/:applicationId/hr-review/approve')
  @HttpCode(200)
  @Authenticated('hr_admin')
  approve(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('applicationId') applicationId: string,
    @Body() body: HrApproveDto,
  ) {
    return this.decisions.approve(p, ats, applicationId, body);
  }

  @Post('applications/:ats/:applicationId/hr-review/decline')
  @HttpCode(200)
  @Authenticated('hr_admin')
  decline(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('applicationId') applicationId: string,
    @Body() body: HrDecisionDto,
  ) {
    return this.decisions.decline(p, ats, applicationId, body);
  }

  /** Undo a wrong automatic match: our tags off the ATS record, a note, the pair never proposed again. */
  @Post('applications/:ats/:applicationId/not-returnee')
  @HttpCode(200)
  @Authenticated('hr_admin')
  notReturnee(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('applicationId') applicationId: string,
    @Body() body: HrDecisionDto,
  ) {
    return this.decisions.notReturnee(p, ats, applicationId, body);
  }
}
