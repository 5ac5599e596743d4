import type { EligibilityEvaluation, FastTrackPlan } from '@comeback/domain';
import { ATS_NOTE_TEXTS, type NoteLanguage } from './ats-note-texts';

/**
 * The note every recruiter on the job can read, in the tenant's language. Built only from recruiter-safe parts:
 * the summary (never a departure reason, rating or pay), the stages skipped and a link to the briefing.
 */
export function composeRecruiterNote(input: {
  language: NoteLanguage;
  evaluation: EligibilityEvaluation;
  plan: FastTrackPlan;
  policyVersion: number;
  briefingUrl: string;
}): string {
  const { evaluation, plan } = input;
  const texts = ATS_NOTE_TEXTS[input.language];
  const summary = input.language === 'ja' ? evaluation.recruiterSummaryJa : evaluation.recruiterSummary;
  const lines = [`[Comeback] ${summary}`];
  if (plan.action === 'move' && plan.targetStage) {
    lines.push(
      texts.movedFastTrack(
        plan.targetStage.name,
        plan.skipped.map((s) => s.name),
        input.policyVersion,
      ),
    );
  } else if (evaluation.outcome === 'eligible') {
    lines.push(texts.noStageSkipped(plan.reason));
  }
  lines.push(texts.briefing(input.briefingUrl));
  return lines.join('\n');
}
