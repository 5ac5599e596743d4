import { Injectable, Inject } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import {
  GH_EVENT_ID_STABLE_ACROSS_RETRIES,
  GH_JSON_ESCAPED_CHARACTERS,
  GH_PING_ACTION,
  GH_WEBHOOK_RETRY_MINUTES,
} from './contract.constants';
import { ghDepartments } from './greenhouse-departments';
import { SimulatorState } from './simulator-state.service';
import type { GhApplication, GhCandidate, GhOffer, GhWebhook } from './simulator.types';
import { Delivery, DeliveryAttempt, WebhookDispatcher } from './webhook-dispatcher.service';

export const GH_WEBHOOK_ACTIONS = [
  'new_candidate_application',
  'candidate_stage_change',
  'offer_created',
  'offer_updated',
  'hire_candidate',
  'reject_candidate',
  'unhire_candidate',
] as const;
export type GhWebhookAction = (typeof GH_WEBHOOK_ACTIONS)[number];

/**
 * JSON as Greenhouse writes it: every non-ASCII UTF-16 unit (and <, >, &) as \uXXXX. The signature is
 * computed over these bytes, so a receiver that re-serialises the parsed body will not match it.
 */
export function greenhouseJson(value: unknown): string {
  return JSON.stringify(value).replace(
    GH_JSON_ESCAPED_CHARACTERS,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function greenhouseSignature(secret: string, body: Buffer | string): string {
  return `sha256 ${createHmac('sha256', secret).update(body).digest('hex')}`;
}

@Injectable()
export class GreenhouseWebhookService {
  constructor(
    @Inject(SimulatorState) private readonly state: SimulatorState,
    @Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher,
  ) {}

  /**
   * Saves a webhook for one event type and pings it, like Greenhouse: "When the webhook is saved or updated,
   * we will attempt to ping this URL … If this ping fails, we will create the webhook in a disabled state"
   * (https://developers.greenhouse.io/webhooks.html#creating-a-webhook). Each webhook has its own secret key.
   */
  async register(
    company: string,
    url: string,
    secret: string,
    action: string,
  ): Promise<{ webhook: GhWebhook; ping: DeliveryAttempt }> {
    const webhook = this.state.addGhWebhook({ company, url, secret, action, enabled: false });
    const body = Buffer.from(
      greenhouseJson({ action: GH_PING_ACTION, payload: { web_hook_id: webhook.id } }),
    );
    const ping = await this.dispatcher.sendOnce(url, body, this.headers(secret, body, randomUUID()));
    webhook.enabled = ping.status === 200;
    return { webhook, ping };
  }

  fireApplication(
    action: 'new_candidate_application' | 'candidate_stage_change',
    application: GhApplication,
  ): Delivery[] {
    return this.fire(application.company, action, { application: this.applicationPayload(application) });
  }

  fireOffer(action: 'offer_created' | 'offer_updated', offer: GhOffer): Delivery[] {
    return this.fire(offer.company, action, this.offerPayload(offer));
  }

  /**
   * "The Hire Candidate event occurs when an offer is accepted" (developers.greenhouse.io/webhooks.html#candidate-hired):
   * the payload is the application with its candidate, `jobs`, custom fields and the accepted `offer` (`created_at`,
   * `sent_at`, `resolved_at`, `starts_at`), without `status` or `current_stage`, as in the documented example.
   */
  fireHire(application: GhApplication, offer: GhOffer | null): Delivery[] {
    const full = this.applicationPayload(application);
    const payload = {
      application: {
        id: full.id,
        opening: null,
        credited_to: null,
        source: full.source,
        url: full.url,
        candidate: full.candidate,
        jobs: full.jobs,
        custom_fields: full.custom_fields,
        offer: offer
          ? {
              id: offer.id,
              version: offer.version,
              created_at: offer.created_at,
              sent_at: offer.sent_on,
              resolved_at: offer.resolved_at,
              starts_at: offer.starts_on,
              custom_fields: offer.custom_fields,
            }
          : null,
      },
    };
    return this.fire(application.company, 'hire_candidate', payload);
  }

  /**
   * `reject_candidate` (#candidate-prospect-rejected) and `unhire_candidate` (#candidate-unhired, "only fires when the
   * Unhire button is clicked"): the application as in the other application events, with `status` and `rejected_at`.
   */
  fireApplicationVerdict(
    action: 'reject_candidate' | 'unhire_candidate',
    application: GhApplication,
  ): Delivery[] {
    return this.fire(application.company, action, { application: this.applicationPayload(application) });
  }

  private fire(company: string, action: GhWebhookAction, payload: unknown): Delivery[] {
    const targets = this.state.gh.webhooks.filter(
      (w) => w.company === company && w.enabled && w.action === action,
    );
    return targets.map((w) => {
      const body = Buffer.from(greenhouseJson({ action, payload }));
      const eventId = randomUUID();
      const headers = this.headers(w.secret, body, eventId);
      return this.dispatcher.dispatch({
        face: 'greenhouse',
        company,
        event: action,
        eventId: GH_EVENT_ID_STABLE_ACROSS_RETRIES ? eventId : randomUUID(),
        url: w.url,
        body,
        headers,
        retryMinutes: GH_WEBHOOK_RETRY_MINUTES,
      });
    });
  }

  private headers(secret: string, body: Buffer, eventId: string): Record<string, string> {
    return {
      'Content-Type': 'application/json',
      'User-Agent': 'Greenhouse-Webhooks (ats-simulator)',
      Signature: greenhouseSignature(secret, body),
      'Greenhouse-Event-ID': eventId,
    };
  }

  // The webhook payload is Greenhouse's older, nested shape (unchanged by Harvest v3): the application
  // carries its candidate and jobs, and only the current stage (the previous one is not sent).
  applicationPayload(application: GhApplication): Record<string, unknown> {
    const candidate = this.state.ghCandidate(application.candidate_id);
    const job = this.state.ghJob(application.job_id);
    const stage = this.state.ghStage(application.job_interview_stage_id);
    return {
      id: application.id,
      rejected_at: application.rejected_at,
      prospect: application.prospect,
      status: application.status,
      applied_at: application.applied_at,
      url: `https://app.greenhouse.io/people/${application.candidate_id}?application_id=${application.id}`,
      source: application.source,
      credited_to: null,
      rejection_reason: null,
      rejection_details: null,
      current_stage: stage ? { id: stage.id, name: stage.name, interviews: [] } : null,
      jobs: job
        ? [
            {
              id: job.id,
              name: job.name,
              requisition_id: null,
              status: job.status,
              confidential: false,
              departments: ghDepartments(job),
              offices: [],
              opened_at: job.created_at,
              closed_at: null,
            },
          ]
        : [],
      answers: [],
      attachments: [],
      custom_fields: application.custom_fields,
      candidate: candidate ? this.candidatePayload(candidate) : null,
    };
  }

  private candidatePayload(c: GhCandidate): Record<string, unknown> {
    return {
      id: c.id,
      first_name: c.first_name,
      last_name: c.last_name,
      title: c.title,
      company: c.company_name,
      created_at: c.created_at,
      external_id: null,
      photo_url: null,
      url: `https://app.greenhouse.io/people/${c.id}`,
      is_private: c.private,
      phone_numbers: c.phone_numbers,
      email_addresses: c.email_addresses,
      addresses: [],
      website_addresses: [],
      social_media_addresses: [],
      educations: [],
      employments: c.employments,
      recruiter: null,
      coordinator: null,
      attachments: [],
      tags: c.tags,
      custom_fields: c.custom_fields,
    };
  }

  // Offer webhooks are flat (no `offer` wrapper): id, application_id, job_id, user_id, version,
  // sent_on, resolved_at, start_date, notes, offer_status, custom_fields — as in the webhook docs'
  // offer examples; `offer_status` is the display spelling of the Harvest status.
  offerPayload(offer: GhOffer): Record<string, unknown> {
    return {
      id: offer.id,
      application_id: offer.application_id,
      job_id: offer.job_id,
      user_id: null,
      version: offer.version,
      sent_on: offer.sent_on,
      resolved_at: offer.resolved_at,
      start_date: offer.starts_on,
      notes: null,
      offer_status:
        offer.status === 'unresolved'
          ? 'Created'
          : offer.status.charAt(0).toUpperCase() + offer.status.slice(1),
      custom_fields: offer.custom_fields,
    };
  }
}
