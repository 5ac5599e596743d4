import type { EligibilityPolicy, StageRef } from '../eligibility/eligibility-policy';

/** HR's per-job stage mapping: stages to skip per tier, and extra protected stages, by id or by name. */
export interface StageMapping {
  tiers: Record<string, string[]>;
  protected: string[];
}

/**
 * HR's per-job mapping as policy data: each entry names a stage by id or by name, so it becomes a
 * per-job tier override and extra protected stages. Pure, so the planner stays the single authority.
 */
export function applyStageMapping(
  policy: EligibilityPolicy,
  jobId: string,
  mapping: StageMapping | null,
): EligibilityPolicy {
  if (!mapping) return policy;
  const ref = (s: string): StageRef => ({ id: s, names: [s] });
  const tiers = Object.fromEntries(
    Object.entries(policy.tiers).map(([name, tier]) => {
      const skip = mapping.tiers[name];
      return [
        name,
        skip ? { ...tier, jobOverrides: { ...(tier.jobOverrides ?? {}), [jobId]: skip.map(ref) } } : tier,
      ];
    }),
  );
  const jobProtectedStages = mapping.protected.length
    ? {
        ...(policy.jobProtectedStages ?? {}),
        [jobId]: [...(policy.jobProtectedStages?.[jobId] ?? []), ...mapping.protected.map(ref)],
      }
    : policy.jobProtectedStages;
  return { ...policy, tiers, jobProtectedStages };
}
