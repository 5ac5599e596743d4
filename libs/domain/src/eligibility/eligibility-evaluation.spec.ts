import { DEPARTURE_REASON_CODES, DEPARTURE_REASON_LABELS_JA } from './departure-reasons';
import {
  evaluateEligibility,
  type AlumnusEligibilityInput,
  type EvaluationOptions,
} from './eligibility-evaluation';
import type { EligibilityPolicy, EligibilityRules, ScopeOverride } from './eligibility-policy';
import { loadDefaultPolicy } from './default-policy.spec-support';

const DEFAULT = loadDefaultPolicy();

function policy(rules: Partial<EligibilityRules> = {}, overrides: ScopeOverride[] = []): EligibilityPolicy {
  return { ...DEFAULT, rules: { ...DEFAULT.rules, ...rules }, overrides };
}

function alumnus(over: Partial<AlumnusEligibilityInput> = {}): AlumnusEligibilityInput {
  return {
    employeeNumber: 'E001',
    hireDate: '2015-04-01',
    leaveDate: '2021-03-31',
    departureReason: 'voluntary_career',
    rehireRecommendation: 'yes',
    department: 'Engineering',
    jobLevel: 'G3',
    performanceRatings: [
      { year: 2019, rating: 'A' },
      { year: 2020, rating: 'B' },
    ],
    ...over,
  };
}

const AS_OF: EvaluationOptions = { asOf: '2025-06-01' };

function ruleOf(e: ReturnType<typeof evaluateEligibility>, rule: string) {
  return e.rules.find((r) => r.rule === rule);
}

describe('evaluateEligibility with the default policy', () => {
  it('a typical returnee is eligible for the full tier, all rules reported', () => {
    const e = evaluateEligibility(alumnus(), DEFAULT, AS_OF);
    expect(e.outcome).toBe('eligible');
    expect(e.tier).toBe('full');
    expect(e.policyVersion).toBe(DEFAULT.version);
    expect(e.rules.map((r) => r.rule)).toEqual([
      'min_tenure_months',
      'excluded_departure_reasons',
      'cooling_off_months',
      'max_months_since_departure',
      'rehire_recommendation',
    ]);
    expect(e.rules.every((r) => r.passed === true)).toBe(true);
    expect(e.recruiterSummary).toBe('Former employee — eligible for the returnee fast track (full).');
    expect(e.recruiterSummaryJa).toContain('ファストトラック対象です（full）');
  });

  it('is deterministic: the same input and asOf give the same result', () => {
    expect(evaluateEligibility(alumnus(), DEFAULT, AS_OF)).toEqual(
      evaluateEligibility(alumnus(), DEFAULT, AS_OF),
    );
  });

  it('rejects a malformed asOf instead of guessing', () => {
    expect(() => evaluateEligibility(alumnus(), DEFAULT, { asOf: '2025/06/01' })).toThrow(RangeError);
  });
});

describe('min_tenure_months (36, leave date = last day worked)', () => {
  it.each([
    ['exactly 36 months, April to March', '2018-04-01', '2021-03-31', true],
    ['one day short', '2018-04-01', '2021-03-30', false],
    ['exactly 36 months mid-month', '2018-04-15', '2021-04-14', true],
    ['one day short mid-month', '2018-04-15', '2021-04-13', false],
    [
      'hired on a leap day, 36 months ends the day before the clamped anniversary',
      '2016-02-29',
      '2019-02-27',
      true,
    ],
    ['hired on a leap day, one day earlier', '2016-02-29', '2019-02-26', false],
    ['hired on a month end (Jan 31), left Jan 30 three years later', '2018-01-31', '2021-01-30', true],
    ['hired on a month end (Jan 31), left Jan 29 three years later', '2018-01-31', '2021-01-29', false],
    ['hired on Aug 31, left end of August three years later', '2018-08-31', '2021-08-30', true],
    ['long tenure', '2005-04-01', '2021-03-31', true],
  ])('%s', (_label, hireDate, leaveDate, passed) => {
    const e = evaluateEligibility(alumnus({ hireDate, leaveDate }), DEFAULT, { asOf: '2022-06-01' });
    expect(ruleOf(e, 'min_tenure_months')?.passed).toBe(passed);
    expect(e.outcome).toBe(passed ? 'eligible' : 'ineligible');
  });

  it.each([
    ['unparseable hire date', { hireDate: '2018/04/01' }],
    ['leave before hire', { hireDate: '2020-04-01', leaveDate: '2019-03-31' }],
    ['impossible date', { hireDate: '2019-02-29' }],
  ])('%s → undecided, HR review', (_label, over) => {
    const e = evaluateEligibility(alumnus(over), DEFAULT, AS_OF);
    expect(ruleOf(e, 'min_tenure_months')).toMatchObject({ passed: null, effect: 'needs_hr_review' });
    expect(e.outcome).toBe('needs_hr_review');
  });
});

