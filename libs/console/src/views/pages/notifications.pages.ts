import { html, type SafeHtml } from '../html';
import type { Lang } from '../i18n';
import { layout, type PageContext } from '../layout';

// This page's texts in both languages, kept beside it (the shared dictionary is edited elsewhere).
const T = {
  en: {
    title: 'Notifications',
    mine: 'My notifications',
    email: 'E-mail address',
    language: 'Language of my e-mails',
    events: 'Tell me when',
    mode: 'How',
    immediate: 'At once, one e-mail per item',
    digest: 'One daily digest',
    save: 'Save',
    saved: 'Saved.',
    team: 'For the whole company (HR)',
    reviewWait: 'A match review is overdue after (hours)',
    chat: 'Slack or Microsoft Teams channel',
    chatNone: 'None',
    chatUrl: 'Incoming webhook URL',
    chatUrlHint:
      'https only: hooks.slack.com, *.webhook.office.com, or a Teams Workflows URL (*.logic.azure.com, *.environment.api.powerplatform.com). Leave empty to keep the saved one.',
    chatSaved: 'A webhook URL is saved.',
    chatEvents: 'Post to the channel when',
    chatLanguage: 'Language of channel messages',
    noSensitive: 'Notifications never carry names, pay or reasons: only a link to the page in Comeback.',
    ja: '日本語',
    enLang: 'English',
  },
  ja: {
    title: '通知',
    mine: '自分への通知',
    email: 'メールアドレス',
    language: 'メールの言語',
    events: '通知する内容',
    mode: '通知方法',
    immediate: '都度（1 件ごとにメール）',
    digest: '1 日 1 回のまとめ',
    save: '保存',
    saved: '保存しました。',
    team: '会社全体の設定（人事）',
    reviewWait: '照合レビューの期限（時間）',
    chat: 'Slack または Microsoft Teams のチャンネル',
    chatNone: 'なし',
    chatUrl: 'Incoming Webhook の URL',
    chatUrlHint:
      'https のみ: hooks.slack.com、*.webhook.office.com、または Teams ワークフローの URL（*.logic.azure.com、*.environment.api.powerplatform.com）。空欄なら保存済みの URL を使います。',
    chatSaved: 'Webhook URL は保存済みです。',
    chatEvents: 'チャンネルに投稿する内容',
    chatLanguage: 'チャンネル投稿の言語',
    noSensitive:
      '通知には氏名・給与・理由などは含まれず、Comeback の該当ページへのリンクのみが記載されます。',
    ja: '日本語',
    enLang: 'English',
  },
} as const satisfies Record<Lang, Record<string, string>>;

const EVENT_LABELS: Record<Lang, Record<string, string>> = {
  en: {
    review_overdue: 'A match review waits past the limit',
    hr_review_needed: 'An application needs HR review',
    offer_check_failed: 'An offer check fails',
    import_failed: 'An import fails',
    jobs_failed: 'Background processing fails',
    reonboarding_task_due: 'A re-onboarding task of mine falls due',
  },
  ja: {
    review_overdue: '照合レビューが期限を過ぎたとき',
    hr_review_needed: '人事の確認が必要な応募があるとき',
    offer_check_failed: 'オファーのチェックが不合格のとき',
    import_failed: 'インポートが失敗したとき',
    jobs_failed: 'バックグラウンド処理が失敗したとき',
    reonboarding_task_due: '担当する再オンボーディングのタスクが期日を迎えたとき',
  },
};

export interface NotificationsPageData {
  /** Events this person's role may choose. */
  availableEvents: readonly string[];
  preference: {
    email: string;
    language: Lang;
    events: readonly string[];
    mode: 'immediate' | 'digest';
  } | null;
  /** HR only. */
  settings: {
    reviewWaitHours: number;
    chat: { kind: string; events: readonly string[]; language: Lang } | null;
    allEvents: readonly string[];
  } | null;
  flash?: string | null;
  error?: string | null;
}

