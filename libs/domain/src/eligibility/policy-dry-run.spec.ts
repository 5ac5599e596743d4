import type { AlumnusEligibilityInput } from './eligibility-evaluation';
import type { EligibilityPolicy } from './eligibility-policy';
import { dryRunPolicyChange } from './policy-dry-run';
import { loadDefaultPolicy } from './default-policy.spec-support';

const CURRENT = loadDefaultPolicy();
const AS_OF = { asOf: '2025-06-01' };

function alumnus(
  employeeNumber: string,
  over: Partial<AlumnusEligibilityInput> = {},
): AlumnusEligibilityInput {
  return {
    employeeNumber,
    hireDate: '2015-04-01',
    leaveDate: '2021-03-31',
    departureReason: 'voluntary_career',
    rehireRecommendation: 'yes',
    performanceRatings: [],
    ...over,
  };
}

// 4 eligible (full), 2 with 4 years' tenure, 1 unknown recommendation, 1 dismissed, 1 away 12 years.
const REGISTRY: AlumnusEligibilityInput[] = [
  alumnus('A1'),
  alumnus('A2'),
  alumnus('A3', { hireDate: '2017-04-01' }),
  alumnus('A4', { hireDate: '2017-04-01' }),
  alumnus('A5', { rehireRecommendation: 'unknown' }),
  alumnus('A6', { departureReason: 'disciplinary_dismissal' }),
  alumnus('A7', { hireDate: '2005-04-01', leaveDate: '2013-03-31' }),
];

