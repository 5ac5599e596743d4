import { Injectable, Inject } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import { WK_WEBHOOK_RETRY_MINUTES, WK_WEBHOOK_STAGE_FORM } from './contract.constants';
import { SimulatorState } from './simulator-state.service';
import type { WkCandidate } from './simulator.types';
import { Delivery, WebhookDispatcher } from './webhook-dispatcher.service';
import { toWorkableCandidate } from './workable.mapper';

export const WK_WEBHOOK_EVENTS = [
  'candidate_created',
  'candidate_moved',
  'candidate_deleted',
  'employee_created',
  'employee_updated',
  'employee_published',
  'onboarding_completed',
] as const;
export type WkWebhookEvent = (typeof WK_WEBHOOK_EVENTS)[number];

export function workableSignature(token: string, body: Buffer | string): string {
  return createHmac('sha256', token).update(body).digest('hex');
}

/** Posts candidate events to the account's subscriptions, signed with the account token. */
@Injectable()
export class WorkableWebhookService {
  constructor(
    @Inject(SimulatorState) private readonly state: SimulatorState,
    @Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher,
  ) {}

  fire(event: 'candidate_created' | 'candidate_moved', candidate: WkCandidate): Delivery[] {
    const account = this.state.wk.accounts.get(candidate.company);
    if (!account) return [];
    const subs = this.state.wk.subscriptions.filter(
      (s) =>
        s.company === candidate.company &&
        s.event === event &&
        (!s.args.job_shortcode || s.args.job_shortcode === candidate.job_shortcode) &&
        (!s.args.stage_slug || s.args.stage_slug === candidate.stage_slug),
    );
    return subs.map((s) => {
      const id = randomUUID();
      const envelope = {
        id,
        event_type: event,
        fired_at: this.state.now(),
        resource_type: 'candidate',
        data: toWorkableCandidate(this.state, candidate, WK_WEBHOOK_STAGE_FORM, true),
      };
      const body = Buffer.from(JSON.stringify(envelope));
      return this.dispatcher.dispatch({
        face: 'workable',
        company: candidate.company,
        event,
        eventId: id,
        url: s.target,
        body,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Workable-Webhooks (ats-simulator)',
          'X-Workable-Signature': workableSignature(account.token, body),
        },
        retryMinutes: WK_WEBHOOK_RETRY_MINUTES,
      });
    });
  }
}
