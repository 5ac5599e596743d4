import {
  Body,
  Delete,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Req,
  Res,
  Inject,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { GH_BASE_PATH, GH_BOARD_PATH, GH_TOKEN_PATH, GH_WRITE_STATUS } from './contract.constants';
import { GhAuthContext } from './greenhouse-gate.middleware';
import { GhAuth, GreenhouseService } from './greenhouse.service';
import { harvestError, HarvestQuery, paginate } from './harvest-query';

function idParam(raw: string): number {
  if (!/^\d+$/.test(raw)) throw harvestError(404);
  return Number(raw);
}

@Controller(GH_TOKEN_PATH)
export class GreenhouseAuthController {
  constructor(@Inject(GreenhouseService) private readonly greenhouse: GreenhouseService) {}

  @Post()
  @HttpCode(200)
  token(
    @Headers('authorization') authorization: string | undefined,
    @Body() form: Record<string, unknown> | undefined,
  ): Record<string, unknown> {
    return this.greenhouse.issueToken(authorization, form ?? {});
  }
}

/** Harvest v3 subset. Lists are bare arrays; pagination lives in the Link header. */
@Controller(GH_BASE_PATH)
export class GreenhouseController {
  constructor(@Inject(GreenhouseService) private readonly greenhouse: GreenhouseService) {}

  /** Every GET: query checked (unknown parameters → 422), then an empty list unless the acting user may read. */
  private read<T>(
    auth: GhAuth,
    req: Request,
    res: Response,
    resource: string,
    list: (q: HarvestQuery) => T[],
  ): T[] {
    const readable = this.greenhouse.canRead(auth);
    return paginate(req, res, resource, (q) => (readable ? list(q) : []));
  }

  @Get('applications')
  applications(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    return this.read(auth, req, res, 'applications', (q) =>
      this.greenhouse.listApplications(auth.account.company, q),
    );
  }

  @Get('candidates')
  candidates(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    return this.read(auth, req, res, 'candidates', (q) =>
      this.greenhouse.listCandidates(auth.account.company, q),
    );
  }

  @Get('job_interview_stages')
  jobInterviewStages(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    return this.read(auth, req, res, 'job_interview_stages', (q) =>
      this.greenhouse.listJobInterviewStages(auth.account.company, q),
    );
  }

  @Get('application_stages')
  applicationStages(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    return this.read(auth, req, res, 'application_stages', (q) =>
      this.greenhouse.listApplicationStages(auth.account.company, q),
    );
  }

  @Get('offers')
  offers(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    return this.read(auth, req, res, 'offers', (q) => this.greenhouse.listOffers(auth.account.company, q));
  }

  @Get('jobs')
  jobs(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    return this.read(auth, req, res, 'jobs', (q) => this.greenhouse.listJobs(auth.account.company, q));
  }

  @Get('job_posts')
  jobPosts(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    const board = `${req.protocol}://${req.get('host') ?? 'localhost'}/${GH_BOARD_PATH}`;
    return this.read(auth, req, res, 'job_posts', (q) =>
      this.greenhouse.listJobPosts(auth.account.company, q, board),
    );
  }

  @Get('job_hiring_managers')
  jobHiringManagers(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    return this.read(auth, req, res, 'job_hiring_managers', (q) =>
      this.greenhouse.listJobHiringManagers(auth.account.company, q),
    );
  }

  @Get('users')
  users(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    return this.read(auth, req, res, 'users', (q) => this.greenhouse.listUsers(auth.account.company, q));
  }

  @Get('candidate_tags')
  candidateTags(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    return this.read(auth, req, res, 'candidate_tags', (q) =>
      this.greenhouse.listCandidateTags(auth.account.company, q),
    );
  }

  @Get('applied_candidate_tags')
  appliedCandidateTags(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    return this.read(auth, req, res, 'applied_candidate_tags', (q) =>
      this.greenhouse.listAppliedCandidateTags(auth.account.company, q),
    );
  }

  @Get('notes')
  notes(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @GhAuthContext() auth: GhAuth,
  ): unknown[] {
    return this.read(auth, req, res, 'notes', (q) => this.greenhouse.listNotes(auth.account.company, q));
  }

  @Post('applications/:id/move')
  @HttpCode(GH_WRITE_STATUS.move)
  move(@Param('id') id: string, @Body() body: unknown, @GhAuthContext() auth: GhAuth): void {
    this.greenhouse.moveApplication(auth.account.company, idParam(id), body);
  }

  @Patch('candidates/:id')
  @HttpCode(GH_WRITE_STATUS.patchCandidate)
  patchCandidate(
    @Param('id') id: string,
    @Body() body: unknown,
    @GhAuthContext() auth: GhAuth,
  ): Record<string, unknown> {
    return this.greenhouse.patchCandidate(auth.account.company, idParam(id), body);
  }

  @Post('notes')
  @HttpCode(GH_WRITE_STATUS.createNote)
  createNote(@Body() body: unknown, @GhAuthContext() auth: GhAuth): Record<string, unknown> {
    return this.greenhouse.createNote(auth.account.company, auth, body);
  }

  @Post('candidate_tags')
  @HttpCode(GH_WRITE_STATUS.createTag)
  createTag(@Body() body: unknown, @GhAuthContext() auth: GhAuth): Record<string, unknown> {
    return this.greenhouse.createCandidateTag(auth.account.company, body);
  }

  @Post('applied_candidate_tags')
  @HttpCode(GH_WRITE_STATUS.applyTag)
  applyTag(@Body() body: unknown, @GhAuthContext() auth: GhAuth): Record<string, unknown> {
    return this.greenhouse.applyCandidateTag(auth.account.company, body);
  }

  @Delete('applied_candidate_tags/:id')
  @HttpCode(GH_WRITE_STATUS.removeTag)
  removeTag(@Param('id') id: string, @GhAuthContext() auth: GhAuth): void {
    this.greenhouse.removeAppliedCandidateTag(auth.account.company, idParam(id));
  }
}
