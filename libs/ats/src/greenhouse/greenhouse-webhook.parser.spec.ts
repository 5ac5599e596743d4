import { bodyDigestId, hexHmacSha256 } from '../util/hmac-signature';
import { parseGreenhouseWebhook, verifyGreenhouseSignature } from './greenhouse-webhook.parser';

const SECRET = 'gh-webhook-secret';

function delivery(body: string, headers: Record<string, string> = {}) {
  return { rawBody: Buffer.from(body, 'utf8'), headers: { 'content-type': 'application/json', ...headers } };
}

function signed(body: string, extra: Record<string, string> = {}) {
  return delivery(body, {
    signature: `sha256 ${hexHmacSha256(Buffer.from(body, 'utf8'), SECRET)}`,
    'greenhouse-event-id': 'evt-1',
    ...extra,
  });
}

function applicationPayload(overrides: Record<string, unknown> = {}) {
  return {
    id: 71980812,
    status: 'active',
    prospect: false,
    applied_at: '2026-11-01T10:00:00Z',
    current_stage: { id: 5245804, name: 'Application Review' },
    jobs: [{ id: 433750, name: 'Backend Engineer' }],
    custom_fields: {
      claimed_employee_number: { name: 'Employee number', type: 'short_text', value: 'E-1234' },
    },
    candidate: {
      id: 60920445,
      first_name: 'Hanako',
      last_name: 'Yamada',
      email_addresses: [{ value: 'hanako@example.com', type: 'personal' }],
      phone_numbers: [{ value: '+81 90 1234 5678', type: 'mobile' }],
      tags: ['Referral'],
      custom_fields: { name_kana: { name: 'Name (kana)', type: 'short_text', value: 'ヤマダ ハナコ' } },
      company: 'Acme KK',
      title: 'Engineer',
    },
    ...overrides,
  };
}

/** The id a delivery of these bytes gets: a digest of the signed body, whatever Greenhouse-Event-ID says. */
function idOf(body: string): string {
  return bodyDigestId(Buffer.from(body, 'utf8'));
}

describe('verifyGreenhouseSignature', () => {
  const body = JSON.stringify({ action: 'candidate_stage_change', payload: {} });

  it('accepts the HMAC of the raw bytes', () => {
    expect(verifyGreenhouseSignature(signed(body), [SECRET])).toBe(true);
  });

  it('accepts a body signed with any of the secrets (one webhook, one secret key, per event type)', () => {
    expect(verifyGreenhouseSignature(signed(body), ['stage-change-secret', SECRET])).toBe(true);
    expect(verifyGreenhouseSignature(signed(body), ['stage-change-secret', 'offer-secret'])).toBe(false);
    expect(verifyGreenhouseSignature(signed(body), [])).toBe(false);
  });

  it('accepts any header case and upper-case hex', () => {
    const sig = hexHmacSha256(body, SECRET).toUpperCase();
    expect(verifyGreenhouseSignature(delivery(body, { Signature: `sha256 ${sig}` }), [SECRET])).toBe(true);
  });

  it('refuses a forged signature, a tampered body and a wrong secret', () => {
    expect(
      verifyGreenhouseSignature(delivery(body, { signature: `sha256 ${'0'.repeat(64)}` }), [SECRET]),
    ).toBe(false);
    expect(verifyGreenhouseSignature({ ...signed(body), rawBody: Buffer.from(body + ' ') }, [SECRET])).toBe(
      false,
    );
    expect(verifyGreenhouseSignature(signed(body), ['other-secret'])).toBe(false);
  });

  it('refuses a missing header, a wrong prefix and malformed hex', () => {
    const hex = hexHmacSha256(body, SECRET);
    expect(verifyGreenhouseSignature(delivery(body), [SECRET])).toBe(false);
    expect(verifyGreenhouseSignature(delivery(body, { signature: hex }), [SECRET])).toBe(false);
    expect(verifyGreenhouseSignature(delivery(body, { signature: `sha1 ${hex}` }), [SECRET])).toBe(false);
    expect(verifyGreenhouseSignature(delivery(body, { signature: `sha256=${hex}` }), [SECRET])).toBe(false);
    expect(verifyGreenhouseSignature(delivery(body, { signature: `sha256 ${hex.slice(2)}` }), [SECRET])).toBe(
      false,
    );
    expect(
      verifyGreenhouseSignature(delivery(body, { signature: `sha256 ${hex.slice(0, -1)}z` }), [SECRET]),
    ).toBe(false);
    expect(verifyGreenhouseSignature(signed(body), [''])).toBe(false);
  });

  it('verifies over the bytes as sent when non-ASCII is escaped as \\uXXXX', () => {
    // Greenhouse escapes before signing: the wire carries the 6-byte escape, not "é".
    const raw = '{"action":"new_candidate_application","payload":{"note":"Ren\\u00e9e \\u003cb\\u003e"}}';
    expect(raw).not.toContain('é');
    expect(verifyGreenhouseSignature(signed(raw), [SECRET])).toBe(true);
    // Re-serialising the parsed body would change the bytes and never match.
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(verifyGreenhouseSignature({ ...signed(raw), rawBody: Buffer.from(reserialised) }, [SECRET])).toBe(
      false,
    );
  });
});

