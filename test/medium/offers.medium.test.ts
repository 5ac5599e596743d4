import { Readable } from 'node:stream';
import { AtsEventHandlerRegistry } from '@comeback/pipeline';
import { CompensationImportService, JobSettingsService } from '@comeback/compensation';
import { DataSource } from 'typeorm';
import { incumbents, toCsv } from '../compensation/compensation-fixtures';
import { MediumApp, startMediumApp } from './support/medium-app';

/** Offer events through the event registry; the HR note as an 'offer_note' step of the one write-back ledger. */
describe('offer handling (medium tier)', () => {
  let m: MediumApp;
  let events: AtsEventHandlerRegistry;
  let db: DataSource;
  const offerEvent = (applicationId: string) => ({
    kind: 'offer_changed' as const,
    eventId: `offer-${applicationId}`,
    applicationId,
    candidateId: `c-${applicationId}`,
    offer: null,
  });
  const notes = (applicationId: string) => m.ats.notes.filter((n) => n.applicationId === applicationId);

  beforeAll(async () => {
    m = await startMediumApp();
    events = m.get(AtsEventHandlerRegistry);
    db = m.get(DataSource);
    const hr = { tenantId: m.tenantId, role: 'hr_admin' as const, name: 'hr@medium' };
    await m
      .get(JobSettingsService)
      .setPayTarget(hr, 'greenhouse', 'J1', { jobFamily: 'eng', jobLevel: 'G3', location: 'Tokyo' });
    const csv = toCsv(
      incumbents(3, { job_family: 'eng', job_level: 'G3', location: 'Tokyo', seed: 9 }) as any,
    );
    const report = await m
      .get(CompensationImportService)
      .importIncumbents(hr, { kind: 'csv', input: Readable.from([csv]) }, { effectiveDate: '2026-01-01' });
    expect(report.status).toBe('completed');
    // Three applications of a returnee the pipeline matched (fast-tracked), each with an offer in the ATS.
    for (const id of ['O-1', 'O-2', 'O-3']) {
      const app = await m.apply({
        applicationId: id,
        firstName: '太郎',
        lastName: '山田',
        email: 'taro.yamada.88@gmail.com',
        phone: '090-1111-2222',
      });
      await events.dispatch(m.conn, {
        kind: 'application_created',
        eventId: `created-${id}`,
        application: app,
      });
      m.ats.offers.set(id, {
        offerId: `of-${id}`,
        applicationId: id,
        version: '1',
        status: 'unresolved',
        salary: 6_500_000,
      });
    }
  }, 60_000);
  afterAll(async () => m?.close());

  it('checks the offer and posts one HR-only note, recorded in the write-back ledger; a replay posts nothing', async () => {
    await expect(events.dispatch(m.conn, offerEvent('O-1'))).resolves.toEqual({
      status: 'processed',
      outcome: 'checked',
    });
    await expect(events.dispatch(m.conn, offerEvent('O-1'))).resolves.toEqual({
      status: 'processed',
      outcome: 'already_checked',
    });
    expect(notes('O-1').filter((n) => n.audience === 'hr')).toHaveLength(1);
    const steps = await db.query(
      `SELECT step, status, detail FROM writeback_steps WHERE application_id = 'O-1' AND step = 'offer_note'`,
    );
    expect(steps).toEqual([
      { step: 'offer_note', status: 'done', detail: { offerId: 'of-O-1', version: '1' } },
    ]);
  });

  it('a new offer version is checked again and gets its own note', async () => {
    m.ats.offers.set('O-1', {
      offerId: 'of-O-1',
      applicationId: 'O-1',
      version: '2',
      status: 'unresolved',
      salary: 6_600_000,
    });
    await expect(events.dispatch(m.conn, offerEvent('O-1'))).resolves.toEqual({
      status: 'processed',
      outcome: 'checked',
    });
    expect(notes('O-1').filter((n) => n.audience === 'hr')).toHaveLength(2);
  });

  it('a refused offer note is released and posted by the retry, once', async () => {
    m.ats.fail('addNote', 'refuse');
    await expect(events.dispatch(m.conn, offerEvent('O-2'))).rejects.toThrow(/refused addNote/);
    expect(notes('O-2').filter((n) => n.audience === 'hr')).toHaveLength(0);
    await expect(events.dispatch(m.conn, offerEvent('O-2'))).resolves.toEqual({
      status: 'processed',
      outcome: 'already_checked',
    });
    expect(notes('O-2').filter((n) => n.audience === 'hr')).toHaveLength(1);
  });

  it('concurrent deliveries of one offer post one note', async () => {
    await Promise.all([1, 2, 3].map(() => events.dispatch(m.conn, offerEvent('O-3'))));
    expect(notes('O-3').filter((n) => n.audience === 'hr')).toHaveLength(1);
  });
});
