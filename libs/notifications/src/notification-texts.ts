import type { Language, NotificationEvent } from './notification.types';

/**
 * Every text a notification carries, in both languages. Deliberately generic: what waits and where to look,
 * never a name, an amount or a reason (a notification may be forwarded, and chat channels are wide).
 */
const TEXTS: Record<NotificationEvent, Record<Language, { subject: string; line: string }>> = {
  review_overdue: {
    en: {
      subject: 'A match review has waited too long',
      line: 'A possible former employee has waited for review longer than your limit.',
    },
    ja: {
      subject: '照合レビューが期限を過ぎています',
      line: '元社員候補のレビューが設定された期限を超えて待っています。',
    },
  },
  hr_review_needed: {
    en: { subject: 'An application needs HR review', line: 'An application waits for an HR decision.' },
    ja: { subject: '人事の確認が必要な応募があります', line: '人事の判断を待っている応募があります。' },
  },
  offer_check_failed: {
    en: { subject: 'An offer check failed', line: 'An offer did not pass the fairness check.' },
    ja: { subject: 'オファーのチェックが不合格です', line: 'オファーが公平性チェックに合格しませんでした。' },
  },
  import_failed: {
    en: { subject: 'An import failed', line: 'An import did not complete.' },
    ja: { subject: 'インポートが失敗しました', line: 'インポートが完了しませんでした。' },
  },
  reonboarding_task_due: {
    en: {
      subject: 'A re-onboarding task is due',
      line: 'A re-onboarding task assigned to you falls due. Open your task list to see it.',
    },
    ja: {
      subject: '再オンボーディングのタスクが期日です',
      line: 'あなたが担当する再オンボーディングのタスクが期日を迎えました。タスク一覧で確認してください。',
    },
  },
  jobs_failed: {
    en: { subject: 'Background jobs failed', line: 'A background job failed after every retry.' },
    ja: {
      subject: 'バックグラウンド処理が失敗しました',
      line: 'バックグラウンド処理が再試行の後も失敗しました。',
    },
  },
};

const CHROME: Record<Language, { open: string; digestSubject: string; digestIntro: string; footer: string }> =
  {
    en: {
      open: 'Open in Comeback',
      digestSubject: 'Comeback: your daily summary',
      digestIntro: 'Waiting for you since the last summary:',
      footer: 'You receive this because of your notification settings in Comeback.',
    },
    ja: {
      open: 'Comeback で開く',
      digestSubject: 'Comeback: 本日のまとめ',
      digestIntro: '前回のまとめ以降にあなたを待っている項目:',
      footer: 'Comeback の通知設定に基づいてお送りしています。',
    },
  };

export interface RenderedMessage {
  subject: string;
  text: string;
}

export function renderItem(event: NotificationEvent, url: string, lang: Language): RenderedMessage {
  const t = TEXTS[event][lang];
  return {
    subject: `Comeback: ${t.subject}`,
    text: `${t.line}\n\n${CHROME[lang].open}: ${url}\n\n${CHROME[lang].footer}\n`,
  };
}

/** One message for many items, grouped by event: a heading and a count per event, then each link. */
export function renderDigest(
  items: readonly { event: NotificationEvent; url: string }[],
  lang: Language,
): RenderedMessage {
  const lines: string[] = [CHROME[lang].digestIntro, ''];
  const byEvent = new Map<NotificationEvent, string[]>();
  for (const i of items) byEvent.set(i.event, [...(byEvent.get(i.event) ?? []), i.url]);
  for (const [event, urls] of byEvent) {
    lines.push(`■ ${TEXTS[event][lang].subject} (${urls.length})`);
    for (const url of urls) lines.push(`  ${url}`);
    lines.push('');
  }
  lines.push(CHROME[lang].footer);
  return { subject: CHROME[lang].digestSubject, text: `${lines.join('\n')}\n` };
}

/** For a spec: every event has both languages (a missing key is a compile error too). */
export function textKeys(): { event: NotificationEvent; lang: Language }[] {
  return (Object.keys(TEXTS) as NotificationEvent[]).flatMap((event) =>
    (['ja', 'en'] as const).map((lang) => ({ event, lang })),
  );
}
