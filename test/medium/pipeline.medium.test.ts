import {
  ApplicationPipelineService,
  OperationsService,
  PipelineModule,
  PipelineWorker,
  TrackedApplicationsService,
  WebhookIngestService,
  WritebackLedger,
} from '@comeback/pipeline';
import { JobQueue, PlatformModule } from '@comeback/platform';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { InMemoryAts } from './support/in-memory-ats';
import { createTestDatabase } from '../support/test-database';
import { MediumApp, startMediumApp, WEBHOOK_SECRET } from './support/medium-app';

const TARO = {
  firstName: '太郎',
  lastName: '山田',
  email: 'taro.yamada.88@gmail.com',
  phone: '090-1111-2222',
};

describe('pipeline services (medium tier: real PostgreSQL, in-memory ATS port, in-process queue)', () => {
  let m: MediumApp;
  let pipeline: ApplicationPipelineService;
  let db: DataSource;

  beforeAll(async () => {
    m = await startMediumApp();
    pipeline = m.get(ApplicationPipelineService);
    db = m.get(DataSource);
  }, 60_000);
  afterAll(async () => m?.close());

  const steps = (applicationId: string): Promise<{ step: string; status: string }[]> =>
    db.query(
      `SELECT step, status FROM writeback_steps WHERE tenant_id = $1 AND application_id = $2 ORDER BY step`,
      [m.tenantId, applicationId],
    );

  describe('ingest', () => {
    const deliver = (eventId: string, body: object, secret = WEBHOOK_SECRET) =>
      m.get(WebhookIngestService).receive('greenhouse', m.tenantId, {
        rawBody: Buffer.from(JSON.stringify({ eventId, ...body })),
        headers: { [InMemoryAts.SIGNATURE_HEADER]: secret },
      });

    it('stores a delivery once, with the normalised event, and acknowledges the duplicate', async () => {
      const app = await m.apply({
        applicationId: 'ING-1',
        ...TARO,
        email: 'someone.else@example.com',
        firstName: '花子',
        lastName: '川口',
      });
      const event = { kind: 'application_created', application: app };
      await expect(deliver('ev-1', event)).resolves.toEqual({ status: 'accepted', eventId: 'ev-1' });
      await expect(deliver('ev-1', event)).resolves.toEqual({ status: 'duplicate', eventId: 'ev-1' });
      const rows = await db.query(
        `SELECT kind, status, event FROM inbox_events WHERE tenant_id = $1 AND event_id = 'ev-1'`,
        [m.tenantId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].event).toEqual({ eventId: 'ev-1', ...event });
      expect((await m.get(JobQueue).counts()).waiting + (await m.get(JobQueue).counts()).active).toBe(1);
    });

    it('refuses a bad signature and stores nothing', async () => {
      await expect(deliver('ev-2', { kind: 'ping' }, 'wrong')).rejects.toMatchObject({
        code: 'invalid_signature',
      });
      expect(await db.query(`SELECT 1 FROM inbox_events WHERE event_id = 'ev-2'`)).toHaveLength(0);
    });
  });

  describe('decide and write back', () => {
    it('fast-tracks an eligible returnee: one tag call, one note, one move, all recorded as done', async () => {
      const app = await m.apply({ applicationId: 'A-1', ...TARO });
      const result = await pipeline.process(m.conn, app, { trigger: 'application_created' });
      expect(result).toEqual({ outcome: 'fast_tracked', employeeNumber: 'E1', moved: true });
      expect(m.ats.applications.get('A-1')!.currentStageName).toBe('二次面接');
      expect(m.ats.applications.get('A-1')!.candidate.tags).toEqual(['Alumni_fast-track']);
      expect(m.ats.notes.filter((n) => n.applicationId === 'A-1')).toHaveLength(1);
      expect(await steps('A-1')).toEqual([
        { step: 'move', status: 'done' },
        { step: 'note', status: 'done' },
        { step: 'tag', status: 'done' },
      ]);
    });

    it('a replayed creation event repeats nothing and decides nothing again', async () => {
      const app = await m.apply({ applicationId: 'A-2', ...TARO });
      await pipeline.process(m.conn, app, { trigger: 'application_created' });
      const calls = m.ats.calls.length;
      const again = await pipeline.process(m.conn, app, { trigger: 'application_created' });
      expect(again).toEqual({ outcome: 'fast_tracked', employeeNumber: 'E1', moved: false });
      expect(m.ats.calls.slice(calls).map((c) => c.op)).toEqual([]);
      expect(m.ats.notes.filter((n) => n.applicationId === 'A-2')).toHaveLength(1);
    });

    it('our own move coming back as a stage change is remembered, not decided again', async () => {
      const app = await m.apply({ applicationId: 'A-3', ...TARO });
      await pipeline.process(m.conn, app, { trigger: 'application_created' });
      const moved = structuredClone(m.ats.applications.get('A-3')!);
      const calls = m.ats.calls.length;
      await pipeline.process(m.conn, moved, { trigger: 'stage_changed' });
      expect(m.ats.calls.length).toBe(calls);
      const hr = { tenantId: m.tenantId, role: 'hr_admin' as const, subject: 'hr', name: 'hr' };
      expect((await m.get(TrackedApplicationsService).get(hr, 'greenhouse', 'A-3')).currentStageName).toBe(
        '二次面接',
      );
    });

    it('stale move: a recruiter moved it into the second screening stage meanwhile → re-planned forward once', async () => {
      const app = await m.apply({ applicationId: 'A-4', ...TARO });
      m.ats.recruiterMoves('A-4', 'st1');
      const result = await pipeline.process(m.conn, app, { trigger: 'application_created' });
      expect(result.moved).toBe(true);
      expect(m.ats.applications.get('A-4')!.currentStageId).toBe('st2');
      expect(m.ats.count('moveToStage', 'A-4')).toBe(2);
    });

    it('stale move: a recruiter moved it past the target → left where it is, flagged as already further', async () => {
      const app = await m.apply({ applicationId: 'A-5', ...TARO });
      m.ats.recruiterMoves('A-5', 'st3');
      const result = await pipeline.process(m.conn, app, { trigger: 'application_created' });
      expect(result).toEqual({ outcome: 'flagged', employeeNumber: 'E1', moved: false });
      expect(m.ats.applications.get('A-5')!.currentStageId).toBe('st3');
      expect(m.ats.count('moveToStage', 'A-5')).toBe(1);
      const row = (
        await db.query(`SELECT outcome, fast_track FROM tracked_applications WHERE application_id = 'A-5'`)
      )[0];
      expect(row).toEqual({
        outcome: 'flagged',
        fast_track: { action: 'none', reason: 'already_further', skipped: [] },
      });
    });

    it('a refused note is released and posted on the retry; tag and move are not repeated', async () => {
      const app = await m.apply({ applicationId: 'A-6', ...TARO });
      m.ats.fail('addNote', 'refuse');
      await expect(pipeline.process(m.conn, app, { trigger: 'application_created' })).rejects.toThrow(
        /refused addNote/,
      );
      expect(await steps('A-6')).toEqual([
        { step: 'note', status: 'failed' },
        { step: 'tag', status: 'done' },
      ]);
      const result = await pipeline.process(m.conn, app, { trigger: 'application_created' });
      expect(result.moved).toBe(true);
      expect(m.ats.notes.filter((n) => n.applicationId === 'A-6')).toHaveLength(1);
      expect(m.ats.count('addTags', 'A-6')).toBe(1);
    });

    it('crash between claim and call: an uncertain note is never posted again; an uncertain move is re-run', async () => {
      const app = await m.apply({ applicationId: 'A-7', ...TARO });
      // Decide, then "die" after claiming the note and the move but before recording either.
      const ledger = m.get(WritebackLedger);
      const key = { tenantId: m.tenantId, ats: 'greenhouse', applicationId: 'A-7' };
      await ledger.claim({ ...key, step: 'note' });
      await ledger.claim({ ...key, step: 'move' });
      const result = await pipeline.process(m.conn, app, { trigger: 'application_created' });
      expect(result).toEqual({ outcome: 'fast_tracked', employeeNumber: 'E1', moved: true });
      expect(m.ats.notes.filter((n) => n.applicationId === 'A-7')).toHaveLength(0);
      expect(m.ats.count('moveToStage', 'A-7')).toBe(1);
      // The run that met the note still 'started' marked it uncertain: listed for a person at once.
      expect(await steps('A-7')).toEqual([
        { step: 'move', status: 'done' },
        { step: 'note', status: 'uncertain' },
        { step: 'tag', status: 'done' },
      ]);
      const operations = m.get(OperationsService);
      const hr = { tenantId: m.tenantId, role: 'hr_admin' as const, subject: 'hr', name: 'hr' };
      const [listed] = await operations.uncertain(m.tenantId);
      expect(listed).toMatchObject({ applicationId: 'A-7', step: 'note' });
      // Not in the ATS, says the person: the step fails so the next run (queued) posts it, once.
      expect(await operations.resolveUncertain(hr, listed.id, false)).toEqual({ rerun: true });
      expect((await m.get(JobQueue).counts()).waiting).toBeGreaterThanOrEqual(1);
      await pipeline.process(m.conn, app, { trigger: 'backfill' });
      await pipeline.process(m.conn, app, { trigger: 'backfill' });
      expect(m.ats.notes.filter((n) => n.applicationId === 'A-7')).toHaveLength(1);
      expect(await operations.uncertain(m.tenantId)).toEqual([]);
      await expect(operations.resolveUncertain(hr, listed.id, true)).rejects.toThrow(/not found/);
    });

    it('a dismissed former employee is recognised but not moved; the note says nothing of why', async () => {
      const app = await m.apply({
        applicationId: 'A-9',
        firstName: '一郎',
        lastName: '鈴木',
        email: 'ichiro.suzuki80@yahoo.co.jp',
        phone: '080-3333-4444',
      });
      const result = await pipeline.process(m.conn, app, { trigger: 'application_created' });
      expect(result.moved).toBe(false);
      expect(['ineligible', 'needs_hr_review']).toContain(result.outcome);
      expect(m.ats.count('moveToStage', 'A-9')).toBe(0);
      expect(
        m.ats.notes
          .filter((n) => n.applicationId === 'A-9')
          .map((n) => n.body)
          .join('\n'),
      ).not.toMatch(/dismiss|懲戒|解雇/i);
    });
  });

  describe('the worker end to end, in process', () => {
    it('ingest → queue → handler → write back, and a second delivery of the same event changes nothing', async () => {
      const app = await m.apply({ applicationId: 'W-1', ...TARO });
      const ingest = m.get(WebhookIngestService);
      const delivery = {
        rawBody: Buffer.from(
          JSON.stringify({ kind: 'application_created', eventId: 'w-1', application: app }),
        ),
        headers: { [InMemoryAts.SIGNATURE_HEADER]: WEBHOOK_SECRET },
      };
      await ingest.receive('greenhouse', m.tenantId, delivery);
      await m.get(PipelineWorker).start();
      expect(await m.get(JobQueue).drained(20_000)).toBe(true);
      await ingest.receive('greenhouse', m.tenantId, delivery);
      expect(await m.get(JobQueue).drained(20_000)).toBe(true);
      const [row] = await db.query(`SELECT status, outcome FROM inbox_events WHERE event_id = 'w-1'`);
      expect(row).toEqual({ status: 'processed', outcome: 'fast_tracked' });
      expect(m.ats.notes.filter((n) => n.applicationId === 'W-1')).toHaveLength(1);
      expect(m.ats.applications.get('W-1')!.currentStageName).toBe('二次面接');
    });
  });
});

describe('start-up check', () => {
  it('refuses to start when a dispatched ATS event kind has no handler (offers not imported)', async () => {
    const db = await createTestDatabase();
    const module = await Test.createTestingModule({ imports: [PlatformModule, PipelineModule] }).compile();
    module.useLogger(false);
    try {
      await expect(async () => module.init()).rejects.toThrow(
        /No handler registered for ATS event kind\(s\): offer_changed/,
      );
    } finally {
      // close() re-awaits the failed start-up, so end the start that did happen by hand.
      (module as unknown as { initializationPromise?: Promise<void> }).initializationPromise = undefined;
      await module.close();
      await db.drop();
    }
  });
});
