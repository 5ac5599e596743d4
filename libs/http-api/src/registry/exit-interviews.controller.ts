import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import {
  ExitInterviewDto,
  ExitInterviewHistoryDto,
  ExitInterviewInputDto,
  ExitInterviewService,
  LeaverLinkRequestDto,
  LeaverLinkSentDto,
  LeaverLinkService,
  LeaverListQueryDto,
} from '@comeback/registry';

/**
 * Exit interviews (退職面談), keyed by the registry record's id (no employee number in a URL). HR reads and
 * writes everything; a hiring manager only the interviews HR named them for, and only the manager's part.
 * Recruiters have no access at all.
 */
@ApiTags('exit-interviews')
@Controller('api/v1/exit-interviews')
export class ExitInterviewsController {
  constructor(
    private readonly exits: ExitInterviewService,
    private readonly links: LeaverLinkService,
  ) {}

  @Get()
  @Authenticated('hr_admin', 'hiring_manager')
  list(@CurrentPrincipal() p: Principal, @Query() q: LeaverListQueryDto): Promise<ExitInterviewDto[]> {
    return this.exits.list(p, q.limit);
  }

  @Get(':alumnusId')
  @Authenticated('hr_admin', 'hiring_manager')
  get(
    @CurrentPrincipal() p: Principal,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
  ): Promise<ExitInterviewDto> {
    return this.exits.get(p, alumnusId);
  }

  @Put(':alumnusId')
  @Authenticated('hr_admin', 'hiring_manager')
  save(
    @CurrentPrincipal() p: Principal,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
    @Body() body: ExitInterviewInputDto,
  ): Promise<ExitInterviewDto> {
    return this.exits.save(p, alumnusId, body);
  }

  @Get(':alumnusId/history')
  @Authenticated('hr_admin')
  history(
    @CurrentPrincipal() p: Principal,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
  ): Promise<ExitInterviewHistoryDto[]> {
    return this.exits.history(p, alumnusId);
  }

  /** E-mails the leaver their personal link (a new one revokes the earlier ones). */
  @Post(':alumnusId/leaver-link')
  @HttpCode(200)
  @Authenticated('hr_admin')
  async sendLink(
    @CurrentPrincipal() p: Principal,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
    @Body() body: LeaverLinkRequestDto,
  ): Promise<LeaverLinkSentDto> {
    const sent = await this.links.send(p, alumnusId, { to: body.to, language: body.language });
    return { expiresAt: sent.expiresAt.toISOString(), language: sent.language };
  }
}
