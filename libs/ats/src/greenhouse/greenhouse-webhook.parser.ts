import { AppException } from '@comeback/platform';
import type { AtsEvent, WebhookRequest } from '../ats-connector.port';
import { bodyDigestId, verifyHexHmacSha256 } from '../util/hmac-signature';
import { asArray, asId, asRecord, asText, headerValue, JsonRecord, parseJson } from '../util/json-reader';
import { GH_SIGNATURE_HEADER, GH_SIGNATURE_PREFIX } from './greenhouse.constants';
import { mapWebhookApplication } from './greenhouse.mapper';

/**
 * `Signature: sha256 <hex>` over the raw bytes, checked against every secret the connection holds: Greenhouse
 * has one webhook per event type, each with its own secret key (developers.greenhouse.io/webhooks.html,
 * "Creating a webhook"). Missing header, other algorithm or bad hex → false.
 */
export function verifyGreenhouseSignature(req: WebhookRequest, secrets: readonly string[]): boolean {
  const header = headerValue(req.headers, GH_SIGNATURE_HEADER);
  if (!header || !header.startsWith(GH_SIGNATURE_PREFIX)) return false;
  const given = header.slice(GH_SIGNATURE_PREFIX.length).trim();
  // No short-circuit: each secret costs the same whichever matches.
  return secrets.map((secret) => verifyHexHmacSha256(req.rawBody, secret, given)).includes(true);
}

/**
 * The id we deduplicate on: a digest of the signed bytes. `Greenhouse-Event-ID` is "an unique id associated
 * with this delivery" and not covered by the signature (developers.greenhouse.io/webhooks.html), so a captured
 * delivery replayed with a fresh header would pass as new; the body cannot change without the signature.
 */
export function greenhouseEventId(req: WebhookRequest): string {
  return bodyDigestId(req.rawBody);
}

/**
 * The ping Greenhouse sends when a webhook is saved: "a payload containing some configuration settings"
 * (shape undocumented). `action: "ping"` or a body naming the webhook counts; anything else we cannot use
 * is `ignored`, which is answered 200 as well.
 */
export function isGreenhousePing(body: JsonRecord): boolean {
  if (body.action === 'ping') return true;
  return (
    body.action === undefined &&
    ('web_hook_id' in body || 'webhook_id' in body || asRecord(body.payload)?.web_hook_id !== undefined)
  );
}

/**
 * Never throws: once the signature verified, the delivery is Greenhouse's, and anything but a 200 is retried
 * for 15 hours (and a failed ping leaves the webhook disabled). What we cannot use comes back `ignored`.
 */
export function parseGreenhouseWebhook(req: WebhookRequest): AtsEvent {
  const eventId = greenhouseEventId(req);
  const body = asRecord(parseJson(req.rawBody.toString('utf8')));
  if (!body) return { kind: 'ignored', eventId, action: 'unreadable' };
  if (isGreenhousePing(body)) return { kind: 'ping', eventId };
  const action = asText(body.action) ?? 'unknown';
  const payload = asRecord(body.payload);
  try {
    switch (action) {
      case 'new_candidate_application':
      case 'candidate_stage_change': {
        const application = asRecord(payload?.application);
        // Prospects sit in pools (the documented `application_updated` example has `jobs: []`): nothing to
        // fast-track, so they are acknowledged and stored as ignored.
        if (!application || application.prospect === true || asArray(application.jobs).length === 0)
          return { kind: 'ignored', eventId, action };
        return {
          kind: action === 'new_candidate_application' ? 'application_created' : 'stage_changed',
          eventId,
          application: mapWebhookApplication(application),
        };
      }
      case 'offer_created':
      case 'offer_updated':
        return parseOfferEvent(eventId, action, payload);
      case 'hire_candidate':
      case 'reject_candidate':
      case 'unhire_candidate':
        return parseOutcomeEvent(eventId, action, payload);
      default:
        return { kind: 'ignored', eventId, action };
    }
  } catch (e) {
    // A field we need is missing or malformed: stored as ignored (the raw body stays in the inbox).
    if (e instanceof AppException) return { kind: 'ignored', eventId, action };
    throw e;
  }
}

/**
 * Offer webhooks carry the offer flat in `payload` (`id`, `application_id`, `version`, custom fields).
 * `offer` is left null on purpose: which custom field holds the salary is tenant configuration the parser
 * does not have, so the processor reads the offer with `getOffer` (one call, and always the current version).
 * The candidate id is taken where the payload has one; offer payloads may lack it ('' then).
 */
function parseOfferEvent(eventId: string, action: string, payload: JsonRecord | null): AtsEvent {
  const offer = asRecord(payload?.offer) ?? payload;
  const application = asRecord(offer?.application) ?? asRecord(payload?.application);
  const applicationId = asId(offer?.application_id) ?? asId(application?.id);
  if (!offer || !applicationId) return { kind: 'ignored', eventId, action };
  const candidateId =
    asId(offer.candidate_id) ??
    asId(application?.candidate_id) ??
    asId(asRecord(application?.candidate)?.id) ??
    '';
  return { kind: 'offer_changed', eventId, applicationId, candidateId, offer: null };
}

/**
 * `hire_candidate` ("occurs when an offer is accepted"), `reject_candidate` and `unhire_candidate` (the "Unhire"
 * button) carry the application in `payload.application` (developers.greenhouse.io/webhooks.html#candidate-hired,
 * #candidate-prospect-rejected, #candidate-unhired). The hire example has no `status` nor `applied_at` but the
 * accepted offer (`offer.created_at`, `sent_at`, `resolved_at`, `starts_at`); the job is `jobs[0]` (`job` is
 * deprecated). A rejected prospect (no job) is nothing we track: ignored.
 */
function parseOutcomeEvent(eventId: string, action: string, payload: JsonRecord | null): AtsEvent {
  const application = asRecord(payload?.application);
  const applicationId = asId(application?.id);
  if (!application || !applicationId || application.prospect === true)
    return { kind: 'ignored', eventId, action };
  const candidateId = asId(asRecord(application.candidate)?.id) ?? asId(application.candidate_id) ?? '';
  const job = asRecord(asArray(application.jobs)[0]) ?? asRecord(application.job);
  const jobId = asId(job?.id) ?? '';
  const base = { eventId, applicationId, candidateId, jobId };
  if (action === 'reject_candidate')
    return { kind: 'application_rejected', ...base, at: asText(application.rejected_at) };
  if (action === 'unhire_candidate') return { kind: 'application_unhired', ...base, at: null };
  const offer = asRecord(application.offer);
  return {
    kind: 'application_hired',
    ...base,
    at: asText(offer?.resolved_at),
    appliedAt: asText(application.applied_at),
    offerAt: asText(offer?.sent_at) ?? asText(offer?.sent_on) ?? asText(offer?.created_at),
    startsOn: asText(offer?.starts_at) ?? asText(offer?.start_date),
  };
}
