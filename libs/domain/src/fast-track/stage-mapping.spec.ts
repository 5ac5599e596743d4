import { planFastTrack, type PlannerStage } from './fast-track-planner';
import { applyStageMapping, type StageMapping } from './stage-mapping';
import { replanAfterStaleMove } from './stale-move';
import { loadDefaultPolicy } from '../eligibility/default-policy.spec-support';

const POLICY = loadDefaultPolicy();
const pipeline = (...names: string[]): PlannerStage[] =>
  names.map((name, i) => ({ id: `s${i}`, name, position: (i + 1) * 10 }));
/** A job whose stage names the default policy does not know: only a mapping makes it skippable. */
const CUSTOM = pipeline('Triage', 'Culture Chat', 'Panel', 'Offer');
const JAPANESE = pipeline('書類選考', '一次面接', '二次面接', '最終面接', '内定');

describe('applyStageMapping', () => {
  it('returns the policy itself when the job has no mapping', () => {
    expect(applyStageMapping(POLICY, 'J1', null)).toBe(POLICY);
  });

  it.each<
    [string, StageMapping, PlannerStage[], string, string, 'move' | 'none', string | undefined, string]
  >([
    [
      'maps custom stage names for one tier (by name)',
      { tiers: { full: ['Triage', 'Culture Chat'] }, protected: [] },
      CUSTOM,
      'full',
      's0',
      'move',
      's2',
      'ok',
    ],
    [
      'maps by stage id',
      { tiers: { full: ['s0'] }, protected: [] },
      CUSTOM,
      'full',
      's0',
      'move',
      's1',
      'ok',
    ],
    [
      'a tier the mapping does not name keeps the policy default (no match here)',
      { tiers: { full: ['Triage'] }, protected: [] },
      CUSTOM,
      'light',
      's0',
      'none',
      undefined,
      'no_matching_stages',
    ],
    [
      'an extra protected stage stops the run',
      { tiers: { full: ['Triage', 'Culture Chat'] }, protected: ['Culture Chat'] },
      CUSTOM,
      'full',
      's0',
      'move',
      's1',
      'ok',
    ],
    [
      'protecting the current stage forbids the move',
      { tiers: {}, protected: ['書類選考'] },
      JAPANESE,
      'full',
      's0',
      'none',
      undefined,
      'current_stage_protected',
    ],
    [
      'an empty mapping changes nothing',
      { tiers: {}, protected: [] },
      JAPANESE,
      'full',
      's0',
      'move',
      's2',
      'ok',
    ],
  ])('%s', (_name, mapping, stages, tier, current, action, target, reason) => {
    const policy = applyStageMapping(POLICY, 'J1', mapping);
    const plan = planFastTrack({ stages, currentStageId: current, tier, policy, jobId: 'J1' });
    expect(plan.action).toBe(action);
    expect(plan.targetStage?.id).toBe(target);
    expect(plan.reason).toBe(reason);
  });

  it('applies to the mapped job only and never edits the policy it was given', () => {
    const before = JSON.stringify(POLICY);
    const policy = applyStageMapping(POLICY, 'J1', { tiers: { full: ['Triage'] }, protected: ['Panel'] });
    expect(JSON.stringify(POLICY)).toBe(before);
    expect(
      planFastTrack({ stages: CUSTOM, currentStageId: 's0', tier: 'full', policy, jobId: 'J2' }).reason,
    ).toBe('no_matching_stages');
  });

  it('adds protected stages to the ones the policy already has for the job', () => {
    const once = applyStageMapping(POLICY, 'J1', { tiers: {}, protected: ['A'] });
    const twice = applyStageMapping(once, 'J1', { tiers: {}, protected: ['B'] });
    expect(twice.jobProtectedStages?.J1?.map((r) => r.id)).toEqual(['A', 'B']);
  });
});

describe('replanAfterStaleMove', () => {
  it.each<[string, string | null, string, ReturnType<typeof replanAfterStaleMove>]>([
    [
      'still in the first screening stage: retry to the same target',
      's0',
      'full',
      { action: 'retry', targetStage: { id: 's2', name: '二次面接' } },
    ],
    [
      'a recruiter moved it into the second screening stage: retry, forward only',
      's1',
      'full',
      { action: 'retry', targetStage: { id: 's2', name: '二次面接' } },
    ],
    [
      'already at the target (someone else moved it there)',
      's2',
      'full',
      { action: 'give_up', reason: 'already_further' },
    ],
    ['moved past the target', 's3', 'full', { action: 'give_up', reason: 'already_further' }],
    ['the re-read does not say where it is', null, 'full', { action: 'give_up', reason: 'already_further' }],
    [
      'a stage that is no longer in the job',
      'gone',
      'full',
      { action: 'give_up', reason: 'already_further' },
    ],
  ])('%s', (_name, current, tier, expected) => {
    expect(
      replanAfterStaleMove({ stages: JAPANESE, currentStageId: current, tier, policy: POLICY, jobId: 'J1' }),
    ).toEqual(expected);
  });

  it('honours the job mapping when re-planning (protected stage added meanwhile)', () => {
    const policy = applyStageMapping(POLICY, 'J1', { tiers: {}, protected: ['一次面接'] });
    expect(
      replanAfterStaleMove({ stages: JAPANESE, currentStageId: 's1', tier: 'full', policy, jobId: 'J1' }),
    ).toEqual({ action: 'give_up', reason: 'already_further' });
  });
});
