import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import {
  ApproveOfferCheckDto,
  CheckOfferDto,
  DeclineOfferCheckDto,
  OfferChecksService,
  ProposeOfferDto,
} from '@comeback/compensation';

@ApiTags('offers')
@Controller('api/v1/offers')
export class OffersController {
  constructor(private readonly offers: OfferChecksService) {}

  /** A market-based proposal for the application's returnee, with its factors and fairness check. */
  @Post('applications/:ats/:applicationId/proposal')
  @Authenticated('hr_admin')
  propose(
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('applicationId') applicationId: string,
    @Body() body: ProposeOfferDto,
  ) {
    return this.offers.propose(p, ats, applicationId, body);
  }

  /**
   * "What if we offer X?" — checked, recorded, and shown as the caller's role may see it. Recruiters get no pay
   * data at all (security.md, "Who may learn what"); hiring managers the outcome and figure-free reasons.
   */
  @Post('applications/:ats/:applicationId/checks')
  @Authenticated('hr_admin', 'hiring_manager')
  check(
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('applicationId') applicationId: string,
    @Body() body: CheckOfferDto,
  ) {
    const { amount, ...inputs } = body;
    return this.offers.check(p, ats, applicationId, amount, inputs);
  }

  @Get('applications/:ats/:applicationId/checks')
  @Authenticated('hr_admin', 'hiring_manager')
  history(
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('applicationId') applicationId: string,
  ) {
    return this.offers.history(p, ats, applicationId);
  }

  /** HR accepts a warn/fail result; who, why and when are recorded and audited. */
  @Post('checks/:checkId/approval')
  @HttpCode(201)
  @Authenticated('hr_admin')
  approve(
    @CurrentPrincipal() p: Principal,
    @Param('checkId', ParseUUIDPipe) checkId: string,
    @Body() body: ApproveOfferCheckDto,
  ) {
    return this.offers.approve(p, checkId, body.reason);
  }

  /** HR declines the offer at a warn/fail result's amount (the console's decline); recorded and audited alike. */
  @Post('checks/:checkId/decline')
  @HttpCode(201)
  @Authenticated('hr_admin')
  decline(
    @CurrentPrincipal() p: Principal,
    @Param('checkId', ParseUUIDPipe) checkId: string,
    @Body() body: DeclineOfferCheckDto,
  ) {
    return this.offers.decline(p, checkId, body.reason);
  }
}
