import { ValidationFailedException } from '@comeback/platform';
import type { AtsEvent, WebhookRequest } from '../ats-connector.port';
import { bodyDigestId, verifyHexHmacSha256 } from '../util/hmac-signature';
import { asId, asRecord, asText, headerValue, JsonRecord, parseJson } from '../util/json-reader';
import { GH_EVENT_ID_HEADER, GH_SIGNATURE_HEADER, GH_SIGNATURE_PREFIX } from './greenhouse.constants';
import { mapWebhookApplication } from './greenhouse.mapper';

/** `Signature: sha256 <hex>` over the raw bytes. Missing header, other algorithm or bad hex → false. */
export function verifyGreenhouseSignature(req: WebhookRequest, secret: string): boolean {
  const header = headerValue(req.headers, GH_SIGNATURE_HEADER);
  if (!header || !header.startsWith(GH_SIGNATURE_PREFIX)) return false;
  return verifyHexHmacSha256(req.rawBody, secret, header.slice(GH_SIGNATURE_PREFIX.length).trim());
}

/**
 * Greenhouse puts a unique id in `Greenhouse-Event-ID` on every delivery. Should it be missing (a proxy
 * stripped it), a digest of the body stands in: a replay of the same bytes is still recognised as one.
 */
export function greenhouseEventId(req: WebhookRequest): string {
  return asText(headerValue(req.headers, GH_EVENT_ID_HEADER)) ?? bodyDigestId(req.rawBody);
}

/**
 * The ping Greenhouse sends when a webhook is saved: `action: "ping"`. Older copies of the docs show a
 * body with only the webhook's configuration (`web_hook_id`) and no action; both count.
 */
export function isGreenhousePing(body: JsonRecord): boolean {
  if (body.action === 'ping') return true;
  return (
    body.action === undefined &&
    ('web_hook_id' in body || 'webhook_id' in body || asRecord(body.payload)?.web_hook_id !== undefined)
  );
}

export function parseGreenhouseWebhook(req: WebhookRequest): AtsEvent {
  const body = asRecord(parseJson(req.rawBody.toString('utf8')));
  if (!body) throw new ValidationFailedException('Greenhouse webhook body is not a JSON object');
  const eventId = greenhouseEventId(req);
  if (isGreenhousePing(body)) return { kind: 'ping', eventId };
  const action = asText(body.action);
  if (!action) throw new ValidationFailedException('Greenhouse webhook has no action');
  const payload = asRecord(body.payload);
  switch (action) {
    case 'new_candidate_application':
    case 'candidate_stage_change': {
      const application = asRecord(payload?.application);
      if (!application) throw new ValidationFailedException(`Greenhouse ${action} lacks payload.application`);
      return {
        kind: action === 'new_candidate_application' ? 'application_created' : 'stage_changed',
        eventId,
        application: mapWebhookApplication(application),
      };
    }
    case 'offer_created':
    case 'offer_updated':
      return parseOfferEvent(eventId, action, payload);
    default:
      return { kind: 'ignored', eventId, action };
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
  if (!offer || !applicationId)
    throw new ValidationFailedException(`Greenhouse ${action} lacks the offer's application_id`);
  const candidateId =
    asId(offer.candidate_id) ??
    asId(application?.candidate_id) ??
    asId(asRecord(application?.candidate)?.id) ??
    '';
  return { kind: 'offer_changed', eventId, applicationId, candidateId, offer: null };
}
