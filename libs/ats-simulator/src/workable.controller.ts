import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  Inject,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { WK_APPLY_PATH, WK_BASE_PATH, WK_WRITE_STATUS } from './contract.constants';
import type { WkAccount } from './simulator.types';
import { WkAccountContext } from './workable-gate.middleware';
import { WorkableService } from './workable.service';

/** Workable SPI v3 subset; the account is the bearer token's, as on {subdomain}.workable.com. */
@Controller(WK_BASE_PATH)
export class WorkableController {
  constructor(@Inject(WorkableService) private readonly workable: WorkableService) {}

  @Get('candidates')
  list(
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @WkAccountContext() account: WkAccount,
  ): Record<string, unknown> {
    return this.workable.listCandidates(
      account,
      query,
      `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`,
    );
  }

  @Get('candidates/:id')
  get(@Param('id') id: string, @WkAccountContext() account: WkAccount): Record<string, unknown> {
    return this.workable.getCandidate(account, id);
  }

  @Put('candidates/:id/tags')
  @HttpCode(WK_WRITE_STATUS.tags)
  tags(
    @Param('id') id: string,
    @Body() body: unknown,
    @WkAccountContext() account: WkAccount,
  ): Record<string, unknown> {
    return this.workable.putTags(account, id, body);
  }

  @Post('candidates/:id/comments')
  @HttpCode(WK_WRITE_STATUS.comment)
  comment(
    @Param('id') id: string,
    @Body() body: unknown,
    @WkAccountContext() account: WkAccount,
    @Res({ passthrough: true }) res: Response,
  ): string {
    // A plain-text body, not JSON (see WorkableService.addComment).
    res.type('text/plain');
    return this.workable.addComment(account, id, body);
  }

  @Post('candidates/:id/move')
  @HttpCode(WK_WRITE_STATUS.move)
  move(@Param('id') id: string, @Body() body: unknown, @WkAccountContext() account: WkAccount): void {
    this.workable.move(account, id, body);
  }

  @Get('jobs/:shortcode')
  job(
    @Param('shortcode') shortcode: string,
    @WkAccountContext() account: WkAccount,
  ): Record<string, unknown> {
    return this.workable.job(account, shortcode);
  }

  @Get('jobs')
  jobs(
    @Query('state') state: string | undefined,
    @Req() req: Request,
    @WkAccountContext() account: WkAccount,
  ): Record<string, unknown> {
    return this.workable.jobs(
      account,
      state,
      `${req.protocol}://${req.get('host') ?? 'localhost'}/${WK_APPLY_PATH}`,
    );
  }

  @Get('jobs/:shortcode/stages')
  stages(
    @Param('shortcode') shortcode: string,
    @WkAccountContext() account: WkAccount,
  ): Record<string, unknown> {
    return this.workable.stages(account, shortcode);
  }

  @Get('jobs/:shortcode/members')
  jobMembers(
    @Param('shortcode') shortcode: string,
    @WkAccountContext() account: WkAccount,
  ): Record<string, unknown> {
    return this.workable.jobMembers(account, shortcode);
  }

  @Get('members')
  members(@WkAccountContext() account: WkAccount): Record<string, unknown> {
    return this.workable.members(account);
  }

  @Get('subscriptions')
  subscriptions(@WkAccountContext() account: WkAccount): Record<string, unknown> {
    return this.workable.listSubscriptions(account);
  }

  @Post('subscriptions')
  @HttpCode(WK_WRITE_STATUS.subscribe)
  subscribe(@Body() body: unknown, @WkAccountContext() account: WkAccount): Record<string, unknown> {
    return this.workable.subscribe(account, body);
  }

  @Delete('subscriptions/:id')
  @HttpCode(WK_WRITE_STATUS.unsubscribe)
  unsubscribe(@Param('id') id: string, @WkAccountContext() account: WkAccount): Record<string, never> {
    this.workable.unsubscribe(account, id);
    return {};
  }
}
