import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateEligibilityPolicy, type PolicyProblem } from './eligibility-policy-validation';

const DEFAULT_JSON: unknown = JSON.parse(
  readFileSync(join(__dirname, '../../../../config/eligibility-policy.default.json'), 'utf8'),
);

type Doc = Record<string, unknown>;

/** A fresh, mutable copy of the default policy document for each case. */
function doc(): Doc {
  return structuredClone(DEFAULT_JSON) as Doc;
}

function problemsOf(input: unknown): PolicyProblem[] {
  const r = validateEligibilityPolicy(input);
  return r.ok ? [] : [...r.problems];
}

describe('the shipped default policy', () => {
  it('passes the validator', () => {
    const r = validateEligibilityPolicy(DEFAULT_JSON);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('holds the agreed choices', () => {
    const r = validateEligibilityPolicy(DEFAULT_JSON);
    if (!r.ok) throw new Error('invalid default');
    const { rules, tiers, defaultTier, protectedStages } = r.policy;
    expect(rules.minTenureMonths?.months).toBe(36);
    expect(rules.excludedDepartureReasons?.reasons).toEqual(['disciplinary_dismissal']);
    expect(rules.coolingOffMonths?.months).toBe(6);
    expect(rules.maxMonthsSinceDeparture).toMatchObject({ months: 120, beyond: 'tier', tier: 'light' });
    expect(rules.rehireRecommendation).toMatchObject({
      accepted: ['yes', 'conditional'],
      unknown: 'needs_hr_review',
    });
    expect(defaultTier).toBe('full');
    expect(tiers.full?.skipStages.flatMap((s) => s.names ?? [])).toEqual([
      '書類選考',
      'Application Review',
      '一次面接',
      'Preliminary Phone Screen',
    ]);
    expect(tiers.light?.skipStages.flatMap((s) => s.names ?? [])).toEqual(['書類選考', 'Application Review']);
    const protectedNames = protectedStages.flatMap((s) => s.names ?? []);
    expect(protectedNames).toEqual(
      expect.arrayContaining([
        '最終面接',
        'Final Interview',
        'Offer',
        'Reference Check',
        'リファレンスチェック',
      ]),
    );
  });

  it('returns a copy, not the caller’s object', () => {
    const input = doc();
    const r = validateEligibilityPolicy(input);
    if (!r.ok) throw new Error('invalid default');
    expect(r.policy).not.toBe(input);
    expect(r.policy.rules).not.toBe(input.rules);
  });
});

describe('validateEligibilityPolicy problems', () => {
  const rules = (d: Doc) => d.rules as Doc;
  const tiers = (d: Doc) => d.tiers as Doc;

  it.each<[string, (d: Doc) => unknown, { path: string; code: string }[]]>([
    ['not an object', () => [], [{ path: '', code: 'type' }]],
    ['unknown top-level key', (d) => ({ ...d, activ: true }), [{ path: '/activ', code: 'unknown_key' }]],
    ['missing version', (d) => ({ ...d, version: undefined }), [{ path: '/version', code: 'required' }]],
    ['empty version', (d) => ({ ...d, version: ' ' }), [{ path: '/version', code: 'empty' }]],
    [
      'unknown rule kind',
      (d) => ({ ...d, rules: { ...rules(d), maxAge: { years: 60 } } }),
      [{ path: '/rules/maxAge', code: 'unknown_key' }],
    ],
    [
      'tenure months as a string',
      (d) => ({ ...d, rules: { ...rules(d), minTenureMonths: { months: '36' } } }),
      [{ path: '/rules/minTenureMonths/months', code: 'type' }],
    ],
    [
      'fractional months',
      (d) => ({ ...d, rules: { ...rules(d), coolingOffMonths: { months: 6.5 } } }),
      [{ path: '/rules/coolingOffMonths/months', code: 'integer' }],
    ],
    [
      'negative months',
      (d) => ({ ...d, rules: { ...rules(d), minTenureMonths: { months: -1 } } }),
      [{ path: '/rules/minTenureMonths/months', code: 'range' }],
    ],
    [
      'absurd months',
      (d) => ({ ...d, rules: { ...rules(d), minTenureMonths: { months: 10000 } } }),
      [{ path: '/rules/minTenureMonths/months', code: 'range' }],
    ],
    [
      'unknown key inside a rule',
      (d) => ({ ...d, rules: { ...rules(d), minTenureMonths: { months: 36, years: 3 } } }),
      [{ path: '/rules/minTenureMonths/years', code: 'unknown_key' }],
    ],
    [
      'unknown departure reason',
      (d) => ({
        ...d,
        rules: { ...rules(d), excludedDepartureReasons: { reasons: ['disciplinary_dismissal', 'fired'] } },
      }),
      [{ path: '/rules/excludedDepartureReasons/reasons/1', code: 'unknown_departure_reason' }],
    ],
    [
      'Japanese label instead of the code',
      (d) => ({ ...d, rules: { ...rules(d), excludedDepartureReasons: { reasons: ['懲戒解雇'] } } }),
      [{ path: '/rules/excludedDepartureReasons/reasons/0', code: 'unknown_departure_reason' }],
    ],
    [
      'duplicate departure reason',
      (d) => ({ ...d, rules: { ...rules(d), excludedDepartureReasons: { reasons: ['health', 'health'] } } }),
      [{ path: '/rules/excludedDepartureReasons/reasons/1', code: 'duplicate' }],
    ],
    [
      'beyond has a bad value',
      (d) => ({ ...d, rules: { ...rules(d), maxMonthsSinceDeparture: { months: 120, beyond: 'lighter' } } }),
      [{ path: '/rules/maxMonthsSinceDeparture/beyond', code: 'enum' }],
    ],
    [
      'beyond tier without a tier',
      (d) => ({ ...d, rules: { ...rules(d), maxMonthsSinceDeparture: { months: 120, beyond: 'tier' } } }),
      [{ path: '/rules/maxMonthsSinceDeparture/tier', code: 'required' }],
    ],
    [
      'tier given although beyond is ineligible',
      (d) => ({
        ...d,
        rules: { ...rules(d), maxMonthsSinceDeparture: { months: 120, beyond: 'ineligible', tier: 'light' } },
      }),
      [{ path: '/rules/maxMonthsSinceDeparture/tier', code: 'conflict' }],
    ],
    [
      'beyond tier references an undefined tier',
      (d) => ({
        ...d,
        rules: { ...rules(d), maxMonthsSinceDeparture: { months: 120, beyond: 'tier', tier: 'lite' } },
      }),
      [{ path: '/rules/maxMonthsSinceDeparture/tier', code: 'unknown_tier' }],
    ],
    [
      'defaultTier undefined',
      (d) => ({ ...d, defaultTier: 'gold' }),
      [{ path: '/defaultTier', code: 'unknown_tier' }],
    ],
    [
      'rehire accepts an unknown word',
      (d) => ({
        ...d,
        rules: { ...rules(d), rehireRecommendation: { accepted: ['yes', 'sure'], unknown: 'pass' } },
      }),
      [{ path: '/rules/rehireRecommendation/accepted/1', code: 'enum' }],
    ],
    [
      'rehire accepts "unknown" (must use unknown: pass)',
      (d) => ({
        ...d,
        rules: { ...rules(d), rehireRecommendation: { accepted: ['unknown'], unknown: 'pass' } },
      }),
      [{ path: '/rules/rehireRecommendation/accepted/0', code: 'enum' }],
    ],
    [
      'rehire unknown treatment invalid and accepted empty',
      (d) => ({ ...d, rules: { ...rules(d), rehireRecommendation: { accepted: [], unknown: 'maybe' } } }),
      [
        { path: '/rules/rehireRecommendation/unknown', code: 'enum' },
        { path: '/rules/rehireRecommendation/accepted', code: 'empty' },
      ],
    ],
    [
      'rating floor not on the scale',
      (d) => ({
        ...d,
        rules: {
          ...rules(d),
          minRecentRating: { scale: ['S', 'A', 'B'], floor: 'C', lastN: 2, missing: 'pass' },
        },
      }),
      [{ path: '/rules/minRecentRating/floor', code: 'unknown_rating' }],
    ],
    [
      'rating scale with duplicates after normalisation and lastN 0',
      (d) => ({
        ...d,
        rules: {
          ...rules(d),
          minRecentRating: { scale: ['A', 'ａ'], floor: 'A', lastN: 0, missing: 'pass' },
        },
      }),
      [
        { path: '/rules/minRecentRating/scale/1', code: 'duplicate' },
        { path: '/rules/minRecentRating/lastN', code: 'range' },
      ],
    ],
    [
      'null rule at the base level',
      (d) => ({ ...d, rules: { ...rules(d), coolingOffMonths: null } }),
      [{ path: '/rules/coolingOffMonths', code: 'type' }],
    ],
    [
      'cooling-off longer than the maximum with beyond = ineligible',
      (d) => ({
        ...d,
        rules: {
          ...rules(d),
          coolingOffMonths: { months: 24 },
          maxMonthsSinceDeparture: { months: 12, beyond: 'ineligible' },
        },
      }),
      [{ path: '/rules', code: 'conflict' }],
    ],
    ['no tiers', (d) => ({ ...d, tiers: {} }), [{ path: '/tiers', code: 'empty' }]],
    [
      'bad tier name',
      (d) => ({ ...d, tiers: { ...tiers(d), 'full tier': { skipStages: [] } } }),
      [{ path: '/tiers/full tier', code: 'format' }],
    ],
    [
      'stage reference without id or names',
      (d) => ({ ...d, tiers: { ...tiers(d), light: { skipStages: [{}] } } }),
      [{ path: '/tiers/light/skipStages/0', code: 'required' }],
    ],
    [
      'stage alias duplicated after NFKC and case folding',
      (d) => ({
        ...d,
        tiers: {
          ...tiers(d),
          light: { skipStages: [{ names: ['Application Review', 'ＡＰＰＬＩＣＡＴＩＯＮ　ＲＥＶＩＥＷ'] }] },
        },
      }),
      [{ path: '/tiers/light/skipStages/0/names/1', code: 'duplicate' }],
    ],
    [
      'job override key with a slash is escaped in the path',
      (d) => ({
        ...d,
        tiers: { ...tiers(d), light: { skipStages: [], jobOverrides: { 'jobs/7': [{ id: 3 }] } } },
      }),
      [{ path: '/tiers/light/jobOverrides/jobs~17/0/id', code: 'type' }],
    ],
    [
      'a skip stage that is also protected',
      (d) => ({ ...d, tiers: { ...tiers(d), light: { skipStages: [{ names: ['final interview'] }] } } }),
      [{ path: '/tiers/light/skipStages/0', code: 'conflict' }],
    ],
    [
      'protected stages missing',
      (d) => ({ ...d, protectedStages: undefined }),
      [{ path: '/protectedStages', code: 'required' }],
    ],
    [
      'override: empty scope, undefined tier, unknown rule key',
      (d) => ({ ...d, overrides: [{ id: 'x', scope: {}, defaultTier: 'gold', rules: { foo: 1 } }] }),
      [
        { path: '/overrides/0/scope', code: 'empty' },
        { path: '/overrides/0/rules/foo', code: 'unknown_key' },
        { path: '/overrides/0/defaultTier', code: 'unknown_tier' },
      ],
    ],
    [
      'override: duplicate id and missing scope',
      (d) => ({
        ...d,
        overrides: [
          { id: 'm', scope: { jobLevels: ['M1'] }, rules: { coolingOffMonths: null } },
          { id: 'm', rules: { coolingOffMonths: null } },
        ],
      }),
      [
        { path: '/overrides/1/scope', code: 'required' },
        { path: '/overrides/1/id', code: 'duplicate' },
      ],
    ],
    [
      'override makes the rules contradictory',
      (d) => ({
        ...d,
        overrides: [
          {
            id: 'm',
            scope: { jobLevels: ['M1'] },
            rules: { maxMonthsSinceDeparture: { months: 3, beyond: 'ineligible' } },
          },
        ],
      }),
      [{ path: '/overrides/0/rules', code: 'conflict' }],
    ],
  ])('%s', (_label, mutate, expected) => {
    const problems = problemsOf(mutate(doc()));
    expect(problems.map(({ path, code }) => ({ path, code }))).toEqual(expect.arrayContaining(expected));
    expect(problems).toHaveLength(expected.length);
    for (const p of problems) {
      expect(p.message.length).toBeGreaterThan(5);
      expect(p.messages.en).toBe(p.message);
      expect(p.messages.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('suggests the code when given a Japanese label', () => {
    const d = doc();
    d.rules = { ...(d.rules as Doc), excludedDepartureReasons: { reasons: ['懲戒解雇'] } };
    expect(problemsOf(d)[0]?.message).toContain('disciplinary_dismissal');
    expect(problemsOf(d)[0]?.messages.ja).toContain('disciplinary_dismissal');
  });

  it('accepts a valid override with null (rule off) and per-job stage lists', () => {
    const d = doc();
    d.overrides = [
      {
        id: 'managers',
        comment: 'stricter for M1+',
        scope: { jobLevelPrefixes: ['M'] },
        rules: { minTenureMonths: { months: 60 } },
      },
      {
        id: 'sales',
        scope: { departments: ['Sales'] },
        rules: { coolingOffMonths: null },
        defaultTier: 'light',
      },
    ];
    d.tiers = {
      ...(d.tiers as Doc),
      light: {
        skipStages: [{ names: ['書類選考'] }],
        jobOverrides: { '4021': [{ id: 'st-1' }, { names: ['Resume Screen'] }] },
      },
    };
    d.jobProtectedStages = { '4021': [{ names: ['Background Check'] }] };
    const r = validateEligibilityPolicy(d);
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (r.ok) expect(r.policy.overrides[1]?.rules?.coolingOffMonths).toBeNull();
  });
});
