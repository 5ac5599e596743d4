// The leaver's e-mail in Japanese and English. It carries the link and what it is for, nothing about the person.
export type LeaverLang = 'ja' | 'en';

const EN = {
  mailSubject: 'Your page as a former employee: contact details and staying in touch',
  mailBody:
    'Thank you for your time with {org}.\n\n' +
    'This personal link opens your own page, where you can give a personal e-mail address and phone number, ' +
    'choose whether to stay in touch, read what we keep about you and why, and later withdraw or ask us to ' +
    'erase your record:\n\n{link}\n\n' +
    'The link is for you only and works until {expires}. If it has expired, ask HR for a new one.\n' +
    'If you did not expect this e-mail, you can ignore it.',
};

const JA: Record<keyof typeof EN, string> = {
  mailSubject: '退職者ご本人のページ：連絡先とつながりの継続について',
  mailBody:
    '{org}でのご勤務、ありがとうございました。\n\n' +
    '下記はご本人専用のリンクです。個人のメールアドレスと電話番号の登録、今後もつながりを保つかどうかの選択、' +
    '当社が保有する情報とその利用目的の確認、後日の同意の撤回や記録の消去の依頼ができます。\n\n{link}\n\n' +
    'このリンクはご本人専用で、{expires}まで有効です。期限が切れた場合は人事部にお問い合わせください。\n' +
    'お心当たりがない場合は、このメールを破棄してください。',
};

export function leaverText(
  lang: LeaverLang,
  key: keyof typeof EN,
  vars: Record<string, string> = {},
): string {
  const template = (lang === 'ja' ? JA : EN)[key];
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}
