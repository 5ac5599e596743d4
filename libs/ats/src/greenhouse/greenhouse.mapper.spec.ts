import { mapHarvestApplication, mapJobStages, mapOffer, offerSalary } from './greenhouse.mapper';
import { harvestUrl } from './greenhouse.connector';

describe('Greenhouse mapping', () => {
  it('maps a Harvest v3 application row (in_process = active) with its candidate', () => {
    const app = mapHarvestApplication(
      {
        id: 1,
        candidate_id: 2,
        job_id: 3,
        status: 'in_process',
        stage_id: 90040,
        job_interview_stage_id: 40,
        stage_name: 'Phone Screen',
        prospect: false,
      },
      {
        id: 2,
        first_name: 'A',
        last_name: 'B',
        email_addresses: [{ value: 'a@b.c', type: 'work' }],
        phone_numbers: [],
        tags: ['x'],
      },
    );
    expect(app).toMatchObject({
      applicationId: '1',
      candidateId: '2',
      jobId: '3',
      // The job's stage (joins job_interview_stages), never the application-stage row id.
      currentStageId: '40',
      currentStagePositionId: '90040',
      currentStageName: 'Phone Screen',
      status: 'active',
    });
    expect(app.candidate.emails).toEqual(['a@b.c']);
  });

  it('orders job interview stages by sort_order and leaves inactive ones out', () => {
    expect(
      mapJobStages([
        { id: 12, name: 'Offer', sort_order: 5, active: true },
        { id: 10, name: 'Application Review', sort_order: 0, active: true },
        { id: 11, name: 'Old stage', sort_order: 1, active: false },
        { id: 13, name: 'Phone Screen', sort_order: 2 },
      ]),
    ).toEqual([
      { id: '10', name: 'Application Review', position: 0 },
      { id: '13', name: 'Phone Screen', position: 1 },
      { id: '12', name: 'Offer', position: 2 },
    ]);
  });

  it('reads the salary from the tenant-named custom field in any common form', () => {
    expect(
      offerSalary(
        { salary: { name: 'Salary', type: 'currency', value: { amount: 8000000, unit: 'JPY' } } },
        'salary',
      ),
    ).toBe(8000000);
    expect(
      offerSalary({ base_pay: { name: 'Base pay', type: 'short_text', value: '7,500,000' } }, 'Base pay'),
    ).toBe(7500000);
    expect(offerSalary({ salary: { name: 'Salary', value: 650000 } }, 'salary')).toBe(650000);
    expect(offerSalary({ salary: { name: 'Salary', value: null } }, 'salary')).toBeNull();
    expect(offerSalary({ salary: { value: 1 } }, null)).toBeNull();
  });

  it('versions an offer by version and updated_at', () => {
    const o = mapOffer(
      {
        id: 9,
        application_id: 1,
        version: 3,
        status: 'unresolved',
        updated_at: '2026-11-02T00:00:00Z',
        custom_fields: {},
      },
      null,
    );
    expect(o).toEqual({
      offerId: '9',
      applicationId: '1',
      version: 'v3@2026-11-02T00:00:00Z',
      status: 'unresolved',
      salary: null,
    });
  });

  it('builds Harvest URLs with or without /v3 in the base', () => {
    expect(harvestUrl('https://harvest.greenhouse.io', 'applications', { ids: '1,2' })).toBe(
      'https://harvest.greenhouse.io/v3/applications?ids=1%2C2',
    );
    expect(harvestUrl('http://127.0.0.1:9/greenhouse/v3/', 'notes')).toBe(
      'http://127.0.0.1:9/greenhouse/v3/notes',
    );
  });
});
