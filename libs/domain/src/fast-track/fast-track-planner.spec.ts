import fc from 'fast-check';
import type { EligibilityPolicy } from '../eligibility/eligibility-policy';
import { planFastTrack, type PlannerStage } from './fast-track-planner';
import { normalizeStageName, stageMatcher } from './stage-matching';
import { loadDefaultPolicy } from '../eligibility/default-policy.spec-support';

const DEFAULT = loadDefaultPolicy();

/** Stages from names; ids are `s0`, `s1`… and positions 10, 20… */
function pipeline(...names: string[]): PlannerStage[] {
  return names.map((name, i) => ({ id: `s${i}`, name, position: (i + 1) * 10 }));
}

const GREENHOUSE = pipeline(
  'Application Review',
  'Preliminary Phone Screen',
  'Face to Face',
  'Reference Check',
  'Offer',
);
const JAPANESE = pipeline('書類選考', '一次面接', '二次面接', '最終面接', '内定');

describe('planFastTrack', () => {
  it.each([
    [
      'full tier skips both screening stages (Greenhouse names)',
      GREENHOUSE,
      's0',
      'full',
      'move',
      's2',
      ['s0', 's1'],
      'ok',
    ],
    ['light tier skips document review only', GREENHOUSE, 's0', 'light', 'move', 's1', ['s0'], 'ok'],
    ['full tier, Japanese names', JAPANESE, 's0', 'full', 'move', 's2', ['s0', 's1'], 'ok'],
    [
      'current stage is the second skip stage: skips the rest of the run',
      JAPANESE,
      's1',
      'full',
      'move',
      's2',
      ['s1'],
      'ok',
    ],
    ['recruiter already moved it further', JAPANESE, 's2', 'full', 'none', undefined, [], 'already_further'],
    [
      'already at a protected stage',
      JAPANESE,
      's3',
      'full',
      'none',
      undefined,
      [],
      'current_stage_protected',
    ],
    ['not eligible (no tier)', JAPANESE, 's0', null, 'none', undefined, [], 'not_eligible'],
    ['undefined tier', JAPANESE, 's0', 'gold', 'none', undefined, [], 'unknown_tier'],
    [
      'current stage not in the pipeline',
      JAPANESE,
      'zz',
      'full',
      'none',
      undefined,
      [],
      'unknown_current_stage',
    ],
    [
      'names match width- and case-insensitively',
      pipeline('ＡＰＰＬＩＣＡＴＩＯＮ　ｒｅｖｉｅｗ', 'preliminary phone screen', 'Onsite'),
      's0',
      'full',
      'move',
      's2',
      ['s0', 's1'],
      'ok',
    ],
    [
      'protected stage in the middle stops the run',
      pipeline('書類選考', 'Reference Check', '一次面接', 'Onsite'),
      's0',
      'full',
      'move',
      's1',
      ['s0'],
      'ok',
    ],
    [
      'the protected stage itself is never skipped, even right after',
      pipeline('書類選考', '最終面接', 'Offer'),
      's0',
      'full',
      'move',
      's1',
      ['s0'],
      'ok',
    ],
    [
      'skip stages exist later but not at the current stage',
      pipeline('Applied', '書類選考', 'Onsite'),
      's0',
      'full',
      'none',
      undefined,
      [],
      'nothing_to_skip',
    ],
    [
      'no skip stage matches this job',
      pipeline('Applied', 'Resume Screen', 'Onsite'),
      's0',
      'full',
      'none',
      undefined,
      [],
      'no_matching_stages',
    ],
    [
      'every remaining stage is skippable: nowhere to land',
      pipeline('Sourced', '書類選考', '一次面接'),
      's1',
      'full',
      'none',
      undefined,
      [],
      'no_stage_after_skips',
    ],
  ] as const)('%s', (_label, stages, currentStageId, tier, action, target, skipped, reason) => {
    const plan = planFastTrack({ stages, currentStageId, tier, policy: DEFAULT, jobId: 'job-1' });
    expect(plan.action).toBe(action);
    expect(plan.reason).toBe(reason);
    expect(plan.targetStage?.id).toBe(target);
    expect(plan.skipped.map((s) => s.id)).toEqual(skipped);
  });

  it('sorts stages by position (input order does not matter)', () => {
    const shuffled = [GREENHOUSE[3], GREENHOUSE[0], GREENHOUSE[4], GREENHOUSE[2], GREENHOUSE[1]];
    const plan = planFastTrack({
      stages: shuffled,
      currentStageId: 's0',
      tier: 'full',
      policy: DEFAULT,
      jobId: 'job-1',
    });
    expect(plan).toEqual({
      action: 'move',
      targetStage: { id: 's2', name: 'Face to Face' },
      skipped: [
        { id: 's0', name: 'Application Review' },
        { id: 's1', name: 'Preliminary Phone Screen' },
      ],
      reason: 'ok',
    });
  });

  describe('per-job overrides', () => {
    const workable = pipeline('Applied', 'Phone Screen', 'Assessment', 'Interview', 'Offer');
    const policy: EligibilityPolicy = {
      ...DEFAULT,
      tiers: {
        ...DEFAULT.tiers,
        full: { ...DEFAULT.tiers.full, jobOverrides: { 'wk-7': [{ names: ['Applied'] }, { id: 's1' }] } },
      },
      jobProtectedStages: { 'wk-7': [{ names: ['Assessment'] }] },
    };

    it('the job override replaces the default stage names', () => {
      const plan = planFastTrack({
        stages: workable,
        currentStageId: 's0',
        tier: 'full',
        policy,
        jobId: 'wk-7',
      });
      expect(plan).toMatchObject({ action: 'move', targetStage: { id: 's2' }, reason: 'ok' });
      expect(plan.skipped.map((s) => s.name)).toEqual(['Applied', 'Phone Screen']);
    });

    it('without the override the same pipeline matches nothing', () => {
      expect(
        planFastTrack({ stages: workable, currentStageId: 's0', tier: 'full', policy, jobId: 'other' })
          .reason,
      ).toBe('no_matching_stages');
    });

    it('per-job protected stages add to the global ones', () => {
      const p2: EligibilityPolicy = {
        ...policy,
        tiers: {
          ...policy.tiers,
          full: {
            skipStages: [],
            jobOverrides: { 'wk-7': [{ names: ['Applied', 'Phone Screen', 'Assessment'] }] },
          },
        },
      };
      const plan = planFastTrack({
        stages: workable,
        currentStageId: 's0',
        tier: 'full',
        policy: p2,
        jobId: 'wk-7',
      });
      expect(plan.targetStage?.name).toBe('Assessment');
      expect(
        planFastTrack({
          stages: [...workable.slice(0, 3), { id: 'x', name: 'Offer', position: 35 }],
          currentStageId: 's1',
          tier: 'full',
          policy: p2,
          jobId: 'wk-7',
        }).targetStage?.name,
      ).toBe('Assessment');
    });

    it('a job id that looks like an Object prototype key is not an override', () => {
      expect(
        planFastTrack({ stages: JAPANESE, currentStageId: 's0', tier: 'full', policy, jobId: 'constructor' })
          .targetStage?.id,
      ).toBe('s2');
    });
  });
});