describe('excluded_departure_reasons', () => {
  it.each(DEPARTURE_REASON_CODES.map((code) => [code, code !== 'disciplinary_dismissal'] as const))(
    '%s passed=%s',
    (code, passed) => {
      const e = evaluateEligibility(alumnus({ departureReason: code }), DEFAULT, AS_OF);
      expect(ruleOf(e, 'excluded_departure_reasons')?.passed).toBe(passed);
      expect(e.outcome).toBe(passed ? 'eligible' : 'ineligible');
    },
  );

  it('accepts the Japanese label as input (懲戒解雇)', () => {
    const e = evaluateEligibility(alumnus({ departureReason: '懲戒解雇' }), DEFAULT, AS_OF);
    expect(e.outcome).toBe('ineligible');
    expect(ruleOf(e, 'excluded_departure_reasons')?.detail).toContain('disciplinary_dismissal');
  });

  it('an unknown code goes to HR review', () => {
    const e = evaluateEligibility(alumnus({ departureReason: 'mystery' }), DEFAULT, AS_OF);
    expect(ruleOf(e, 'excluded_departure_reasons')?.passed).toBeNull();
    expect(e.outcome).toBe('needs_hr_review');
  });

  it('a custom list can also exclude performance_dismissal', () => {
    const p = policy({
      excludedDepartureReasons: { reasons: ['disciplinary_dismissal', 'performance_dismissal'] },
    });
    expect(evaluateEligibility(alumnus({ departureReason: 'performance_dismissal' }), p, AS_OF).outcome).toBe(
      'ineligible',
    );
  });
});

describe('cooling_off_months (6)', () => {
  it.each([
    ['exactly 6 months later', '2024-03-15', '2024-09-15', true],
    ['the day before', '2024-03-15', '2024-09-14', false],
    ['month end clamps: Mar 31 + 6 = Sep 30', '2024-03-31', '2024-09-30', true],
    ['month end, day before', '2024-03-31', '2024-09-29', false],
    ['leap day: Aug 29 + 6 = Feb 29 2024', '2023-08-29', '2024-02-29', true],
    ['Aug 31 + 6 = Feb 29 in a leap year', '2023-08-31', '2024-02-29', true],
    ['Aug 31 + 6 = Feb 28 in a common year', '2022-08-31', '2023-02-28', true],
    ['leave date in the future', '2025-01-01', '2024-12-01', false],
  ])('%s', (_label, leaveDate, asOf, passed) => {
    const e = evaluateEligibility(alumnus({ hireDate: '2010-04-01', leaveDate }), DEFAULT, { asOf });
    expect(ruleOf(e, 'cooling_off_months')?.passed).toBe(passed);
    expect(e.outcome).toBe(passed ? 'eligible' : 'ineligible');
  });
});

describe('max_months_since_departure (120)', () => {
  it.each([
    ['on the 10th anniversary: still within', '2015-03-31', '2025-03-31', 'eligible', 'full'],
    ['one day after: light tier', '2015-03-31', '2025-04-01', 'eligible', 'light'],
    ['leap-day leaver, anniversary clamps to Feb 28', '2012-02-29', '2022-02-28', 'eligible', 'full'],
    ['leap-day leaver, Mar 1 is beyond', '2012-02-29', '2022-03-01', 'eligible', 'light'],
  ])('%s', (_label, leaveDate, asOf, outcome, tier) => {
    const e = evaluateEligibility(alumnus({ hireDate: '2000-04-01', leaveDate }), DEFAULT, { asOf });
    expect(e.outcome).toBe(outcome);
    expect(e.tier).toBe(tier);
    expect(ruleOf(e, 'max_months_since_departure')?.effect).toBe(tier === 'light' ? 'tier' : 'none');
  });

  it.each([
    ['ineligible', 'ineligible'],
    ['needs_hr_review', 'needs_hr_review'],
  ] as const)('beyond = %s', (beyond, outcome) => {
    const p = policy({ maxMonthsSinceDeparture: { months: 120, beyond } });
    const e = evaluateEligibility(alumnus({ hireDate: '2000-04-01', leaveDate: '2010-03-31' }), p, AS_OF);
    expect(e.outcome).toBe(outcome);
    expect(e.tier).toBeNull();
    expect(ruleOf(e, 'max_months_since_departure')?.passed).toBe(false);
  });
});

