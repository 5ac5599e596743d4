import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyDigestId, hexHmacSha256 } from '../util/hmac-signature';
import { parseGreenhouseWebhook, verifyGreenhouseSignature } from './greenhouse-webhook.parser';

// Greenhouse's documented webhook examples (test/fixtures/greenhouse/README.md lists each source URL),
// signed as Greenhouse signs them and replayed through the parser.
const FIXTURES = join(__dirname, '../../../../test/fixtures/greenhouse/webhooks');
const SECRET = 'documented-example-secret';

function delivery(action: string) {
  const { example } = JSON.parse(readFileSync(join(FIXTURES, `${action}.json`), 'utf8')) as {
    example: unknown;
  };
  const raw = Buffer.from(JSON.stringify(example), 'utf8');
  return { rawBody: raw, headers: { signature: `sha256 ${hexHmacSha256(raw, SECRET)}` } };
}

describe('Greenhouse documented webhook examples', () => {
  it('new_candidate_application → application_created with the documented ids', () => {
    const d = delivery('new_candidate_application');
    expect(verifyGreenhouseSignature(d, ['other', SECRET])).toBe(true);
    const ev = parseGreenhouseWebhook(d);
    expect(ev).toMatchObject({
      kind: 'application_created',
      eventId: bodyDigestId(d.rawBody),
      application: {
        applicationId: '71980812',
        jobId: '274075',
        currentStageId: '2944102',
        status: 'active',
      },
    });
  });

  it('candidate_stage_change → stage_changed with the new stage', () => {
    expect(parseGreenhouseWebhook(delivery('candidate_stage_change'))).toMatchObject({
      kind: 'stage_changed',
      application: { currentStageId: '71416', currentStageName: 'Assessment', jobId: '3485' },
    });
  });

  it.each(['offer_created', 'offer_updated'])('%s → offer_changed for application 234556', (action) => {
    expect(parseGreenhouseWebhook(delivery(action))).toMatchObject({
      kind: 'offer_changed',
      applicationId: '234556',
      offer: null,
    });
  });

  it.each(['application_updated', 'new_prospect_application'])(
    '%s (prospect) → ignored, never a throw',
    (action) => {
      const d = delivery(action);
      expect(parseGreenhouseWebhook(d)).toEqual({
        kind: 'ignored',
        eventId: bodyDigestId(d.rawBody),
        action,
      });
    },
  );

  it('hire_candidate → application_hired with the accepted offer dates', () => {
    const d = delivery('hire_candidate');
    expect(parseGreenhouseWebhook(d)).toEqual({
      kind: 'application_hired',
      eventId: bodyDigestId(d.rawBody),
      applicationId: '46194062',
      candidateId: '35897443',
      jobId: '323753',
      at: '2014-11-20T22:49:14Z',
      appliedAt: null,
      offerAt: '2014-11-10',
      startsOn: '2015-01-23',
    });
  });

  it('reject_candidate → application_rejected at rejected_at', () => {
    expect(parseGreenhouseWebhook(delivery('reject_candidate'))).toMatchObject({
      kind: 'application_rejected',
      applicationId: '265293',
      candidateId: '265788',
      jobId: '371417',
      at: '2015-02-11T15:50:41Z',
    });
  });

  it('unhire_candidate → application_unhired; unreject_candidate is acknowledged and ignored', () => {
    expect(parseGreenhouseWebhook(delivery('unhire_candidate'))).toMatchObject({
      kind: 'application_unhired',
      applicationId: '265293',
      jobId: '371417',
    });
    expect(parseGreenhouseWebhook(delivery('unreject_candidate'))).toMatchObject({
      kind: 'ignored',
      action: 'unreject_candidate',
    });
  });

  it('refuses every example unsigned or signed with another secret', () => {
    const d = delivery('new_candidate_application');
    expect(verifyGreenhouseSignature({ ...d, headers: {} }, [SECRET])).toBe(false);
    expect(verifyGreenhouseSignature(d, ['wrong'])).toBe(false);
  });
});
