import type { InvitationLanguage } from './invitation.entity';

/** The invitation e-mail and the link's landing page, in Japanese and English (every key in both). */
const EN = {
  mailSubject: 'An invitation to apply: {job}',
  mailBody:
    '{name},\n\n{inviter} would like you to consider coming back to us as {job}.\n\n{message}\n\nSee the job and apply here (this personal link works until {expires}):\n{link}\n\nYou receive this because you chose to stay in touch with us. If you would rather not hear from us, reply to this e-mail and we will stop.',
  pageTitle: 'Your invitation: {job}',
  pageIntro: 'You were invited to apply for this position. The button takes you to the application form.',
  pageContinue: 'Continue to the application form',
  pageExpiredTitle: 'This invitation has expired',
  pageExpired: 'This link is no longer valid. Please ask the person who invited you for a new one.',
  pageInvalidTitle: 'This link is not valid',
  pageInvalid: 'The link could not be read. Please use the link from your e-mail as it is.',
};
type Key = keyof typeof EN;
const JA: Record<Key, string> = {
  mailSubject: '「{job}」へのお誘い',
  mailBody:
    '{name} 様\n\n{inviter}より、「{job}」のポジションで再び一緒に働くことをご検討いただきたく、ご連絡しました。\n\n{message}\n\n求人の詳細とご応募はこちらから（この個人用リンクの有効期限：{expires}）：\n{link}\n\nこのメールは、退職時に当社からの連絡を希望された方にお送りしています。今後の連絡を希望されない場合は、このメールにご返信ください。',
  pageTitle: 'ご招待：{job}',
  pageIntro: 'このポジションへのご応募のご案内です。ボタンから応募フォームへ進めます。',
  pageContinue: '応募フォームへ進む',
  pageExpiredTitle: 'このご招待は有効期限が切れています',
  pageExpired: 'このリンクはすでに無効です。お誘いした担当者に新しいリンクをご依頼ください。',
  pageInvalidTitle: 'このリンクは無効です',
  pageInvalid: 'リンクを読み取れませんでした。メールに記載のリンクをそのままお使いください。',
};
const TEXTS: Record<InvitationLanguage, Record<Key, string>> = { en: EN, ja: JA };

export type InvitationTextKey = Key;

export function invitationText(
  lang: InvitationLanguage,
  key: Key,
  vars: Record<string, string> = {},
): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

export const INVITATION_TEXT_KEYS = Object.keys(EN) as Key[];
export const INVITATION_TEXTS = TEXTS;
