import { checkFairness, DEFAULT_FAIRNESS_POLICY, type CohortAggregate } from '@comeback/domain/compensation';
import { composeOfferNote } from './offer-note';

function cohort(n: number): CohortAggregate {
  return {
    scope: 'family_level_location',
    snapshotId: 's1',
    snapshotEffectiveDate: '2026-04-01',
    n,
    min: 5_000_000,
    max: 7_000_000,
    mean: 6_000_000,
    p10: 5_100_000,
    p25: 5_500_000,
    p50: 6_000_000,
    p75: 6_500_000,
    p90: 6_900_000,
    countBelowOffer: n,
    countEqualOffer: 0,
    maxPayWithExperienceAtLeast: 7_000_000,
    p25WithExperienceAtMost: null,
    genders: {},
  };
}

const check = (n: number, prior = 6_000_000) =>
  checkFairness({
    offerAmount: 8_000_000,
    returnee: { priorBaseSalary: prior, leaveDate: '2024-04-01', relevantExperienceYears: 5 },
    band: null,
    cohort: cohort(n),
    policy: DEFAULT_FAIRNESS_POLICY,
    asOf: '2026-06-01',
  });

describe('composeOfferNote', () => {
  const offer = { offerId: '9', version: '3', amount: 8_000_000 };

  it('gives HR the result and the reasons with figures when the cohort is large enough', () => {
    const note = composeOfferNote(check(12), offer);
    expect(note).toMatch(/^Comeback pay-fairness check of offer 9 \(version 3\): WARN/);
    expect(note).toContain('¥6,900,000');
    expect(note).toContain('Compared with 12 incumbents');
  });

  it('withholds every cohort figure below the privacy minimum', () => {
    const note = composeOfferNote(check(3), offer);
    expect(note).toMatch(/WARN/);
    expect(note).not.toMatch(/6,900,000|7,000,000|incumbent\(s\)|Compared with 3/);
    expect(note).toContain('withheld');
  });

  it('never writes the returnee’s own pay into the ATS', () => {
    const low = checkFairness({
      offerAmount: 5_000_000,
      returnee: { priorBaseSalary: 6_000_000, leaveDate: '2024-04-01' },
      band: null,
      cohort: cohort(12),
      policy: DEFAULT_FAIRNESS_POLICY,
      asOf: '2026-06-01',
    });
    const note = composeOfferNote(low, offer);
    expect(note).toMatch(/FAIL/);
    expect(note).toContain('prior internal salary');
    expect(note).not.toMatch(/6,000,000|6,30\d,\d{3}/);
  });
});
