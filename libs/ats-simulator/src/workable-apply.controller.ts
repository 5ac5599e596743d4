import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { WK_APPLY_PATH } from './contract.constants';
import { ControlService } from './control.service';
import { SimulatorState } from './simulator-state.service';
import { workableError } from './workable.service';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Workable's careers page for one job, as an applicant sees it. A UTM link is the job's link with
 * `?utm_source=<source>`; "the source of that UTM link will be tracked" on the candidate
 * (help.workable.com/hc/en-us/articles/4402389819671), so the form carries `utm_source` on to the candidate.
 */
@Controller(WK_APPLY_PATH)
export class WorkableApplyController {
  constructor(
    @Inject(SimulatorState) private readonly state: SimulatorState,
    @Inject(ControlService) private readonly control: ControlService,
  ) {}

  private job(subdomain: string, shortcode: string) {
    const account = [...this.state.wk.accounts.values()].find((a) => a.subdomain === subdomain);
    const job = account ? this.state.wkJob(shortcode, account.company) : undefined;
    if (!account || !job || job.state !== 'published') throw workableError(404, 'Not found');
    return { account, job };
  }

  @Get([':subdomain/j/:shortcode', ':subdomain/j/:shortcode/apply'])
  page(
    @Param('subdomain') subdomain: string,
    @Param('shortcode') shortcode: string,
    @Query('utm_source') utmSource: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): string {
    const { job } = this.job(subdomain, shortcode);
    res.type('text/html');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(job.title)}</title></head><body><main><h1>${escapeHtml(job.title)}</h1>
<form method="post"><input type="hidden" name="utm_source" value="${escapeHtml(utmSource ?? '')}">
<label>First name <input name="firstname"></label><label>Last name <input name="lastname"></label>
<label>Email <input name="email" type="email"></label><label>Phone <input name="phone"></label>
<button type="submit">Submit application</button></form></main></body></html>`;
  }

  /** The form's submission: a candidate on the job, announced by `candidate_created`. */
  @Post([':subdomain/j/:shortcode', ':subdomain/j/:shortcode/apply'])
  @HttpCode(200)
  apply(
    @Param('subdomain') subdomain: string,
    @Param('shortcode') shortcode: string,
    @Body() body: Record<string, unknown> | undefined,
  ): Record<string, unknown> {
    const { account, job } = this.job(subdomain, shortcode);
    const text = (k: string) => (typeof body?.[k] === 'string' ? body[k].trim() : '');
    if (!text('firstname') || !text('email')) throw workableError(422, 'firstname and email are required');
    return this.control.addWkCandidate(
      account.company,
      {
        firstName: text('firstname'),
        lastName: text('lastname'),
        email: text('email'),
        phone: text('phone') || undefined,
        job: job.shortcode,
        source: text('utm_source') || undefined,
      },
      true,
    );
  }
}
