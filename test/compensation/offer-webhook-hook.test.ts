import { AtsConnection, AtsConnector, AtsConnectorRegistry, AtsOffer } from '@comeback/ats';
import { OfferChecksService } from '@comeback/compensation';
import { DataSource } from 'typeorm';
import { csvUpload, Harness, http, startApi, TestTenant } from '../support/api-harness';
import { incumbents, toCsv, trackApplication } from './compensation-fixtures';

const REGISTRY =
  'employee_number,family_name,given_name,hire_date,leave_date,departure_reason,job_level,last_base_salary,performance_ratings\n' +
  'E1,山田,太郎,2012-04-01,2022-03-31,voluntary_career,G3,6200000,2021:A;2022:S\n';

describe('OfferChecksService.onOfferChanged (ATS offers; real PostgreSQL, fake connector)', () => {
  let h: Harness;
  let t: TestTenant;
  let service: OfferChecksService;
  const notes: { applicationId: string; body: string; audience: string }[] = [];
  let atsOffer: AtsOffer | null = null;
  let conn: AtsConnection;

  beforeAll(async () => {
    h = await startApi({ REDIS_URL: undefined });
    t = await h.tenant('hook-a');
    const hr = t.token('hr_admin');
    expect(
      (await http(h.baseUrl, 'POST', '/api/v1/registry/imports', { token: hr, body: csvUpload(REGISTRY) }))
        .status,
    ).toBe(201);
    const small = incumbents(3, { job_family: 'eng', job_level: 'G3', location: 'Tokyo', seed: 9 });
    expect(
      (
        await http(h.baseUrl, 'POST', '/api/v1/offers/incumbent-snapshots/imports?effectiveDate=2026-01-01', {
          token: hr,
          body: csvUpload(toCsv(small as any)),
        })
      ).status,
    ).toBe(201);
    await http(h.baseUrl, 'PUT', '/api/v1/jobs/greenhouse/J1/pay-target', {
      token: hr,
      json: { jobFamily: 'eng', jobLevel: 'G3', location: 'Tokyo' },
    });
    const db = h.app.get(DataSource);
    await trackApplication(db, t.id, {
      applicationId: '501',
      jobId: 'J1',
      employeeNumber: 'E1',
      candidateId: '77',
    });
    await trackApplication(db, t.id, {
      applicationId: '502',
      jobId: 'J2',
      employeeNumber: 'E1',
      candidateId: '78',
    });

    const fake: Partial<AtsConnector> = {
      kind: 'greenhouse',
      getOffer: async (_c, applicationId) =>
        atsOffer && atsOffer.applicationId === applicationId ? atsOffer : null,
      getApplication: async (_c, applicationId, candidateId) =>
        ({
          applicationId,
          candidateId: candidateId ?? '77',
          jobId: 'J1',
          jobName: null,
          currentStageId: null,
          currentStageName: null,
          status: 'active',
          candidate: { firstName: null, lastName: null, emails: [], phones: [], tags: [], customFields: {} },
          workHistory: [],
        }) as any,
      addNote: async (_c, app, note) => {
        notes.push({ applicationId: app.applicationId, body: note.body, audience: note.audience });
      },
    };
    jest.spyOn(h.app.get(AtsConnectorRegistry), 'get').mockReturnValue(fake as AtsConnector);
    service = h.app.get(OfferChecksService);
    conn = {
      tenantId: t.id,
      kind: 'greenhouse',
      apiBaseUrl: 'http://fake',
      authUrl: null,
      clientId: null,
      secret: 's',
      webhookSecret: 'w',
      refreshToken: null,
      actingUserId: null,
      offerSalaryField: 'salary',
    };
  });
  afterAll(async () => h.close());

  it('re-reads the offer when the event has none, checks it once per version and posts one HR note without cohort statistics', async () => {
    atsOffer = {
      offerId: '9001',
      applicationId: '501',
      version: '1',
      status: 'unresolved',
      salary: 9_500_000,
    };
    const first = await service.onOfferChanged(conn, {
      applicationId: '501',
      candidateId: '77',
      offer: null,
    });
    expect(first).toMatchObject({
      outcome: 'checked',
      notePosted: true,
      result: expect.stringMatching(/warn|fail/),
    });
    const again = await service.onOfferChanged(conn, {
      applicationId: '501',
      candidateId: '77',
      offer: null,
    });
    expect(again).toMatchObject({ outcome: 'already_checked', checkId: first.checkId, notePosted: false });
    expect(notes).toHaveLength(1);
    expect(notes[0].audience).toBe('hr');
    expect(notes[0].body).toContain('offer 9001 (version 1)');
    expect(notes[0].body).toMatch(/small_cohort|Too few comparable incumbents/);
    expect(notes[0].body).toMatch(/withheld/);
    // No incumbent figure, percentile or cohort size leaks into the note.
    expect(notes[0].body).not.toMatch(/percentile|P90|P25|incumbent\(s\)|n = /);
    expect(notes[0].body).not.toMatch(/6,200,000|6200000/);

    const updated = await service.onOfferChanged(conn, {
      applicationId: '501',
      candidateId: '77',
      offer: { ...atsOffer, version: '2', salary: 6_400_000 },
    });
    expect(updated.outcome).toBe('checked');
    expect(updated.checkId).not.toBe(first.checkId);
    expect(notes).toHaveLength(2);

    const history = await http(h.baseUrl, 'GET', '/api/v1/offers/applications/greenhouse/501/checks', {
      token: t.token('hr_admin'),
    });
    expect(history.body.map((c: any) => [c.kind, c.offerId, c.offerVersion])).toEqual([
      ['ats_offer', '9001', '2'],
      ['ats_offer', '9001', '1'],
    ]);
  });

  it('concurrent deliveries of the same offer record one check and one note', async () => {
    const before = notes.length;
    const offer = {
      offerId: '9002',
      applicationId: '501',
      version: '1',
      status: 'unresolved',
      salary: 6_500_000,
    };
    const rs = await Promise.all(
      [1, 2, 3].map(() => service.onOfferChanged(conn, { applicationId: '501', candidateId: '77', offer })),
    );
    expect(new Set(rs.map((r) => r.checkId)).size).toBe(1);
    expect(notes.length - before).toBe(1);
  });

  it('skips offers it cannot check: no salary, untracked application, job without a pay target', async () => {
    expect(
      await service.onOfferChanged(conn, {
        applicationId: '501',
        candidateId: '77',
        offer: { offerId: 'x', applicationId: '501', version: '1', status: 's', salary: null },
      }),
    ).toEqual({ outcome: 'no_salary' });
    expect(
      await service.onOfferChanged(conn, {
        applicationId: '999',
        candidateId: '1',
        offer: { offerId: 'y', applicationId: '999', version: '1', status: 's', salary: 5_000_000 },
      }),
    ).toEqual({ outcome: 'not_tracked' });
    expect(
      await service.onOfferChanged(conn, {
        applicationId: '502',
        candidateId: '78',
        offer: { offerId: 'z', applicationId: '502', version: '1', status: 's', salary: 5_000_000 },
      }),
    ).toEqual({ outcome: 'no_pay_target' });
    atsOffer = null;
    expect(
      await service.onOfferChanged(conn, { applicationId: '502', candidateId: '78', offer: null }),
    ).toEqual({ outcome: 'no_offer' });
  });
});
