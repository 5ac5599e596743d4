import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppException, ErrorCode } from '@comeback/platform';
import type { AtsConnection } from '../ats-connector.port';
import { hexHmacSha256 } from '../util/hmac-signature';
import { resolveWorkableStage, mapWorkableCandidate, mapWorkableStages } from './workable.mapper';
import { parseWorkableWebhook, verifyWorkableSignature } from './workable-webhook.parser';
import { workableCursor } from './workable.connector';
import { workableSigningSecret, workableSubscriptionTarget } from './workable.constants';

const SECRET = 'wk-account-token';

function delivery(body: string, headers: Record<string, string> = {}) {
  return { rawBody: Buffer.from(body, 'utf8'), headers };
}
function signed(body: string) {
  return delivery(body, { 'x-workable-signature': hexHmacSha256(Buffer.from(body, 'utf8'), SECRET) });
}

const candidate = {
  id: '3fc9a80f',
  name: 'Taro Suzuki',
  firstname: 'Taro',
  lastname: 'Suzuki',
  email: 'taro@example.com',
  phone: '+81 80 0000 0000',
  job: { shortcode: 'GROOV005', title: 'Sales Lead' },
  stage: 'Phone Screen',
  disqualified: false,
  tags: ['referral'],
  experience_entries: [{ company: 'Acme', title: 'Sales', start_date: '2019-04-01', end_date: '2023-03-31' }],
};

describe('verifyWorkableSignature', () => {
  const body = JSON.stringify({ id: 'e1', event_type: 'candidate_created', data: candidate });
  it('accepts the hex HMAC of the raw bytes, whatever the header case', () => {
    expect(verifyWorkableSignature(signed(body), SECRET)).toBe(true);
    expect(
      verifyWorkableSignature(
        delivery(body, { 'X-Workable-Signature': hexHmacSha256(body, SECRET) }),
        SECRET,
      ),
    ).toBe(true);
  });
  it('refuses forged, missing, prefixed and non-hex signatures', () => {
    expect(
      verifyWorkableSignature(
        delivery(body, { 'x-workable-signature': hexHmacSha256(body, 'nope') }),
        SECRET,
      ),
    ).toBe(false);
    expect(verifyWorkableSignature(delivery(body), SECRET)).toBe(false);
    expect(
      verifyWorkableSignature(
        delivery(body, { 'x-workable-signature': `sha256=${hexHmacSha256(body, SECRET)}` }),
        SECRET,
      ),
    ).toBe(false);
    expect(verifyWorkableSignature(delivery(body, { 'x-workable-signature': 'zz' }), SECRET)).toBe(false);
  });
  it('verifies over raw bytes with escaped non-ASCII', () => {
    const raw = '{"id":"e2","event_type":"candidate_created","data":{"firstname":"\\u592a\\u90ce"}}';
    expect(verifyWorkableSignature(signed(raw), SECRET)).toBe(true);
    expect(
      verifyWorkableSignature(
        { ...signed(raw), rawBody: Buffer.from(JSON.stringify(JSON.parse(raw))) },
        SECRET,
      ),
    ).toBe(false);
  });
});

describe('parseWorkableWebhook', () => {
  it('maps candidate_created and candidate_moved; the candidate is the application', () => {
    const created = parseWorkableWebhook(
      signed(
        JSON.stringify({
          id: 'e1',
          event_type: 'candidate_created',
          fired_at: 'x',
          resource_type: 'candidate',
          data: candidate,
        }),
      ),
    );
    expect(created).toEqual({
      kind: 'application_created',
      eventId: 'e1',
      application: {
        applicationId: '3fc9a80f',
        candidateId: '3fc9a80f',
        jobId: 'GROOV005',
        jobName: 'Sales Lead',
        // The webhook names the stage; its slug is resolved by getApplication.
        currentStageId: null,
        currentStageName: 'Phone Screen',
        status: 'active',
        referralSource: null,
        candidate: {
          firstName: 'Taro',
          lastName: 'Suzuki',
          emails: ['taro@example.com'],
          phones: ['+81 80 0000 0000'],
          tags: ['referral'],
          customFields: {},
        },
        workHistory: [{ company: 'Acme', title: 'Sales', startDate: '2019-04-01', endDate: '2023-03-31' }],
      },
    });
    expect(
      parseWorkableWebhook(
        signed(JSON.stringify({ id: 'e2', event_type: 'candidate_moved', data: candidate })),
      ).kind,
    ).toBe('stage_changed');
  });

  it('ignores other events', () => {
    expect(
      parseWorkableWebhook(signed(JSON.stringify({ id: 'e3', event_type: 'employee_created', data: {} }))),
    ).toEqual({ kind: 'ignored', eventId: 'e3', action: 'employee_created' });
  });

  it('rejects malformed bodies with ValidationFailed', () => {
    for (const raw of [
      '{',
      '"x"',
      JSON.stringify({ id: 'e', data: candidate }),
      JSON.stringify({ id: 'e', event_type: 'candidate_moved' }),
      JSON.stringify({ id: 'e', event_type: 'candidate_moved', data: { ...candidate, job: {} } }),
    ]) {
      let err: unknown;
      try {
        parseWorkableWebhook(signed(raw));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppException);
      expect((err as AppException).code).toBe(ErrorCode.ValidationFailed);
    }
  });
});