describe('rehire_recommendation', () => {
  it.each([
    ['yes', 'needs_hr_review', 'eligible'],
    ['conditional', 'needs_hr_review', 'eligible'],
    ['no', 'needs_hr_review', 'ineligible'],
    ['NO', 'pass', 'ineligible'],
    ['unknown', 'needs_hr_review', 'needs_hr_review'],
    ['unknown', 'pass', 'eligible'],
    ['unknown', 'fail', 'ineligible'],
    [null, 'needs_hr_review', 'needs_hr_review'],
    [undefined, 'pass', 'eligible'],
    ['', 'fail', 'ineligible'],
    ['maybe', 'needs_hr_review', 'needs_hr_review'],
    ['推奨', 'needs_hr_review', 'eligible'],
    ['不可', 'pass', 'ineligible'],
    ['不明', 'needs_hr_review', 'needs_hr_review'],
  ] as const)('%p with unknown=%s → %s', (value, unknown, outcome) => {
    const p = policy({ rehireRecommendation: { accepted: ['yes', 'conditional'], unknown } });
    const e = evaluateEligibility(alumnus({ rehireRecommendation: value }), p, AS_OF);
    expect(e.outcome).toBe(outcome);
  });

  it('the default policy sends unknown to HR review with passed = null', () => {
    const e = evaluateEligibility(alumnus({ rehireRecommendation: 'unknown' }), DEFAULT, AS_OF);
    expect(ruleOf(e, 'rehire_recommendation')).toMatchObject({ passed: null, effect: 'needs_hr_review' });
    expect(e.recruiterSummary).toBe('Former employee — HR review needed before fast track.');
  });

  it('a recorded value outside accepted fails (conditional when only yes is accepted)', () => {
    const p = policy({ rehireRecommendation: { accepted: ['yes'], unknown: 'pass' } });
    expect(evaluateEligibility(alumnus({ rehireRecommendation: 'conditional' }), p, AS_OF).outcome).toBe(
      'ineligible',
    );
  });
});

describe('min_recent_rating', () => {
  const rule = {
    scale: ['S', 'A', 'B', 'C', 'D'],
    floor: 'B',
    lastN: 2,
    missing: 'needs_hr_review',
  } as const;
  const p = policy({ minRecentRating: rule });
  const r = (...pairs: [number, string][]) => pairs.map(([year, rating]) => ({ year, rating }));

  it.each([
    ['both recent at floor', r([2019, 'B'], [2020, 'B']), true],
    ['one recent below', r([2019, 'A'], [2020, 'C']), false],
    ['old low rating is outside the window', r([2016, 'D'], [2019, 'A'], [2020, 'S']), true],
    ['unsorted input still takes the latest years', r([2020, 'A'], [2016, 'D'], [2019, 'B']), true],
    ['full-width and lower-case ratings normalise', r([2019, 'ａ'], [2020, 'b']), true],
    ['only one rating, at floor', r([2020, 'B']), true],
  ])('%s → passed=%s', (_label, performanceRatings, passed) => {
    const e = evaluateEligibility(alumnus({ performanceRatings }), p, AS_OF);
    expect(ruleOf(e, 'min_recent_rating')?.passed).toBe(passed);
    expect(e.outcome).toBe(passed ? 'eligible' : 'ineligible');
  });

  it.each([
    ['pass', 'eligible'],
    ['needs_hr_review', 'needs_hr_review'],
    ['fail', 'ineligible'],
  ] as const)('no ratings with missing=%s → %s', (missing, outcome) => {
    const e = evaluateEligibility(
      alumnus({ performanceRatings: [] }),
      policy({ minRecentRating: { ...rule, missing } }),
      AS_OF,
    );
    expect(e.outcome).toBe(outcome);
  });

  it('a rating off the scale needs HR review', () => {
    const e = evaluateEligibility(alumnus({ performanceRatings: r([2020, 'Excellent']) }), p, AS_OF);
    expect(ruleOf(e, 'min_recent_rating')?.passed).toBeNull();
    expect(e.outcome).toBe('needs_hr_review');
  });

  it('a custom scale order (numeric, 5 best) works', () => {
    const numeric = policy({
      minRecentRating: { scale: ['5', '4', '3', '2', '1'], floor: '3', lastN: 1, missing: 'pass' },
    });
    expect(evaluateEligibility(alumnus({ performanceRatings: r([2020, '4']) }), numeric, AS_OF).outcome).toBe(
      'eligible',
    );
    expect(evaluateEligibility(alumnus({ performanceRatings: r([2020, '2']) }), numeric, AS_OF).outcome).toBe(
      'ineligible',
    );
  });
});

