import { planFastTrack, type FastTrackPlanInput, type StageSummary } from './fast-track-planner';

/** What to do after the ATS refused a move because the application was no longer where we read it. */
export type StaleMoveDecision =
  { action: 'retry'; targetStage: StageSummary } | { action: 'give_up'; reason: 'already_further' };

/**
 * The "stale move → re-plan" rule: someone moved the application meanwhile, so plan again once from where it
 * is now (with the job's current stages). Only a forward move the planner still allows is retried — never
 * backwards, never past a protected stage; anything else leaves it where a person put it.
 */
export function replanAfterStaleMove(
  fresh: Omit<FastTrackPlanInput, 'currentStageId'> & { readonly currentStageId: string | null },
): StaleMoveDecision {
  // The re-read did not say where it is: leave it alone rather than guess.
  if (fresh.currentStageId === null) return { action: 'give_up', reason: 'already_further' };
  const plan = planFastTrack({ ...fresh, currentStageId: fresh.currentStageId });
  return plan.action === 'move' && plan.targetStage
    ? { action: 'retry', targetStage: plan.targetStage }
    : { action: 'give_up', reason: 'already_further' };
}
