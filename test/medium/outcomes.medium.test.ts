import { JobSettingsService } from '@comeback/compensation';
import { HireOutcomesService, OutcomesReportService, ReonboardingTasksService } from '@comeback/outcomes';
import { AtsEventHandlerRegistry } from '@comeback/pipeline';
import type { Principal } from '@comeback/platform';
import { DataSource } from 'typeorm';
import { MediumApp, startMediumApp } from './support/medium-app';

/** Hired / rejected / unhired events through the event registry → tracked application, outcome row, tasks. */
describe('outcomes (medium tier)', () => {
  let m: MediumApp;
  let events: AtsEventHandlerRegistry;
  let db: DataSource;
  const hm: Principal = { tenantId: '', role: 'hiring_manager', subject: 'hm@medium', name: 'hm' };
  const otherHm: Principal = { tenantId: '', role: 'hiring_manager', subject: 'other@medium', name: 'other' };
  const hr: Principal = { tenantId: '', role: 'hr_admin', subject: 'hr@medium', name: 'hr' };
  // The offer a day after the application reached us (the tracked row's created_at is now).
  const offerAt = new Date(Date.now() + 86_400_000).toISOString();
  const hired = (applicationId: string, at = '2026-11-20T01:00:00Z') => ({
    kind: 'application_hired' as const,
    eventId: `hired-${applicationId}`,
    applicationId,
    candidateId: `c-${applicationId}`,
    jobId: 'J1',
    at,
    appliedAt: null,
    offerAt,
    startsOn: '2027-01-05',
  });

  beforeAll(async () => {
    m = await startMediumApp();
    events = m.get(AtsEventHandlerRegistry);
    db = m.get(DataSource);
    for (const p of [hm, otherHm, hr]) p.tenantId = m.tenantId;
    await m.get(JobSettingsService).setAssignees(hr, 'greenhouse', 'J1', [hm.subject]);
    const app = await m.apply({
      applicationId: 'H-1',
      firstName: '太郎',
      lastName: '山田',
      email: 'taro.yamada.88@gmail.com',
      phone: '090-1111-2222',
    });
    await events.dispatch(m.conn, { kind: 'application_created', eventId: 'created-H-1', application: app });
    const stranger = await m.apply({
      applicationId: 'S-1',
      firstName: 'Alex',
      lastName: 'Stranger',
      email: 'alex@example.com',
    });
    await events.dispatch(m.conn, {
      kind: 'application_created',
      eventId: 'created-S-1',
      application: stranger,
    });
  }, 60_000);
  afterAll(async () => m?.close());

  it('a fast-tracked returnee hired: hired_at, an outcome row with stages skipped and days saved, dated tasks', async () => {
    await expect(events.dispatch(m.conn, hired('H-1'))).resolves.toEqual({
      status: 'processed',
      outcome: 'returnee_hire_recorded',
    });
    const [tracked] = await db.query(
      `SELECT outcome, hired_at, fast_track FROM tracked_applications WHERE application_id = 'H-1'`,
    );
    expect(tracked.outcome).toBe('fast_tracked');
    expect(tracked.hired_at.toISOString()).toBe('2026-11-20T01:00:00.000Z');
    const skipped = (tracked.fast_track as { skipped: unknown[] }).skipped.length;
    expect(skipped).toBeGreaterThan(0);
    const [o] = await db.query(`SELECT * FROM hire_outcomes WHERE application_id = 'H-1'`);
    expect(o).toMatchObject({
      returnee: true,
      fast_tracked: true,
      employee_number: 'E1',
      stages_skipped: skipped,
      days_saved: skipped * 7,
    });
    expect(o.days_to_offer).toBeCloseTo(1, 0);

    const tasks = await m.get(ReonboardingTasksService).list(hm);
    expect(tasks.map((t) => [t.phase, t.dueOn])).toEqual([
      ['before_day_1', '2026-12-29'],
      ['before_day_1', '2026-12-29'],
      ['day_1', '2027-01-05'],
      ['day_30', '2027-02-04'],
      ['day_60', '2027-03-06'],
      ['day_90', '2027-04-05'],
    ]);
    expect(tasks.every((t) => t.assigneeSubject === hm.subject && t.candidateName)).toBe(true);
    // A replayed hire creates nothing twice.
    await events.dispatch(m.conn, hired('H-1'));
    expect(await m.get(ReonboardingTasksService).list(hr)).toHaveLength(6);
    // Another hiring manager neither sees nor ticks them.
    expect(await m.get(ReonboardingTasksService).list(otherHm)).toEqual([]);
    await expect(m.get(ReonboardingTasksService).setDone(otherHm, tasks[0].id, true)).rejects.toThrow(
      /not found/,
    );
    const done = await m.get(ReonboardingTasksService).setDone(hm, tasks[0].id, true);
    expect(done.doneAt).not.toBeNull();
  });

  it('a stranger hired counts among all hires, without tasks; a rejection sets rejected_at', async () => {
    await expect(events.dispatch(m.conn, hired('S-1'))).resolves.toMatchObject({ outcome: 'hire_recorded' });
    const [o] = await db.query(
      `SELECT returnee, employee_number FROM hire_outcomes WHERE application_id = 'S-1'`,
    );
    expect(o).toEqual({ returnee: false, employee_number: null });
    await expect(
      events.dispatch(m.conn, {
        kind: 'application_rejected',
        eventId: 'rej-S-1',
        applicationId: 'S-1',
        candidateId: 'c-S-1',
        jobId: 'J1',
        at: '2026-11-21T00:00:00Z',
      }),
    ).resolves.toMatchObject({ outcome: 'rejection_recorded' });
    const [t] = await db.query(`SELECT rejected_at FROM tracked_applications WHERE application_id = 'S-1'`);
    expect(t.rejected_at.toISOString()).toBe('2026-11-21T00:00:00.000Z');
  });

  it('the report counts the hires under the privacy rule (1 returnee of 2: hidden)', async () => {
    const r = await m.get(OutcomesReportService).report(hr, '2026-01-01', '2027-01-01');
    // Rediscovery's invitations are bound: the funnel is there (none were sent: a zero reveals nobody).
    expect(r.invitationsConnected).toBe(true);
    expect(r.funnel?.sent).toEqual({ value: 0, suppressed: false });
    expect(r.hires.all).toEqual({ value: null, suppressed: true });
    expect(r.registry.alumni).toEqual({ value: 502, suppressed: false });
    await expect(m.get(OutcomesReportService).report(hm, '2026-01-01', '2027-01-01')).rejects.toThrow();
  });

  it('an undone hire: unhired_at set, open tasks gone, the ticked one kept', async () => {
    await expect(
      events.dispatch(m.conn, {
        kind: 'application_unhired',
        eventId: 'unhire-H-1',
        applicationId: 'H-1',
        candidateId: 'c-H-1',
        jobId: 'J1',
        at: null,
      }),
    ).resolves.toMatchObject({ outcome: 'unhire_recorded' });
    const [o] = await db.query(`SELECT unhired_at FROM hire_outcomes WHERE application_id = 'H-1'`);
    expect(o.unhired_at).not.toBeNull();
    const left = await m.get(ReonboardingTasksService).list(hr);
    expect(left).toHaveLength(1);
    expect(left[0].doneAt).not.toBeNull();
    expect(m.get(HireOutcomesService)).toBeDefined();
  });
});
