import type { FastTrackPlan } from '@comeback/domain';

export type NoteLanguage = 'ja' | 'en';

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
  const moved = plan.action === 'move' && plan.targetStage;
  const skipped = plan.skipped.map((s) => `「${s.name}」`).join('、');
  if (lang === 'ja')
    return [
      `[Comeback] 人事が確認し、カムバック採用のファストトラックを承認しました（${input.tier}）。`,
      moved
        ? `${skipped}を省略し、「${plan.targetStage?.name ?? ''}」に進めました。`
        : '省略できる選考段階はありませんでした。',
      `アルムナイ説明資料: ${input.briefingUrl}`,
    ].join('\n');
  const skippedEn = plan.skipped.map((s) => `"${s.name}"`).join(', ');
  return [
    `[Comeback] HR reviewed this former employee and approved the returnee fast track (${input.tier}).`,
    moved
      ? `Moved to "${plan.targetStage?.name ?? ''}", skipping ${skippedEn}.`
      : 'No screening stage could be skipped.',
    `Returnee briefing: ${input.briefingUrl}`,
  ].join('\n');
}

export function hrDeclinedNote(lang: NoteLanguage): string {
  return lang === 'ja'
    ? '[Comeback] 人事が確認した結果、この応募はカムバック採用のファストトラック対象外です。通常の選考を続けてください。詳細は人事にお問い合わせください。'
    : '[Comeback] HR reviewed this application: it is not eligible for the returnee fast track. Please continue with the normal process; contact HR for details.';
}

export function notReturneeNote(lang: NoteLanguage): string {
  return lang === 'ja'
    ? '[Comeback] 人事の確認により、この応募者は元社員ではないと判断しました。先に付けたアルムナイのタグは外しました。通常の選考を続けてください（選考段階は戻していません）。'
    : '[Comeback] HR found that this applicant is not a former employee: the earlier returnee match was wrong and our alumni tags were removed. Please continue with the normal process (the stage was not moved back).';
}