describe('Workable mapping helpers', () => {
  const stages = mapWorkableStages([
    { slug: 'phone_screen', name: 'Phone Screen', kind: 'phone-screen', position: 1 },
    { slug: 'sourced', name: 'Sourced', kind: 'sourced', position: 0 },
    { slug: 'hired', name: 'Hired', kind: 'hired', position: 5 },
  ]);
  it('resolves a slug (lists) or a name (details, webhooks) to the stage', () => {
    expect(resolveWorkableStage(stages, 'phone_screen')?.slug).toBe('phone_screen');
    expect(resolveWorkableStage(stages, 'phone screen')?.slug).toBe('phone_screen');
    expect(resolveWorkableStage(stages, 'Nope')).toBeNull();
    expect(mapWorkableCandidate({ ...candidate, stage: 'Hired' }, stages)).toMatchObject({
      currentStageId: 'hired',
      status: 'hired',
    });
    expect(mapWorkableCandidate({ ...candidate, disqualified: true }, stages).status).toBe('rejected');
  });
  it('keeps only the query of paging.next as the cursor', () => {
    expect(workableCursor('https://acme.workable.com/spi/v3/candidates?limit=100&since_id=abc')).toBe(
      'limit=100&since_id=abc',
    );
    expect(workableCursor(null)).toBeNull();
  });
  it('gives each event its own subscription target', () => {
    expect(workableSubscriptionTarget('https://comeback.example/webhooks/x/t1', 'candidate_moved')).toBe(
      'https://comeback.example/webhooks/x/t1?event=candidate_moved',
    );
  });
});

describe('Workable documented webhook examples (test/fixtures/workable)', () => {
  const TOKEN = 'account-token-of-groove-tech';
  const load = (name: string): Buffer => {
    const { _source: _ignored, ...envelope } = JSON.parse(
      readFileSync(join(__dirname, '../../../../test/fixtures/workable', name), 'utf8'),
    ) as Record<string, unknown>;
    return Buffer.from(JSON.stringify(envelope));
  };
  // A connection saved without a webhook secret: Workable signs with the account token (workable.readme.io/reference/webhooks).
  const signingKey = workableSigningSecret({ secret: TOKEN, webhookSecret: null } as AtsConnection);

  it.each([
    ['candidate-created.webhook.json', 'application_created'],
    ['candidate-moved.webhook.json', 'stage_changed'],
  ])('verifies %s signed with the account token and parses it', (name, kind) => {
    const rawBody = load(name);
    const req = {
      rawBody,
      headers: { 'x-workable-signature': createHmac('sha256', TOKEN).update(rawBody).digest('hex') },
    };
    expect(signingKey).toBe(TOKEN);
    expect(verifyWorkableSignature(req, signingKey)).toBe(true);
    expect(verifyWorkableSignature(req, 'another-key')).toBe(false);
    expect(parseWorkableWebhook(req)).toMatchObject({
      kind,
      application: {
        applicationId: '3fc0a2b',
        jobId: 'GROOV003',
        jobName: 'Sales Lead',
        candidate: {
          firstName: 'Hanako',
          lastName: 'Yamada',
          emails: ['hanako.yamada@example.jp'],
          phones: ['+81 90 1234 5678'],
        },
        workHistory: [
          {
            company: 'Groove Tech',
            title: 'Account Executive',
            startDate: '2016-04-01',
            endDate: '2021-03-31',
          },
        ],
      },
    });
  });

  it('candidate_moved with hired_at → application_hired; disqualified → application_rejected', () => {
    const parse = (name: string) => {
      const rawBody = load(name);
      return parseWorkableWebhook({
        rawBody,
        headers: { 'x-workable-signature': createHmac('sha256', TOKEN).update(rawBody).digest('hex') },
      });
    };
    expect(parse('candidate-hired.webhook.json')).toEqual({
      kind: 'application_hired',
      eventId: '4d2b9e61-8f3c-4c1e-b2a7-0e5f6a7b8c10',
      applicationId: '3fc0a2b',
      candidateId: '3fc0a2b',
      jobId: 'GROOV003',
      at: '2026-12-01T09:59:58Z',
      appliedAt: '2026-11-02T09:14:58Z',
      offerAt: null,
      startsOn: null,
    });
    expect(parse('candidate-disqualified.webhook.json')).toEqual({
      kind: 'application_rejected',
      eventId: '4d2b9e61-8f3c-4c1e-b2a7-0e5f6a7b8c11',
      applicationId: '3fc0a2b',
      candidateId: '3fc0a2b',
      jobId: 'GROOV003',
      at: '2026-12-01T10:59:58Z',
    });
  });

  it('an explicit webhook secret overrides the token (partner apps)', () => {
    expect(
      workableSigningSecret({ secret: TOKEN, webhookSecret: 'partner-app-secret' } as AtsConnection),
    ).toBe('partner-app-secret');
  });
});
