import type { FastTrackPlan } from '@comeback/domain';
import { ATS_NOTE_TEXTS, type NoteLanguage } from './ats-note-texts';

export type { NoteLanguage } from './ats-note-texts';

/**
 * Notes written into the ATS when a person decides (HR's approval or decline, "not a returnee"), in the
 * tenant's language. Recruiter-safe by construction: fixed sentences, stage names and a link only — never the
 * reason HR gave, a departure cause, a rating or pay.
 */
export function hrApprovedNote(
  lang: NoteLanguage,
  input: { plan: FastTrackPlan; tier: string; briefingUrl: string },
): string {
  const { plan } = input;
  const texts = ATS_NOTE_TEXTS[lang];
  return [
    texts.hrApproved(input.tier),
    plan.action === 'move' && plan.targetStage
      ? texts.hrApprovedMoved(
          plan.targetStage.name,
          plan.skipped.map((s) => s.name),
        )
      : texts.hrApprovedNotMoved,
    texts.briefing(input.briefingUrl),
  ].join('\n');
}

export function hrDeclinedNote(lang: NoteLanguage): string {
  return ATS_NOTE_TEXTS[lang].hrDeclined;
}

export function notReturneeNote(lang: NoteLanguage): string {
  return ATS_NOTE_TEXTS[lang].notReturnee;
}
