// Texts of sign-in, invitations, password reset, the People page and the e-mails, in English and Japanese.
// Japanese must have every English key (the type says so).
import type { Lang } from '@comeback/console';

const EN = {
  signInTitle: 'Sign in',
  signInIntro: 'Sign in with your work e-mail address and password.',
  organisation: 'Organisation ID',
  organisationHint: 'The short ID of your company in Comeback (in your invitation e-mail).',
  email: 'E-mail',
  password: 'Password',
  passwordNew: 'New password',
  passwordHint: 'At least 12 characters.',
  signIn: 'Sign in',
  signInWithSso: 'Sign in with single sign-on (SSO)',
  signInInvalid: 'The e-mail address or password is not correct, or the account is not active.',
  signInSsoRequired: 'Your organisation requires single sign-on. Use the SSO button.',
  signInSsoFailed: 'Single sign-on did not complete. Try again, or ask your HR administrator.',
  signInSsoUnknown:
    'Single sign-on worked, but no active person with that e-mail exists here. Ask HR for an invitation.',
  signInResetDone: 'Your password was changed. Sign in with the new one.',
  forgotPassword: 'Forgot your password?',
  machineToken: 'For API and CLI users: sign in with a token',
  resetTitle: 'Reset your password',
  resetIntro: 'We will e-mail you a link to choose a new password. The link works once, for one hour.',
  resetSend: 'Send the link',
  resetSent:
    'If an active account exists for that address, an e-mail with a link is on its way. Check your inbox.',
  resetChooseTitle: 'Choose a new password',
  resetSave: 'Save the new password',
  linkInvalidTitle: 'This link no longer works',
  linkInvalid: 'The link was already used or has expired. Ask for a new one.',
  invitationTitle: 'Join Comeback',
  invitationIntro: 'You were invited to Comeback. Check your name and choose a password.',
  invitationSsoIntro: 'Your organisation uses single sign-on: you can also accept with SSO.',
  displayName: 'Display name',
  accept: 'Accept and sign in',
  passwordTooShort: 'The password must have at least 12 characters.',
  peopleTitle: 'People',
  peopleCaption: 'People who can sign in',
  role: 'Role',
  language: 'Language',
  status: 'Status',
  statusActive: 'Active',
  statusDeactivated: 'Deactivated',
  roleHrAdmin: 'HR administrator',
  roleRecruiter: 'Recruiter',
  roleHiringManager: 'Hiring manager',
  langJa: '日本語',
  langEn: 'English',
  changeRole: 'Change role',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  inviteTitle: 'Invite someone',
  invite: 'Send the invitation',
  invited: 'The invitation was sent.',
  openInvitations: 'Open invitations',
  expires: 'Expires',
  saved: 'Saved.',
  noPeople: 'Nobody yet.',
  noInvitations: 'No open invitations.',
  mailboxTitle: 'Local mailbox (embedded mode)',
  mailboxIntro: 'In embedded mode e-mail is kept here instead of being sent.',
  mailboxEmpty: 'No mail yet.',
  to: 'To',
  subject: 'Subject',
  sent: 'Kept at',
  mailInviteSubject: 'You are invited to Comeback',
  mailInviteBody:
    '{inviter} invited you to Comeback ({org}) as {role}.\n\nOpen this link to choose a password and sign in (it works once, until {expires}):\n{link}\n\nIf you did not expect this, ignore this e-mail.',
  mailResetSubject: 'Reset your Comeback password',
  mailResetBody:
    'Someone asked to reset the password of your Comeback account ({org}).\n\nOpen this link to choose a new password (it works once, for one hour):\n{link}\n\nIf it was not you, ignore this e-mail: your password stays as it is.',
};

export type PeopleTextKey = keyof typeof EN;

