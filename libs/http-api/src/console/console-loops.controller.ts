import {
  Body,
  Controller,
  Get,
  Param,
  ParseEnumPipe,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  applicationDetailPage,
  BriefingService,
  homePage,
  hrReviewsPage,
  type PageContext,
  type WaitingItem,
} from '@comeback/console';
import { ATS_KINDS, AtsKind } from '@comeback/ats';
import { OfferCheckListingService } from '@comeback/compensation';
import { Authenticated, CurrentPrincipal, type Principal, canSeeSensitive } from '@comeback/platform';
import {
  FailedWorkService,
  HrApproveDto,
  HrDecisionDto,
  HrDecisionsService,
  OperationsService,
  ReviewQueueService,
  TrackedApplicationsService,
} from '@comeback/pipeline';
import { AlumniImportService } from '@comeback/registry';
import { ConsoleExceptionFilter, ConsoleHeadersInterceptor, CsrfGuard, Page } from './console-support';

const atsPipe = new ParseEnumPipe(Object.fromEntries(ATS_KINDS.map((k) => [k, k])));

const DONE: Record<string, 'approvedMsg' | 'declinedMsg' | 'notReturneeDone'> = {
  approved: 'approvedMsg',
  declined: 'declinedMsg',
  undone: 'notReturneeDone',
};

/**
 * The loops people close every day: the home page of what waits for each role, HR's review queue, and one
 * application's page with HR's decisions ("HR review needed", "not a returnee"). Thin: the pipeline's services
 * decide; the views only show.
 */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleLoopsController {
  constructor(
    private readonly applications: TrackedApplicationsService,
    private readonly decisions: HrDecisionsService,
    private readonly review: ReviewQueueService,
    private readonly failed: FailedWorkService,
    private readonly offers: OfferCheckListingService,
    private readonly imports: AlumniImportService,
    private readonly briefings: BriefingService,
    private readonly operations: OperationsService,
  ) {}

  @Get('home')
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  async home(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    const t = p.tenantId;
    let items: WaitingItem[];
    if (p.role === 'hr_admin') {
      const [reviews, hrReviews, approvals, failed, imports, failedJobs, uncertain] = await Promise.all([
        this.review.countOpen(t),
        this.decisions.countPending(t),
        this.offers.awaitingApproval(t),
        this.failed.counts(t),
        this.imports.recentRunsWithProblems(t),
        this.operations.failures(t),
        this.operations.uncertain(t),
      ]);
      items = [
        { key: 'waitHrReviews', count: hrReviews, href: '/console/hr-reviews' },
        { key: 'waitReviewItems', count: reviews, href: '/console/review' },
        { key: 'waitApprovals', count: approvals, href: '/console/offers' },
        { key: 'waitFailedJobs', count: failedJobs.length, href: '/console/operations' },
        { key: 'waitUncertain', count: uncertain.length, href: '/console/operations' },
        { key: 'waitFailedEvents', count: failed.failedEvents, href: '/console/operations' },
        { key: 'waitFailedBackfills', count: failed.failedBackfills, href: '/console/ats' },
        { key: 'waitImportProblems', count: imports, href: '/console/registry' },
      ];
    } else if (p.role === 'recruiter') {
      const [reviews, flagged] = await Promise.all([
        this.review.countOpen(t),
        this.applications.listFlagged(p, 200),
      ]);
      items = [
        { key: 'waitReviewItems', count: reviews, href: '/console/review' },
        { key: 'waitFlagged', count: flagged.length, href: '/console/applications' },
      ];
    } else {
      items = [
        { key: 'waitBriefings', count: (await this.briefings.list(p)).length, href: '/console/briefings' },
      ];
    }
    return homePage(ctx, { items });
  }

  @Get('hr-reviews')
  @Authenticated('hr_admin')
  async hrReviews(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<string> {
    const rows = await this.decisions.pending(p.tenantId, 200);
    const first = rows[0];
    const tiers = first
      ? await this.decisions.tiers(p.tenantId, first.ats, (await this.jobOf(p, first)) ?? '')
      : [];
    return hrReviewsPage(ctx, { rows, tiers, flash: this.flash(ctx, req) });
  }

  /** Recruiters see the recruiter-safe view; HR also sees the match, the review reasons and the decisions. */
  @Get('applications/:ats/:applicationId')
  @Authenticated('hr_admin', 'recruiter')
  async application(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('applicationId') applicationId: string,
    @Req() req: Request,
  ): Promise<string> {
    const app = await this.applications.get(p, ats, applicationId);
    let hr: { reasons: { rule: string; detail: string }[]; tiers: string[] } | null = null;
    if (canSeeSensitive(p)) {
      const pending =
        app.outcome === 'needs_hr_review'
          ? (await this.decisions.pending(p.tenantId, 500)).find(
              (r) => r.ats === ats && r.applicationId === applicationId,
            )
          : undefined;
      hr = {
        reasons: pending?.reasons ?? [],
        tiers: await this.decisions.tiers(p.tenantId, ats, app.jobId),
      };
    }
    return applicationDetailPage(ctx, {
      app,
      hr,
      flash: this.flash(ctx, req),
    });
  }

  @Post('applications/:ats/:applicationId/hr-review/approve')
  @Authenticated('hr_admin')
  async approve(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('applicationId') applicationId: string,
    @Body() body: HrApproveDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.decisions.approve(p, ats, applicationId, {
      tier: body.tier,
      comment: body.comment || undefined,
    });
    res.redirect(303, this.back(req, ats, applicationId, 'approved'));
  }

  @Post('applications/:ats/:applicationId/hr-review/decline')
  @Authenticated('hr_admin')
  async decline(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('applicationId') applicationId: string,
    @Body() body: HrDecisionDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.decisions.decline(p, ats, applicationId, { comment: body.comment || undefined });
    res.redirect(303, this.back(req, ats, applicationId, 'declined'));
  }

  @Post('applications/:ats/:applicationId/not-returnee')
  @Authenticated('hr_admin')
  async notReturnee(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('applicationId') applicationId: string,
    @Body() body: HrDecisionDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.decisions.notReturnee(p, ats, applicationId, { comment: body.comment || undefined });
    res.redirect(
      303,
      `/console/applications/${encodeURIComponent(ats)}/${encodeURIComponent(applicationId)}?done=undone`,
    );
  }

  /** Back to the queue when the decision was taken there, else to the application. */
  private back(req: Request, ats: string, applicationId: string, done: string): string {
    const from = req.headers.referer ? new URL(req.headers.referer, 'http://x').pathname : '';
    return from === '/console/hr-reviews'
      ? `/console/hr-reviews?done=${done}`
      : `/console/applications/${encodeURIComponent(ats)}/${encodeURIComponent(applicationId)}?done=${done}`;
  }

  private flash(ctx: PageContext, req: Request): string | null {
    const key = typeof req.query.done === 'string' ? DONE[req.query.done] : undefined;
    return key ? ctx.t(key) : null;
  }

  private async jobOf(p: Principal, r: { ats: string; applicationId: string }): Promise<string | null> {
    return (await this.applications.findRef(p.tenantId, r.ats, r.applicationId))?.jobId ?? null;
  }
}
