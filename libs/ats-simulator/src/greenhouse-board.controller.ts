import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GH_BOARD_PATH } from './contract.constants';
import { ControlService } from './control.service';
import { harvestError } from './harvest-query';
import { SimulatorState } from './simulator-state.service';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Greenhouse's hosted job board, as far as an applicant sees it: the job post page and its application form.
 * A tracking link is the post URL with `gh_src=<source token>`; the form carries the token on as
 * `mapped_url_token` ("place the value of the gh_src URL parameter in the field below",
 * github.com/grnhse/greenhouse-api-docs source/includes/job-board/_applications.md), and the new application's
 * source is the source the token was made for (support.greenhouse.io article 216904366 "Tracking Links and
 * Source Tokens"). A token Greenhouse did not issue maps to no source: only tokens seeded as tracking links count.
 */
@Controller(GH_BOARD_PATH)
export class GreenhouseBoardController {
  constructor(
    @Inject(SimulatorState) private readonly state: SimulatorState,
    @Inject(ControlService) private readonly control: ControlService,
  ) {}

  private job(company: string, postId: string) {
    const job = this.state.gh.jobs.find((j) => j.company === company && String(j.job_post_id) === postId);
    if (!job || job.status !== 'open') throw harvestError(404, ['Resource not found']);
    return job;
  }

  @Get(':company/jobs/:postId')
  page(
    @Param('company') company: string,
    @Param('postId') postId: string,
    @Query('gh_src') ghSrc: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): string {
    const job = this.job(company, postId);
    res.type('text/html');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(job.name)}</title></head><body><main><h1>${escapeHtml(job.name)}</h1>
<form method="post"><input type="hidden" name="mapped_url_token" value="${escapeHtml(ghSrc ?? '')}">
<label>First Name <input name="first_name"></label><label>Last Name <input name="last_name"></label>
<label>Email <input name="email" type="email"></label><label>Phone <input name="phone"></label>
<button type="submit">Submit Application</button></form></main></body></html>`;
  }

  /** The form's submission: a candidate and an application on the job, announced by `new_candidate_application`. */
  @Post(':company/jobs/:postId')
  @HttpCode(200)
  apply(
    @Param('company') company: string,
    @Param('postId') postId: string,
    @Body() body: Record<string, unknown> | undefined,
  ): Record<string, unknown> {
    const job = this.job(company, postId);
    const text = (k: string) => (typeof body?.[k] === 'string' ? body[k].trim() : '');
    if (!text('first_name') || !text('email')) throw harvestError(422, ['first_name and email are required']);
    const token = text('mapped_url_token') || null;
    const source = this.state.ghSourceOfToken(company, token);
    const created = this.control.addGhCandidate(
      company,
      {
        firstName: text('first_name'),
        lastName: text('last_name'),
        emails: [text('email')],
        phones: text('phone') ? [text('phone')] : [],
        applications: [{ job: job.id, ...(source ? { source } : {}) }],
      },
      true,
    );
    return {
      success: 'Candidate saved successfully',
      application_id: (created.applications as { id: number }[])[0]?.id,
    };
  }
}
