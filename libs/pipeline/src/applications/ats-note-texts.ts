import type { FastTrackPlanReason } from '@comeback/domain';

/** The language of the notes we write into the ATS: the tenant's setting, Japanese by default. */
export type NoteLanguage = 'ja' | 'en';

export const DEFAULT_NOTE_LANGUAGE: NoteLanguage = 'ja';

/**
 * Every sentence of the notes we write into the ATS, in both languages, in one place. Recruiter-safe by
 * construction: fixed phrases, stage names, a tier name and a link only.
 */
export interface AtsNoteTexts {
  movedFastTrack(target: string, skipped: readonly string[], policyVersion: number): string;
  noStageSkipped(reason: FastTrackPlanReason): string;
  briefing(url: string): string;
  hrApproved(tier: string): string;
  hrApprovedMoved(target: string, skipped: readonly string[]): string;
  hrApprovedNotMoved: string;
  hrDeclined: string;
  notReturnee: string;
}

const REASONS: Record<NoteLanguage, Record<FastTrackPlanReason, string>> = {
  en: {
    ok: 'ready',
    already_further: 'already past the stages the fast track skips',
    nothing_to_skip: 'nothing to skip',
    no_matching_stages: "none of the tier's stages is in this job's pipeline",
    not_eligible: 'not eligible',
    unknown_tier: 'unknown tier',
    unknown_current_stage: 'current stage unknown',
    current_stage_protected: 'the current stage is protected',
    no_stage_after_skips: 'no stage left to land on after the skipped ones',
  },
  ja: {
    ok: '適用可',
    already_further: '省略対象の選考段階をすでに過ぎています',
    nothing_to_skip: '省略できる選考段階がありません',
    no_matching_stages: 'この求人の選考段階に省略対象がありません',
    not_eligible: '対象外',
    unknown_tier: '不明なティア',
    unknown_current_stage: '現在の選考段階が不明です',
    current_stage_protected: '現在の選考段階は保護されています',
    no_stage_after_skips: '省略後に進める選考段階がありません',
  },
};

export const ATS_NOTE_TEXTS: Record<NoteLanguage, AtsNoteTexts> = {
  ja: {
    movedFastTrack: (target, skipped, v) =>
      `ファストトラック: ${skipped.map((s) => `「${s}」`).join('、')}を省略し、「${target}」に進めました（適格性ポリシー v${v}）。`,
    noStageSkipped: (reason) => `ファストトラック: 省略した選考段階はありません（${REASONS.ja[reason]}）。`,
    briefing: (url) => `アルムナイ説明資料: ${url}`,
    hrApproved: (tier) =>
      `[Comeback] 人事が確認し、カムバック採用のファストトラックを承認しました（${tier}）。`,
    hrApprovedMoved: (target, skipped) =>
      `${skipped.map((s) => `「${s}」`).join('、')}を省略し、「${target}」に進めました。`,
    hrApprovedNotMoved: '省略できる選考段階はありませんでした。',
    hrDeclined:
      '[Comeback] 人事が確認した結果、この応募はカムバック採用のファストトラック対象外です。通常の選考を続けてください。詳細は人事にお問い合わせください。',
    notReturnee:
      '[Comeback] 人事の確認により、この応募者は元社員ではないと判断しました。先に付けたアルムナイのタグは外しました。通常の選考を続けてください（選考段階は戻していません）。',
  },
  en: {
    movedFastTrack: (target, skipped, v) =>
      `Fast track: moved to "${target}", skipping ${skipped.map((s) => `"${s}"`).join(', ')} (eligibility policy v${v}).`,
    noStageSkipped: (reason) => `Fast track: no stage skipped (${REASONS.en[reason]}).`,
    briefing: (url) => `Returnee briefing: ${url}`,
    hrApproved: (tier) =>
      `[Comeback] HR reviewed this former employee and approved the returnee fast track (${tier}).`,
    hrApprovedMoved: (target, skipped) =>
      `Moved to "${target}", skipping ${skipped.map((s) => `"${s}"`).join(', ')}.`,
    hrApprovedNotMoved: 'No screening stage could be skipped.',
    hrDeclined:
      '[Comeback] HR reviewed this application: it is not eligible for the returnee fast track. Please continue with the normal process; contact HR for details.',
    notReturnee:
      '[Comeback] HR found that this applicant is not a former employee: the earlier returnee match was wrong and our alumni tags were removed. Please continue with the normal process (the stage was not moved back).',
  },
};

/** A stored setting read back as a note language (anything else: the default). */
export function noteLanguageOf(value: string | null | undefined): NoteLanguage {
  return value === 'en' || value === 'ja' ? value : DEFAULT_NOTE_LANGUAGE;
}