const JA: Record<PeopleTextKey, string> = {
  signInTitle: 'サインイン',
  signInIntro: '会社のメールアドレスとパスワードでサインインしてください。',
  organisation: '組織 ID',
  organisationHint: 'Comeback での会社の短い ID です（招待メールに記載されています）。',
  email: 'メールアドレス',
  password: 'パスワード',
  passwordNew: '新しいパスワード',
  passwordHint: '12 文字以上。',
  signIn: 'サインイン',
  signInWithSso: 'シングルサインオン（SSO）でサインイン',
  signInInvalid: 'メールアドレスまたはパスワードが正しくないか、アカウントが有効ではありません。',
  signInSsoRequired: 'この組織ではシングルサインオンが必須です。SSO ボタンを使ってください。',
  signInSsoFailed:
    'シングルサインオンを完了できませんでした。もう一度試すか、人事の管理者にお問い合わせください。',
  signInSsoUnknown:
    'シングルサインオンには成功しましたが、このメールアドレスの有効なユーザーがいません。人事に招待を依頼してください。',
  signInResetDone: 'パスワードを変更しました。新しいパスワードでサインインしてください。',
  forgotPassword: 'パスワードをお忘れですか？',
  machineToken: 'API・CLI 利用者向け: トークンでサインイン',
  resetTitle: 'パスワードの再設定',
  resetIntro: '新しいパスワードを設定するリンクをメールでお送りします。リンクは 1 時間、1 回だけ使えます。',
  resetSend: 'リンクを送る',
  resetSent:
    'このアドレスの有効なアカウントがあれば、リンク付きのメールを送りました。受信箱をご確認ください。',
  resetChooseTitle: '新しいパスワードの設定',
  resetSave: '新しいパスワードを保存',
  linkInvalidTitle: 'このリンクは使えません',
  linkInvalid: 'リンクは使用済みか、有効期限が切れています。新しいリンクを依頼してください。',
  invitationTitle: 'Comeback への参加',
  invitationIntro: 'Comeback に招待されました。表示名を確認し、パスワードを設定してください。',
  invitationSsoIntro: 'この組織はシングルサインオンを使っています。SSO で承諾することもできます。',
  displayName: '表示名',
  accept: '承諾してサインイン',
  passwordTooShort: 'パスワードは 12 文字以上にしてください。',
  peopleTitle: 'ユーザー',
  peopleCaption: 'サインインできるユーザー',
  role: 'ロール',
  language: '言語',
  status: '状態',
  statusActive: '有効',
  statusDeactivated: '無効',
  roleHrAdmin: '人事管理者',
  roleRecruiter: '採用担当者',
  roleHiringManager: '採用責任者',
  langJa: '日本語',
  langEn: 'English',
  changeRole: 'ロールを変更',
  deactivate: '無効にする',
  reactivate: '有効に戻す',
  inviteTitle: 'ユーザーを招待',
  invite: '招待を送る',
  invited: '招待を送りました。',
  openInvitations: '未承諾の招待',
  expires: '有効期限',
  saved: '保存しました。',
  noPeople: 'まだ誰もいません。',
  noInvitations: '未承諾の招待はありません。',
  mailboxTitle: 'ローカルのメールボックス（組み込みモード）',
  mailboxIntro: '組み込みモードでは、メールは送信せずにここに保管します。',
  mailboxEmpty: 'メールはまだありません。',
  to: '宛先',
  subject: '件名',
  sent: '保管日時',
  mailInviteSubject: 'Comeback への招待',
  mailInviteBody:
    '{inviter} さんから Comeback（{org}）に {role} として招待されました。\n\n次のリンクを開き、パスワードを設定してサインインしてください（1 回だけ、{expires} まで有効です）:\n{link}\n\nお心当たりがない場合は、このメールを破棄してください。',
  mailResetSubject: 'Comeback のパスワード再設定',
  mailResetBody:
    'Comeback（{org}）のアカウントのパスワード再設定が依頼されました。\n\n次のリンクを開き、新しいパスワードを設定してください（1 回だけ、1 時間有効です）:\n{link}\n\nお心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。',
};

const TEXTS: Readonly<Record<Lang, Record<PeopleTextKey, string>>> = { en: EN, ja: JA };

export type PeopleTranslate = (key: PeopleTextKey, vars?: Record<string, string>) => string;

export function peopleTexts(lang: Lang): PeopleTranslate {
  return (key, vars) =>
    TEXTS[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? vars[name] : m));
}

export const ROLE_TEXT = {
  hr_admin: 'roleHrAdmin',
  recruiter: 'roleRecruiter',
  hiring_manager: 'roleHiringManager',
} as const satisfies Record<string, PeopleTextKey>;