describe('dryRunPolicyChange', () => {
  it('an identical draft changes nobody', () => {
    const r = dryRunPolicyChange(CURRENT, CURRENT, REGISTRY, AS_OF);
    expect(r).toMatchObject({ total: 7, changed: 0, transitions: [], examples: [] });
    expect(r.byOutcome.current).toEqual({ eligible: 5, needs_hr_review: 1, ineligible: 1 });
    expect(r.byOutcome.draft).toEqual(r.byOutcome.current);
    expect(r.byTier.current).toEqual({ full: 4, light: 1 });
  });

  it('raising tenure to 60 months makes the 4-year leavers ineligible, with examples naming the rule', () => {
    const draft: EligibilityPolicy = {
      ...CURRENT,
      version: 'draft',
      rules: { ...CURRENT.rules, minTenureMonths: { months: 60 } },
    };
    const r = dryRunPolicyChange(CURRENT, draft, REGISTRY, AS_OF);
    expect(r.changed).toBe(2);
    expect(r.byOutcome.draft).toEqual({ eligible: 3, needs_hr_review: 1, ineligible: 3 });
    expect(r.transitions).toEqual([{ from: 'eligible:full', to: 'ineligible', count: 2 }]);
    expect(r.examples).toEqual([
      {
        employeeNumber: 'A3',
        from: 'eligible:full',
        to: 'ineligible',
        decisiveRule: 'min_tenure_months',
        detail: expect.stringContaining('minimum 60'),
      },
      {
        employeeNumber: 'A4',
        from: 'eligible:full',
        to: 'ineligible',
        decisiveRule: 'min_tenure_months',
        detail: expect.stringContaining('minimum 60'),
      },
    ]);
  });

  it('a looser draft names the rule that used to block; tier-only changes count too', () => {
    const draft: EligibilityPolicy = {
      ...CURRENT,
      version: 'draft',
      rules: {
        ...CURRENT.rules,
        rehireRecommendation: { accepted: ['yes', 'conditional'], unknown: 'pass' },
        maxMonthsSinceDeparture: { months: 180, beyond: 'tier', tier: 'light' },
      },
    };
    const r = dryRunPolicyChange(CURRENT, draft, REGISTRY, AS_OF);
    expect(r.changed).toBe(2);
    expect(r.transitions).toEqual([
      { from: 'eligible:light', to: 'eligible:full', count: 1 },
      { from: 'needs_hr_review', to: 'eligible:full', count: 1 },
    ]);
    expect(r.examples).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ employeeNumber: 'A5', decisiveRule: 'rehire_recommendation' }),
        expect.objectContaining({ employeeNumber: 'A7', decisiveRule: 'max_months_since_departure' }),
      ]),
    );
    expect(r.byTier.draft).toEqual({ full: 6 });
  });

  it('a default-tier change is reported as default_tier', () => {
    const draft: EligibilityPolicy = { ...CURRENT, defaultTier: 'light' };
    const r = dryRunPolicyChange(CURRENT, draft, REGISTRY, AS_OF);
    expect(r.changed).toBe(4);
    expect(r.examples.every((e) => e.decisiveRule === 'default_tier')).toBe(true);
  });

  it('caps examples and spreads them round-robin across transitions', () => {
    const many = [
      ...Array.from({ length: 50 }, (_, i) => alumnus(`T${i}`, { hireDate: '2017-04-01' })),
      alumnus('R1', { departureReason: 'performance_dismissal' }),
    ];
    const draft: EligibilityPolicy = {
      ...CURRENT,
      rules: {
        ...CURRENT.rules,
        minTenureMonths: { months: 60 },
        excludedDepartureReasons: { reasons: ['disciplinary_dismissal', 'performance_dismissal'] },
      },
    };
    const r = dryRunPolicyChange(CURRENT, draft, many, { asOf: '2025-06-01', exampleLimit: 5 });
    expect(r.changed).toBe(51);
    expect(r.transitions).toEqual([{ from: 'eligible:full', to: 'ineligible', count: 51 }]);
    expect(r.examples).toHaveLength(5);
    expect(dryRunPolicyChange(CURRENT, draft, many, AS_OF).examples).toHaveLength(20);
  });

  it('rare transitions still get an example next to a common one', () => {
    const many = [
      ...Array.from({ length: 30 }, (_, i) => alumnus(`T${i}`, { hireDate: '2017-04-01' })),
      alumnus('U1', { rehireRecommendation: 'unknown' }),
    ];
    const draft: EligibilityPolicy = {
      ...CURRENT,
      rules: {
        ...CURRENT.rules,
        minTenureMonths: { months: 60 },
        rehireRecommendation: { accepted: ['yes'], unknown: 'fail' },
      },
    };
    const r = dryRunPolicyChange(CURRENT, draft, many, { asOf: '2025-06-01', exampleLimit: 3 });
    expect(r.transitions).toEqual([
      { from: 'eligible:full', to: 'ineligible', count: 30 },
      { from: 'needs_hr_review', to: 'ineligible', count: 1 },
    ]);
    expect(r.examples.map((e) => e.employeeNumber)).toEqual(['T0', 'U1', 'T1']);
  });

  it('evaluates against a job (scope overrides) when asked', () => {
    const draft: EligibilityPolicy = {
      ...CURRENT,
      overrides: [
        { id: 'managers', scope: { jobLevelPrefixes: ['M'] }, rules: { minTenureMonths: { months: 60 } } },
      ],
    };
    expect(dryRunPolicyChange(CURRENT, draft, REGISTRY, AS_OF).changed).toBe(0);
    expect(dryRunPolicyChange(CURRENT, draft, REGISTRY, { ...AS_OF, job: { jobLevel: 'M1' } }).changed).toBe(
      2,
    );
    const perPerson = dryRunPolicyChange(CURRENT, draft, REGISTRY, {
      ...AS_OF,
      jobOf: (a) => (a.employeeNumber === 'A3' ? { jobLevel: 'M2' } : undefined),
    });
    expect(perPerson.examples.map((e) => e.employeeNumber)).toEqual(['A3']);
  });

  it('handles an empty registry', () => {
    expect(dryRunPolicyChange(CURRENT, CURRENT, [], AS_OF)).toMatchObject({
      total: 0,
      changed: 0,
      examples: [],
    });
  });
});
