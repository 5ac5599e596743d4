import { Body, Controller, Get, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ATS_KINDS, AtsKind } from '@comeback/ats';
import { Authenticated, CurrentPrincipal, Principal, ValidationFailedException } from '@comeback/platform';
import {
  FunnelQueryDto,
  InvitationsService,
  InviteDto,
  RediscoveryQueryDto,
  RediscoveryService,
} from '@comeback/rediscovery';

const atsPipe = new ParseEnumPipe(Object.fromEntries(ATS_KINDS.map((k) => [k, k])));

/** Rediscovery for open jobs and personal invitations (HR and the job's hiring manager invite). */
@ApiTags('rediscovery')
@Controller('api/v1/rediscovery')
export class RediscoveryController {
  constructor(
    private readonly rediscovery: RediscoveryService,
    private readonly invitations: InvitationsService,
  ) {}

  /** The ATS's open jobs (a hiring manager: theirs). */
  @Get('jobs/:ats')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  jobs(@CurrentPrincipal() p: Principal, @Param('ats', atsPipe) ats: AtsKind) {
    return this.rediscovery.openJobs(p, ats);
  }

  /** Eligible, consenting, fitting former employees for the job, ranked with reasons (fields per role). */
  @Get('jobs/:ats/:jobId/candidates')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  candidates(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('jobId') jobId: string,
    @Query() q: RediscoveryQueryDto,
  ) {
    return this.rediscovery.candidates(p, ats, jobId, { limit: q.limit });
  }

  @Post('invitations')
  @Authenticated('hr_admin', 'hiring_manager')
  invite(@CurrentPrincipal() p: Principal, @Body() body: InviteDto) {
    return this.invitations.invite(p, { ...body, language: body.language ?? 'ja' });
  }

  @Get('invitations')
  @Authenticated('hr_admin', 'hiring_manager')
  recent(@CurrentPrincipal() p: Principal) {
    return this.invitations.recent(p, 100);
  }

  /** Sent, opened, applied, fast-tracked, hired for the invitations sent in [from, to). */
  @Get('funnel')
  @Authenticated('hr_admin')
  funnel(@CurrentPrincipal() p: Principal, @Query() q: FunnelQueryDto) {
    const from = new Date(`${q.from}T00:00:00+09:00`);
    const to = new Date(`${q.to}T00:00:00+09:00`);
    if (!(from < to)) throw new ValidationFailedException('from must be before to');
    return this.invitations.funnel(p.tenantId, from, to);
  }
}
