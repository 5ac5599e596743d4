import { jobMatchesErasure, type JobErasureMatch } from './job-types';

describe('jobMatchesErasure (which finished jobs an erasure forgets)', () => {
  const m: JobErasureMatch = {
    tenantId: 't1',
    applicationIds: ['A1'],
    candidateIds: ['C1'],
    values: ['saki@example.net', '森'],
  };
  const job = (data: Record<string, unknown>, ...texts: string[]) => ({ data, texts });

  it('matches the tenant’s jobs naming the person’s applications or candidates', () => {
    expect(jobMatchesErasure(m, job({ tenantId: 't1', applicationId: 'A1' }))).toBe(true);
    expect(jobMatchesErasure(m, job({ tenantId: 't1', candidateId: 'C1' }))).toBe(true);
    expect(jobMatchesErasure(m, job({ tenantId: 't2', applicationId: 'A1' }))).toBe(false);
    expect(jobMatchesErasure(m, job({ tenantId: 't1', applicationId: 'A2' }))).toBe(false);
  });

  it('matches failure text quoting a value, ignoring values too short to search for', () => {
    expect(jobMatchesErasure(m, job({ tenantId: 't1' }, 'refused for SAKI@example.net'))).toBe(true);
    expect(jobMatchesErasure(m, job({ tenantId: 't1' }, '森 is a common name'))).toBe(false);
  });
});