function checkboxes(
  name: string,
  lang: Lang,
  events: readonly string[],
  checked: readonly string[],
): SafeHtml {
  return html`${events.map(
    (e) =>
      html`<div><input type="checkbox" id="${name}-${e}" name="${name}" value="${e}" ${checked.includes(e) ? 'checked' : ''}> <label for="${name}-${e}">${EVENT_LABELS[lang][e] ?? e}</label></div>`,
  )}`;
}

function langOptions(t: (typeof T)[Lang], selected: Lang): SafeHtml {
  return html`<option value="ja" ${selected === 'ja' ? 'selected' : ''}>${t.ja}</option><option value="en" ${selected === 'en' ? 'selected' : ''}>${t.enLang}</option>`;
}

export function notificationsPage(ctx: PageContext, data: NotificationsPageData): string {
  const t = T[ctx.lang];
  const pref = data.preference;
  const s = data.settings;
  const mode = pref?.mode ?? 'immediate';
  const mine = html`<h2>${t.mine}</h2>
<p class="hint">${t.noSensitive}</p>
<form method="post" action="/console/notifications/preferences" class="stack">
  <div><label for="email">${t.email}</label><input id="email" name="email" type="email" required value="${pref?.email ?? ctx.user?.name ?? ''}"></div>
  <div><label for="language">${t.language}</label><select id="language" name="language">${langOptions(t, pref?.language ?? ctx.lang)}</select></div>
  <fieldset><legend>${t.events}</legend>${checkboxes('events', ctx.lang, data.availableEvents, pref?.events ?? data.availableEvents)}</fieldset>
  <fieldset><legend>${t.mode}</legend>
    <div><input type="radio" id="mode-immediate" name="mode" value="immediate" ${mode === 'immediate' ? 'checked' : ''}> <label for="mode-immediate">${t.immediate}</label></div>
    <div><input type="radio" id="mode-digest" name="mode" value="digest" ${mode === 'digest' ? 'checked' : ''}> <label for="mode-digest">${t.digest}</label></div>
  </fieldset>
  <div><button type="submit">${t.save}</button></div>
</form>`;
  const team = s
    ? html`<h2>${t.team}</h2>
<form method="post" action="/console/notifications/settings" class="stack">
  <div><label for="reviewWaitHours">${t.reviewWait}</label><input id="reviewWaitHours" name="reviewWaitHours" type="number" min="1" max="720" required value="${s.reviewWaitHours}"></div>
  <div><label for="chatKind">${t.chat}</label><select id="chatKind" name="chatKind">
    <option value="" ${!s.chat ? 'selected' : ''}>${t.chatNone}</option>
    <option value="slack" ${s.chat?.kind === 'slack' ? 'selected' : ''}>Slack</option>
    <option value="teams" ${s.chat?.kind === 'teams' ? 'selected' : ''}>Microsoft Teams</option>
  </select></div>
  <p class="hint" id="chat-url-hint">${t.chatUrlHint}${s.chat ? html` ${t.chatSaved}` : ''}</p>
  <div><label for="webhookUrl">${t.chatUrl}</label><input id="webhookUrl" name="webhookUrl" type="url" autocomplete="off" aria-describedby="chat-url-hint"></div>
  <fieldset><legend>${t.chatEvents}</legend>${checkboxes('chatEvents', ctx.lang, s.allEvents, s.chat?.events ?? [])}</fieldset>
  <div><label for="chatLanguage">${t.chatLanguage}</label><select id="chatLanguage" name="chatLanguage">${langOptions(t, s.chat?.language ?? 'ja')}</select></div>
  <div><button type="submit">${t.save}</button></div>
</form>`
    : html``;
  return layout(ctx, t.title, html`${mine}${team}`, {
    flash: data.flash === 'saved' ? t.saved : data.flash,
    error: data.error,
  }).value;
}