describe('stage matching', () => {
  it.each([
    ['書類選考', '書類選考'],
    ['一次　面接', '一次面接'],
    ['Ｆｉｎａｌ Interview', 'final interview'],
    ['ﾘﾌｧﾚﾝｽﾁｪｯｸ', 'リファレンスチェック'],
  ])('%s ≡ %s', (a, b) => {
    expect(normalizeStageName(a)).toBe(normalizeStageName(b));
  });

  it('ids match exactly; names do not match ids', () => {
    const m = stageMatcher([{ id: '123' }, { names: ['Offer'] }]);
    expect(m.matches({ id: '123', name: 'anything' })).toBe(true);
    expect(m.matches({ id: '1234', name: '123' })).toBe(false);
    expect(m.matches({ id: '9', name: 'OFFER' })).toBe(true);
  });
});

describe('planFastTrack properties', () => {
  const NAMES = [
    '書類選考',
    'Application Review',
    '一次面接',
    'Preliminary Phone Screen',
    'Onsite',
    '最終面接',
    'Offer',
    'Reference Check',
    'Assessment',
    'Applied',
  ];

  it('never moves backwards, never past the first protected stage at or after current, skips only a contiguous run from current', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom('full', 'light', null),
        fc.subarray(NAMES),
        fc.subarray(NAMES),
        (names, pick, tier, skipNames, protectedNames) => {
          const stages = pipeline(...names);
          const policy: EligibilityPolicy = {
            ...DEFAULT,
            tiers: {
              full: { skipStages: skipNames.map((n) => ({ names: [n] })) },
              light: { skipStages: skipNames.slice(0, 1).map((n) => ({ names: [n] })) },
            },
            protectedStages: protectedNames.map((n) => ({ names: [n] })),
          };
          const current = pick % stages.length;
          const plan = planFastTrack({ stages, currentStageId: `s${current}`, tier, policy, jobId: 'j' });
          if (plan.action === 'none') {
            expect(plan.targetStage).toBeUndefined();
            expect(plan.skipped).toEqual([]);
            return;
          }
          const target = stages.findIndex((s) => s.id === plan.targetStage?.id);
          const isProtected = (i: number) => protectedNames.includes(stages[i].name);
          const firstProtected = stages.findIndex((_, i) => i >= current && isProtected(i));
          expect(target).toBeGreaterThan(current);
          if (firstProtected >= 0) expect(target).toBeLessThanOrEqual(firstProtected);
          expect(plan.skipped.map((s) => s.id)).toEqual(stages.slice(current, target).map((s) => s.id));
          for (const s of plan.skipped) {
            expect(skipNames).toContain(s.name);
            expect(protectedNames).not.toContain(s.name);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
