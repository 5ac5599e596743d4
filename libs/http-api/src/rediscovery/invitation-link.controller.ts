import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { INVITATION_LINK_PATH, InvitationsService, renderInvitationLanding } from '@comeback/rediscovery';

/**
 * The personal invitation link (no account: the signed token is the authority). GET shows a page and changes
 * nothing; its button POSTs here, which records the click and answers 303 to the ATS's application form with
 * the marker. Not part of the API document (like the webhook receivers): covered by the rediscovery e2e test.
 */
@ApiExcludeController()
@Controller(INVITATION_LINK_PATH.slice(1))
export class InvitationLinkController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const view = await this.invitations.landing(token);
    res
      .status(view.state === 'ok' ? 200 : view.state === 'expired' ? 410 : 404)
      .set({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' })
      .type('html')
      .send(renderInvitationLanding(view, `${INVITATION_LINK_PATH}/${encodeURIComponent(token)}`));
  }

  @Post(':token')
  @HttpCode(303)
  async follow(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const target = await this.invitations.follow(token);
    res.set({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }).redirect(303, target);
  }
}
