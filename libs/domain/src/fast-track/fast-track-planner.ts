// Decides where a returnee's application should jump in the job's ATS pipeline. It only ever moves forward,
// through a contiguous run of skippable stages starting at the current one, and stops at protected stages.
import type { EligibilityPolicy, StageRef } from '../eligibility/eligibility-policy';
import { stageMatcher, type PipelineStage } from './stage-matching';

export interface PlannerStage extends PipelineStage {
  readonly position: number;
}

export interface FastTrackPlanInput {
  /** The job's pipeline; sorted by `position` here, so callers need not. */
  readonly stages: readonly PlannerStage[];
  readonly currentStageId: string;
  /** From the eligibility evaluation; `null` when not eligible. */
  readonly tier: string | null;
  readonly policy: EligibilityPolicy;
  readonly jobId: string;
}

export type FastTrackPlanReason =
  | 'ok'
  /** The current stage is past the stages to skip: a recruiter already moved it. */
  | 'already_further'
  /** Skip stages exist in this pipeline, but the current stage is not one of them. */
  | 'nothing_to_skip'
  /** None of the tier's stages matches this job's pipeline: likely needs a per-job override. */
  | 'no_matching_stages'
  | 'not_eligible'
  | 'unknown_tier'
  | 'unknown_current_stage'
  | 'current_stage_protected'
  /** Every stage from the current one to the end would be skipped: nowhere safe to land. */
  | 'no_stage_after_skips';

export interface StageSummary {
  readonly id: string;
  readonly name: string;
}

export interface FastTrackPlan {
  readonly action: 'move' | 'none';
  readonly targetStage?: StageSummary;
  readonly skipped: readonly StageSummary[];
  readonly reason: FastTrackPlanReason;
}

const none = (reason: FastTrackPlanReason): FastTrackPlan => ({ action: 'none', skipped: [], reason });
const summary = (s: PipelineStage): StageSummary => ({ id: s.id, name: s.name });

/** The tier's skip list for a job: a per-job override replaces the default (names differ per job). */
export function skipStagesFor(
  policy: EligibilityPolicy,
  tier: string,
  jobId: string,
): readonly StageRef[] | null {
  if (!Object.prototype.hasOwnProperty.call(policy.tiers, tier)) return null;
  const def = policy.tiers[tier];
  if (!def) return null;
  const override =
    def.jobOverrides && Object.prototype.hasOwnProperty.call(def.jobOverrides, jobId)
      ? def.jobOverrides[jobId]
      : undefined;
  return override ?? def.skipStages;
}

/** Protected stages for a job: per-job entries add to the policy-wide list, never remove from it. */
export function protectedStagesFor(policy: EligibilityPolicy, jobId: string): readonly StageRef[] {
  const extra =
    policy.jobProtectedStages && Object.prototype.hasOwnProperty.call(policy.jobProtectedStages, jobId)
      ? policy.jobProtectedStages[jobId]
      : undefined;
  return extra ? [...policy.protectedStages, ...extra] : policy.protectedStages;
}

export function planFastTrack(input: FastTrackPlanInput): FastTrackPlan {
  if (input.tier === null) return none('not_eligible');
  const skipRefs = skipStagesFor(input.policy, input.tier, input.jobId);
  if (skipRefs === null) return none('unknown_tier');

  const stages = [...input.stages].sort((a, b) => a.position - b.position);
  const current = stages.findIndex((s) => s.id === input.currentStageId);
  if (current < 0) return none('unknown_current_stage');

  const skip = stageMatcher(skipRefs);
  const prot = stageMatcher(protectedStagesFor(input.policy, input.jobId));
  const isProtected = stages.map((s) => prot.matches(s));
  const isNamedSkip = stages.map((s) => skip.matches(s));
  // Protection wins over a skip list that (mis)names the same stage.
  const skippable = (i: number): boolean => isNamedSkip[i] === true && isProtected[i] !== true;

  if (isProtected[current]) return none('current_stage_protected');
  if (!skippable(current)) {
    if (stages.some((_, i) => i < current && skippable(i))) return none('already_further');
    return none(isNamedSkip.some(Boolean) ? 'nothing_to_skip' : 'no_matching_stages');
  }

  let target = current;
  while (target < stages.length && skippable(target)) target += 1;
  const landing = stages[target];
  if (!landing) return none('no_stage_after_skips');
  return {
    action: 'move',
    targetStage: summary(landing),
    skipped: stages.slice(current, target).map(summary),
    reason: 'ok',
  };
}
