import type { EligibilityEvaluation, FastTrackPlan } from '@comeback/domain';

/**
 * The note every recruiter on the job can read. Built only from recruiter-safe parts: the summary
 * (never a departure reason, rating or pay), the stages skipped and a link to the briefing.
 */
export function composeRecruiterNote(input: {
  evaluation: EligibilityEvaluation;
  plan: FastTrackPlan;
  policyVersion: number;
  briefingUrl: string;
}): string {
  const { evaluation, plan } = input;
  const lines = [`[Comeback] ${evaluation.recruiterSummary}`, `[Comeback] ${evaluation.recruiterSummaryJa}`];
  if (plan.action === 'move' && plan.targetStage) {
    lines.push(
      `Fast track: moved to "${plan.targetStage.name}", skipping ${plan.skipped.map((s) => `"${s.name}"`).join(', ')} (eligibility policy v${input.policyVersion}).`,
    );
  } else if (evaluation.outcome === 'eligible') {
    lines.push(`Fast track: no stage skipped (${plan.reason.replace(/_/g, ' ')}).`);
  }
  lines.push(`Returnee briefing: ${input.briefingUrl}`);
  return lines.join('\n');
}
