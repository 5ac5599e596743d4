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

  it('refuses every example unsigned or signed with another secret', () => {
    const d = delivery('new_candidate_application');
    expect(verifyGreenhouseSignature({ ...d, headers: {} }, [SECRET])).toBe(false);
    expect(verifyGreenhouseSignature(d, ['wrong'])).toBe(false);
  });
});