describe('parseGreenhouseWebhook', () => {
  it('detects the ping', () => {
    const ping = JSON.stringify({ action: 'ping', payload: { web_hook_id: 1 } });
    expect(parseGreenhouseWebhook(signed(ping))).toEqual({ kind: 'ping', eventId: idOf(ping) });
    expect(parseGreenhouseWebhook(signed(JSON.stringify({ web_hook_id: 1, url: 'https://x' }))).kind).toBe(
      'ping',
    );
  });

  it('maps new_candidate_application to application_created', () => {
    const body = JSON.stringify({
      action: 'new_candidate_application',
      payload: { application: applicationPayload() },
    });
    const ev = parseGreenhouseWebhook(signed(body));
    expect(ev).toEqual({
      kind: 'application_created',
      eventId: idOf(body),
      application: {
        applicationId: '71980812',
        candidateId: '60920445',
        jobId: '433750',
        jobName: 'Backend Engineer',
        currentStageId: '5245804',
        currentStageName: 'Application Review',
        currentStagePositionId: null,
        status: 'active',
        referralSource: null,
        candidate: {
          firstName: 'Hanako',
          lastName: 'Yamada',
          emails: ['hanako@example.com'],
          phones: ['+81 90 1234 5678'],
          tags: ['Referral'],
          customFields: { name_kana: 'ヤマダ ハナコ', claimed_employee_number: 'E-1234' },
        },
        workHistory: [{ company: 'Acme KK', title: 'Engineer', startDate: null, endDate: null }],
      },
    });
  });

  it('maps candidate_stage_change to stage_changed with the new stage', () => {
    const payload = {
      application: applicationPayload({ current_stage: { id: 99, name: 'Offer' }, status: 'hired' }),
    };
    const ev = parseGreenhouseWebhook(signed(JSON.stringify({ action: 'candidate_stage_change', payload })));
    expect(ev.kind).toBe('stage_changed');
    if (ev.kind !== 'stage_changed') return;
    expect(ev.application.currentStageId).toBe('99');
    expect(ev.application.status).toBe('hired');
  });

  it.each(['offer_created', 'offer_updated'])(
    'maps %s to offer_changed (offer read later with getOffer)',
    (action) => {
      const payload = {
        id: 321,
        application_id: 71980812,
        job_id: 433750,
        version: 2,
        offer_status: 'unresolved',
        custom_fields: {},
      };
      const body = JSON.stringify({ action, payload });
      expect(parseGreenhouseWebhook(signed(body))).toEqual({
        kind: 'offer_changed',
        eventId: idOf(body),
        applicationId: '71980812',
        candidateId: '',
        offer: null,
      });
    },
  );

  it('acknowledges other actions as ignored', () => {
    for (const action of [
      'hire_candidate',
      'reject_candidate',
      'delete_application',
      'new_prospect_application',
    ]) {
      const body = JSON.stringify({ action, payload: {} });
      expect(parseGreenhouseWebhook(signed(body))).toEqual({ kind: 'ignored', eventId: idOf(body), action });
    }
  });

  it('ids a delivery by a digest of the signed body, not by the unsigned Greenhouse-Event-ID', () => {
    const body = JSON.stringify({ action: 'hire_candidate', payload: {} });
    const first = parseGreenhouseWebhook(signed(body, { 'greenhouse-event-id': 'evt-1' }));
    // A captured delivery replayed with a fresh header: the same event.
    const replay = parseGreenhouseWebhook(signed(body, { 'greenhouse-event-id': 'evt-2' }));
    const noHeader = parseGreenhouseWebhook(delivery(body));
    expect(first.eventId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(replay.eventId).toBe(first.eventId);
    expect(noHeader.eventId).toBe(first.eventId);
  });

  // Was "rejects malformed bodies with ValidationFailed": that encoded the wrong vendor behaviour — Greenhouse
  // retries anything but 200 for 15 hours and disables a webhook whose ping failed (developers.greenhouse.io/
  // webhooks.html), so a verified delivery we cannot use is acknowledged and stored as ignored.
  it.each([
    ['not json', 'unreadable'],
    ['[1,2]', 'unreadable'],
    [JSON.stringify({ payload: {} }), 'unknown'],
    [JSON.stringify({ action: 'candidate_stage_change', payload: {} }), 'candidate_stage_change'],
    [
      JSON.stringify({
        action: 'new_candidate_application',
        payload: { application: applicationPayload({ candidate: undefined }) },
      }),
      'new_candidate_application',
    ],
    [
      JSON.stringify({
        action: 'new_candidate_application',
        payload: { application: applicationPayload({ jobs: [] }) },
      }),
      'new_candidate_application',
    ],
    [
      JSON.stringify({
        action: 'candidate_stage_change',
        payload: { application: applicationPayload({ prospect: true }) },
      }),
      'candidate_stage_change',
    ],
    [JSON.stringify({ action: 'offer_created', payload: { id: 1 } }), 'offer_created'],
  ])('answers a verified body it cannot use with ignored, never an exception: %s', (body, action) => {
    expect(parseGreenhouseWebhook(signed(body))).toEqual({ kind: 'ignored', eventId: idOf(body), action });
  });
});
