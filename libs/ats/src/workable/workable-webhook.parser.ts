import { ValidationFailedException } from '@comeback/platform';
import type { AtsEvent, WebhookRequest } from '../ats-connector.port';
import { bodyDigestId, verifyHexHmacSha256 } from '../util/hmac-signature';
import { asId, asRecord, asText, headerValue, JsonRecord, parseJson } from '../util/json-reader';
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
  const outcome = eventType === 'candidate_moved' ? workableOutcome(eventId, data) : null;
  if (outcome) return outcome;
  return {
    kind: eventType === 'candidate_created' ? 'application_created' : 'stage_changed',
    eventId,
    application: mapWorkableCandidate(data, null),
  };
}

/**
 * Workable has no hire or rejection event: its webhook events are `candidate_created`, `candidate_moved` and
 * `candidate_deleted` (workable.readme.io/reference/webhook-subscriptions-candidates-employees). The candidate it
 * posts carries `hired_at` and `disqualified` / `disqualified_at` (workable.readme.io/reference/candidate-events),
 * so a `candidate_moved` whose candidate has `hired_at` is the hire (moved into the hired stage) and one that is
 * `disqualified` the rejection. Whether a disqualification alone fires `candidate_moved` is not documented:
 * this is the one place to change should it turn out otherwise. Null: an ordinary stage change.
 */
export function workableOutcome(eventId: string, data: JsonRecord): AtsEvent | null {
  const applicationId = asId(data.id);
  if (!applicationId) return null;
  const base = {
    eventId,
    applicationId,
    candidateId: applicationId,
    jobId: asText(asRecord(data.job)?.shortcode) ?? '',
  };
  const hiredAt = asText(data.hired_at);
  if (hiredAt)
    return {
      kind: 'application_hired',
      ...base,
      at: hiredAt,
      appliedAt: asText(data.created_at),
      offerAt: null,
      startsOn: null,
    };
  if (data.disqualified === true)
    return { kind: 'application_rejected', ...base, at: asText(data.disqualified_at) };
  return null;
}