describe('outcome precedence', () => {
  it('ineligible beats needs_hr_review, and every rule is still reported', () => {
    const e = evaluateEligibility(
      alumnus({ rehireRecommendation: 'unknown', departureReason: 'disciplinary_dismissal' }),
      DEFAULT,
      AS_OF,
    );
    expect(e.outcome).toBe('ineligible');
    expect(e.tier).toBeNull();
    expect(e.rules).toHaveLength(5);
    expect(e.hrSummary).toContain('excluded_departure_reasons');
    expect(e.hrSummary).not.toContain('rehire_recommendation');
  });

  it('light tier + HR review → HR review, no tier', () => {
    const e = evaluateEligibility(
      alumnus({ hireDate: '2000-04-01', leaveDate: '2010-03-31', rehireRecommendation: null }),
      DEFAULT,
      AS_OF,
    );
    expect(e.outcome).toBe('needs_hr_review');
    expect(e.tier).toBeNull();
  });

  it('a policy with no rules makes everyone eligible on the default tier', () => {
    const e = evaluateEligibility(
      alumnus({ departureReason: 'disciplinary_dismissal' }),
      { ...DEFAULT, rules: {} },
      AS_OF,
    );
    expect(e).toMatchObject({ outcome: 'eligible', tier: 'full', rules: [] });
  });
});

describe('scope overrides', () => {
  const managers: ScopeOverride = {
    id: 'managers',
    scope: { jobLevelPrefixes: ['M'] },
    rules: {
      minTenureMonths: { months: 60 },
      minRecentRating: { scale: ['S', 'A', 'B', 'C', 'D'], floor: 'A', lastN: 1, missing: 'needs_hr_review' },
    },
  };
  const sales: ScopeOverride = {
    id: 'sales-no-cooling-off',
    scope: { departments: ['Sales'] },
    rules: { coolingOffMonths: null },
  };
  const job: ScopeOverride = { id: 'job-42-light', scope: { jobIds: ['42'] }, defaultTier: 'light' };
  const both: ScopeOverride = {
    id: 'sales-managers',
    scope: { departments: ['sales'], jobLevels: ['M2'] },
    rules: { minTenureMonths: { months: 12 } },
  };
  const p = policy({}, [managers, sales, job, both]);
  const fourYears = alumnus({
    hireDate: '2016-04-01',
    leaveDate: '2020-03-31',
    performanceRatings: [{ year: 2019, rating: 'A' }],
  });

  it.each([
    ['no job context: base rules', {}, 'eligible', 'full', []],
    ['M1 job: 60 months required', { jobLevel: 'M1' }, 'ineligible', null, ['managers']],
    ['full-width Ｍ３ matches the prefix', { jobLevel: 'Ｍ３' }, 'ineligible', null, ['managers']],
    ['G3 job: not a manager', { jobLevel: 'G3' }, 'eligible', 'full', []],
    ['job 42: light tier by default', { jobId: '42' }, 'eligible', 'light', ['job-42-light']],
    [
      'sales + M2: later override wins for tenure',
      { department: 'Sales', jobLevel: 'M2' },
      'eligible',
      'full',
      ['managers', 'sales-no-cooling-off', 'sales-managers'],
    ],
    [
      'sales + M1: the combined scope needs both dimensions',
      { department: 'Sales', jobLevel: 'M1' },
      'ineligible',
      null,
      ['managers', 'sales-no-cooling-off'],
    ],
  ] as const)('%s', (_label, jobScope, outcome, tier, applied) => {
    const e = evaluateEligibility(fourYears, p, { asOf: '2025-06-01', ...jobScope });
    expect(e.outcome).toBe(outcome);
    expect(e.tier).toBe(tier);
    expect(e.appliedOverrides).toEqual(applied);
    if (applied.length > 0) expect(e.hrSummary).toContain(applied[0]);
  });

  it('null switches a rule off for the scope (sales: no cooling-off)', () => {
    const recent = alumnus({ leaveDate: '2025-04-30' });
    expect(evaluateEligibility(recent, p, { asOf: '2025-06-01' }).outcome).toBe('ineligible');
    const e = evaluateEligibility(recent, p, { asOf: '2025-06-01', department: 'sales' });
    expect(e.outcome).toBe('eligible');
    expect(ruleOf(e, 'cooling_off_months')).toBeUndefined();
  });

  it('the manager override adds the rating floor', () => {
    const weak = alumnus({ hireDate: '2010-04-01', performanceRatings: [{ year: 2020, rating: 'B' }] });
    expect(evaluateEligibility(weak, p, { asOf: '2025-06-01', jobLevel: 'M1' }).outcome).toBe('ineligible');
    expect(evaluateEligibility(weak, p, { asOf: '2025-06-01', jobLevel: 'G5' }).outcome).toBe('eligible');
  });
});

