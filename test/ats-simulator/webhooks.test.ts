// Outbound webhooks over real HTTP: signatures verifiable over the raw bytes, retries on anything but 200.
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  GH_WEBHOOK_RETRY_MINUTES,
  type SimulatorHandle,
  WK_WEBHOOK_RETRY_MINUTES,
} from '@comeback/ats-simulator';
import { json, startReceiver, startSeeded, WK_TOKEN } from './sim-test-kit';

// One vendor minute = 2 ms: the whole 7-attempt Greenhouse schedule (916 minutes) takes under 2 s.
const TIME_SCALE = 2 / 60_000;

function hmacHex(key: string, raw: Buffer): string {
  return createHmac('sha256', key).update(raw).digest('hex');
}

describe('ats-simulator: webhooks', () => {
  let sim: SimulatorHandle;
  let seed: any;

  beforeEach(async () => {
    ({ sim, seed } = await startSeeded({ config: { webhooks: { timeScale: TIME_SCALE } } }));
  });
  afterEach(async () => {
    await sim.close();
  });

  it('Greenhouse: pings on registration, then signs new_candidate_application over escaped raw bytes', async () => {
    const receiver = await startReceiver([200]);
    try {
      const reg = await json(sim, 'POST', '/_sim/greenhouse/webhooks', {
        company: 'acme',
        url: receiver.url,
        secret: 's3cret',
        actions: ['new_candidate_application', 'candidate_stage_change', 'offer_created', 'offer_updated'],
      });
      expect(reg.body).toMatchObject({ enabled: true, ping: { status: 200 } });
      // One webhook per event type, each saved and pinged on its own (developers.greenhouse.io/webhooks.html).
      expect(reg.body.webhooks.map((w: any) => w.action)).toEqual([
        'new_candidate_application',
        'candidate_stage_change',
        'offer_created',
        'offer_updated',
      ]);
      const pings = receiver.received.splice(0, 4);
      expect(pings.map((p) => JSON.parse(p.raw.toString()).action)).toEqual(['ping', 'ping', 'ping', 'ping']);

      const created = await json(sim, 'POST', '/_sim/greenhouse/candidates', {
        company: 'acme',
        firstName: '一郎',
        lastName: '<田中>',
        emails: ['ichiro@example.jp'],
        phones: ['090-0000-0000'],
        tags: ['元社員'],
        applications: [{ job: 'Backend Engineer', source: 'Referral' }],
      });
      expect(created.status).toBe(201);
      await sim.webhooks.idle();

      const hit = receiver.received[0];
      const raw = hit.raw;
      // Greenhouse escapes non-ASCII (and <, >) before signing: the bytes are pure ASCII.
      expect(raw.every((b) => b < 0x80)).toBe(true);
      expect(raw.toString()).toContain('\\u4e00\\u90ce');
      expect(raw.toString()).toContain('\\u003c');

      const header = String(hit.headers['signature']);
      expect(header).toMatch(/^sha256 [0-9a-f]{64}$/);
      const expected = Buffer.from(hmacHex('s3cret', raw));
      expect(timingSafeEqual(Buffer.from(header.slice('sha256 '.length)), expected)).toBe(true);
      // Re-serialising the parsed body gives other bytes: verification must use the raw body.
      const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
      expect(hmacHex('s3cret', reserialised)).not.toBe(expected.toString());

      expect(hit.headers['greenhouse-event-id']).toEqual(expect.any(String));
      const body = JSON.parse(raw.toString());
      expect(body.action).toBe('new_candidate_application');
      const app = body.payload.application;
      expect(app).toMatchObject({
        id: created.body.applications[0].id,
        status: 'active',
        prospect: false,
        current_stage: { id: seed.greenhouse.jobs[0].stages[0].id, name: '書類選考' },
        jobs: [{ id: seed.greenhouse.jobs[0].id, name: 'Backend Engineer' }],
        candidate: {
          first_name: '一郎',
          last_name: '<田中>',
          email_addresses: [{ value: 'ichiro@example.jp', type: 'personal' }],
          phone_numbers: [{ value: '090-0000-0000', type: 'mobile' }],
          tags: ['元社員'],
        },
      });
      expect(app.applied_at).toEqual(expect.any(String));
      expect(app.source).toMatchObject({ public_name: 'Referral' });

      // Stage change and offers: each through its own webhook.
      await json(sim, 'POST', `/_sim/greenhouse/applications/${app.id}/stage`, { stage: '一次面接' });
      const offer = await json(sim, 'POST', `/_sim/greenhouse/applications/${app.id}/offers`, {
        startsOn: '2027-04-01',
        customFields: { salary: 9000000 },
      });
      await json(sim, 'PATCH', `/_sim/greenhouse/offers/${offer.body.offer.id}`, { status: 'accepted' });
      await sim.webhooks.idle();
      const actions = receiver.received.slice(1).map((r) => JSON.parse(r.raw.toString()));
      expect(actions.map((a) => a.action)).toEqual([
        'candidate_stage_change',
        'offer_created',
        'offer_updated',
      ]);
      expect(actions[0].payload.application.current_stage.name).toBe('一次面接');
      expect(actions[1].payload).toMatchObject({
        id: offer.body.offer.id,
        application_id: app.id,
        version: 1,
        start_date: '2027-04-01',
        custom_fields: { salary: { value: 9000000 } },
      });
      expect(actions[2].payload.offer_status).toBe('Accepted');
    } finally {
      await receiver.close();
    }
  });

  it('Greenhouse: leaves a webhook disabled when its ping fails', async () => {
    const receiver = await startReceiver([500]);
    try {
      const reg = await json(sim, 'POST', '/_sim/greenhouse/webhooks', {
        company: 'acme',
        url: receiver.url,
        secret: 'x',
      });
      expect(reg.body).toMatchObject({ enabled: false, ping: { status: 500 } });
    } finally {
      await receiver.close();
    }
  });

  it('Greenhouse: retries anything but 200 on the 1/15/60/120/240/480-minute schedule, same event id', async () => {
    // 200 for the ping, then: 202 (not 200, so a failure), 500, 204, then 200 on the fourth attempt.
    const receiver = await startReceiver([200, 202, 500, 204, 200]);
    try {
      await json(sim, 'POST', '/_sim/greenhouse/webhooks', {
        company: 'acme',
        url: receiver.url,
        secret: 'k',
        action: 'candidate_stage_change',
      });
      await json(sim, 'POST', '/_sim/greenhouse/trigger', {
        action: 'candidate_stage_change',
        applicationId: seed.greenhouse.candidates[0].applications[0].id,
      });
      await sim.webhooks.idle();

      const deliveries = (await json(sim, 'GET', '/_sim/deliveries')).body;
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0].state).toBe('delivered');
      expect(deliveries[0].attempts.map((a: any) => a.status)).toEqual([202, 500, 204, 200]);

      const hits = receiver.received.slice(1);
      expect(new Set(hits.map((h) => h.headers['greenhouse-event-id'])).size).toBe(1);
      const gaps = hits.slice(1).map((h, i) => h.at - hits[i].at);
      GH_WEBHOOK_RETRY_MINUTES.slice(0, 3).forEach((minutes, i) =>
        expect(gaps[i]).toBeGreaterThanOrEqual(minutes * 60_000 * TIME_SCALE - 5),
      );
      expect(gaps[2]).toBeGreaterThan(gaps[0]); // 60 min vs 1 min, scaled
    } finally {
      await receiver.close();
    }
  });

  it('Greenhouse: gives up after 7 attempts', async () => {
    const receiver = await startReceiver([200, 503]);
    try {
      await json(sim, 'POST', '/_sim/greenhouse/webhooks', {
        company: 'acme',
        url: receiver.url,
        secret: 'k',
        action: 'new_candidate_application',
      });
      await json(sim, 'POST', '/_sim/greenhouse/trigger', {
        action: 'new_candidate_application',
        applicationId: seed.greenhouse.candidates[1].applications[0].id,
      });
      await sim.webhooks.idle();
      const [delivery] = sim.webhooks.list();
      expect(delivery.state).toBe('failed');
      expect(delivery.attempts).toHaveLength(GH_WEBHOOK_RETRY_MINUTES.length + 1);
    } finally {
      await receiver.close();
    }
  });

  it('Workable: signs the envelope with the account token and replays on non-200', async () => {
    const receiver = await startReceiver([500, 200]);
    try {
      const auth = { authorization: `Bearer ${WK_TOKEN}` };
      const sub = await json(
        sim,
        'POST',
        '/workable/spi/v3/subscriptions',
        {
          target: receiver.url,
          event: 'candidate_moved',
          args: { account_id: 'acme', job_shortcode: '', stage_slug: '' },
        },
        auth,
      );
      expect(sub.status).toBe(201);
      const members = (await json(sim, 'GET', '/workable/spi/v3/members', undefined, auth)).body.members;
      const candidateId = seed.workable.candidates[0].id;
      const moved = await json(
        sim,
        'POST',
        `/workable/spi/v3/candidates/${candidateId}/move`,
        { member_id: members[0].id, target_stage: 'phone_screen' },
        auth,
      );
      expect(moved.status).toBe(200);
      await sim.webhooks.idle();

      expect(receiver.received).toHaveLength(2);
      const gap = receiver.received[1].at - receiver.received[0].at;
      expect(gap).toBeGreaterThanOrEqual(WK_WEBHOOK_RETRY_MINUTES[0] * 60_000 * TIME_SCALE - 5);
      for (const hit of receiver.received) {
        expect(hit.headers['x-workable-signature']).toBe(hmacHex(WK_TOKEN, hit.raw));
      }
      const envelope = JSON.parse(receiver.received[1].raw.toString());
      expect(envelope).toMatchObject({
        event_type: 'candidate_moved',
        resource_type: 'candidate',
        id: expect.any(String),
        fired_at: expect.any(String),
      });
      expect(envelope.data).toMatchObject({
        id: candidateId,
        firstname: 'Jiro',
        lastname: 'Suzuki',
        email: 'jiro@example.jp',
        job: { shortcode: 'BE01', title: 'Backend Engineer' },
        stage: 'Phone Screen',
        experience_entries: [
          { company: 'Acme KK', title: 'Engineer', start_date: '2018-04-01', end_date: '2022-03-31' },
        ],
        education_entries: [],
      });
    } finally {
      await receiver.close();
    }
  });

  it('Workable: fires candidate_created for a new applicant', async () => {
    const receiver = await startReceiver([200]);
    try {
      await json(
        sim,
        'POST',
        '/workable/spi/v3/subscriptions',
        { target: receiver.url, event: 'candidate_created' },
        { authorization: `Bearer ${WK_TOKEN}` },
      );
      await json(sim, 'POST', '/_sim/workable/candidates', {
        company: 'acme',
        firstName: 'Mei',
        lastName: 'Kato',
        email: 'mei@example.jp',
        phone: '+81 80',
        job: 'BE01',
      });
      await json(sim, 'POST', '/_sim/deliveries/idle');
      const envelope = JSON.parse(receiver.received[0].raw.toString());
      expect(envelope.event_type).toBe('candidate_created');
      expect(envelope.data).toMatchObject({ firstname: 'Mei', phone: '+81 80', stage: 'Sourced' });
    } finally {
      await receiver.close();
    }
  });
});
