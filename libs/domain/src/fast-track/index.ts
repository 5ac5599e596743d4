// Fast-track planning: where a returnee's application moves in the ATS pipeline.
export {
  planFastTrack,
  protectedStagesFor,
  skipStagesFor,
  type FastTrackPlan,
  type FastTrackPlanInput,
  type FastTrackPlanReason,
  type PlannerStage,
  type StageSummary,
} from './fast-track-planner';
export { normalizeStageName, stageMatcher, type PipelineStage, type StageMatcher } from './stage-matching';
export { applyStageMapping, type StageMapping } from './stage-mapping';
export { replanAfterStaleMove, type StaleMoveDecision } from './stale-move';
