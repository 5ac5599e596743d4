import { ValidationFailedException } from '@comeback/platform';
import type { AtsEvent, WebhookRequest } from '../ats-connector.port';
import { bodyDigestId, verifyHexHmacSha256 } from '../util/hmac-signature';
import { asId, asRecord, asText, headerValue, parseJson } from '../util/json-reader';
import { WK_SIGNATURE_HEADER } from './workable.constants';
import { mapWorkableCandidate } from './workable.mapper';

/** `X-Workable-Signature`: bare hex HMAC-SHA256 of the raw body, keyed with the token / app secret. */
export function verifyWorkableSignature(req: WebhookRequest, secret: string): boolean {
  return verifyHexHmacSha256(req.rawBody, secret, headerValue(req.headers, WK_SIGNATURE_HEADER)?.trim());
}

/**
 * Envelope `{id, event_type, fired_at, resource_type, data}`; `data` is the candidate. The envelope id is
 * the event id; should it be missing, a digest of the body stands in so that replays still de-duplicate.
 */
export function parseWorkableWebhook(req: WebhookRequest): AtsEvent {
  const body = asRecord(parseJson(req.rawBody.toString('utf8')));
  if (!body) throw new ValidationFailedException('Workable webhook body is not a JSON object');
  const eventId = asId(body.id) ?? bodyDigestId(req.rawBody);
  const eventType = asText(body.event_type);
  if (!eventType) throw new ValidationFailedException('Workable webhook has no event_type');
  if (eventType !== 'candidate_created' && eventType !== 'candidate_moved')
    return { kind: 'ignored', eventId, action: eventType };
  const data = asRecord(body.data);
  if (!data) throw new ValidationFailedException(`Workable ${eventType} lacks data`);
  return {
    kind: eventType === 'candidate_created' ? 'application_created' : 'stage_changed',
    eventId,
    application: mapWorkableCandidate(data, null),
  };
}