describe('recruiter summaries never reveal a sensitive cause', () => {
  const SENSITIVE_WORDS = [
    /dismiss/i,
    /misconduct/i,
    /disciplin/i,
    /rating/i,
    /salary/i,
    /pay/i,
    /performance/i,
    /reason/i,
    /recommend/i,
    /解雇/,
    /評価/,
    /給/,
    /理由/,
  ];
  const ratingScale = ['S', 'A', 'B', 'C', 'D'];
  const p = policy({
    minRecentRating: { scale: ratingScale, floor: 'B', lastN: 1, missing: 'needs_hr_review' },
  });
  const cases: AlumnusEligibilityInput[] = DEPARTURE_REASON_CODES.flatMap((code) =>
    (['yes', 'no', 'unknown', 'conditional'] as const).flatMap((rehireRecommendation) =>
      ratingScale.map((rating) =>
        alumnus({
          departureReason: code,
          rehireRecommendation,
          performanceRatings: [{ year: 2020, rating }],
          employeeNumber: `${code}-${rating}`,
        }),
      ),
    ),
  );

  it.each(cases.map((a) => [a.employeeNumber, a] as const))('%s', (_id, a) => {
    const e = evaluateEligibility(a, p, AS_OF);
    for (const text of [e.recruiterSummary, e.recruiterSummaryJa]) {
      for (const code of DEPARTURE_REASON_CODES) {
        expect(text).not.toContain(code);
        expect(text).not.toContain(DEPARTURE_REASON_LABELS_JA[code]);
      }
      for (const word of SENSITIVE_WORDS) expect(text).not.toMatch(word);
      // Ratings are single letters: they must not appear as a token (the tier name in parentheses is fine).
      for (const rating of ratingScale)
        expect(text).not.toMatch(new RegExp(`(^|[^A-Za-z])${rating}([^A-Za-z]|$)`));
      expect(text).not.toContain(a.employeeNumber);
    }
  });

  it('covers all three outcomes with fixed phrases', () => {
    const summaries = new Set(cases.map((a) => evaluateEligibility(a, p, AS_OF).recruiterSummary));
    expect([...summaries].sort()).toEqual([
      'Former employee — HR review needed before fast track.',
      'Former employee — eligible for the returnee fast track (full).',
      'Former employee — not eligible for the returnee fast track; contact HR.',
    ]);
  });

  it('the HR summary and rule details do name the reason (they are HR-only)', () => {
    const e = evaluateEligibility(alumnus({ departureReason: 'disciplinary_dismissal' }), DEFAULT, AS_OF);
    expect(e.hrSummary).toContain('disciplinary_dismissal');
  });
});
