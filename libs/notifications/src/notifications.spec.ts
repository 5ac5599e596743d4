import { chatPayload, chatWebhookProblem } from './channels/chat-webhook';
import { renderDigest, renderItem, textKeys } from './notification-texts';
import { NOTIFICATION_EVENTS } from './notification.types';
import { notificationsJobId } from './notifications.worker';

describe('notification texts', () => {
  it('exist in Japanese and English for every event, with the link', () => {
    expect(textKeys()).toHaveLength(NOTIFICATION_EVENTS.length * 2);
    for (const { event, lang } of textKeys()) {
      const m = renderItem(event, 'https://comeback.example/console/x', lang);
      expect(m.subject.length).toBeGreaterThan(10);
      expect(m.text).toContain('https://comeback.example/console/x');
    }
    expect(renderItem('import_failed', 'u', 'ja').subject).toMatch(/インポート/);
  });

  it('group a digest by event with counts', () => {
    const d = renderDigest(
      [
        { event: 'review_overdue', url: 'a' },
        { event: 'import_failed', url: 'b' },
        { event: 'review_overdue', url: 'c' },
      ],
      'en',
    );
    expect(d.text).toContain('A match review has waited too long (2)\n  a\n  c');
    expect(d.text).toContain('An import failed (1)\n  b');
  });
});

describe('chat webhooks', () => {
  it('accept only https on each service’s hosts', () => {
    expect(chatWebhookProblem('slack', 'https://hooks.slack.com/services/T/B/x', [])).toBeNull();
    expect(chatWebhookProblem('teams', 'https://x.webhook.office.com/webhookb2/y', [])).toBeNull();
    expect(
      chatWebhookProblem('teams', 'https://prod-1.japaneast.logic.azure.com/workflows/z', []),
    ).toBeNull();
    expect(chatWebhookProblem('slack', 'http://hooks.slack.com/services/T/B/x', [])).not.toBeNull();
    expect(chatWebhookProblem('slack', 'https://x.webhook.office.com/webhookb2/y', [])).not.toBeNull();
    expect(chatWebhookProblem('teams', 'https://logic.azure.com.evil.example/w', [])).not.toBeNull();
    expect(chatWebhookProblem('teams', 'https://user:pw@x.webhook.office.com/w', [])).not.toBeNull();
  });

  it('speak each service’s payload', () => {
    expect(chatPayload('slack', 'T', { title: 'Open', url: 'https://u' })).toEqual({
      text: 'T\n<https://u|Open>',
    });
    const teams = chatPayload('teams', 'T', { title: 'Open', url: 'https://u' }) as any;
    expect(teams.attachments[0].content.actions[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Open',
      url: 'https://u',
    });
  });
});

describe('the scheduled run', () => {
  it('has one job id per 15-minute slot', () => {
    expect(notificationsJobId(new Date('2026-12-02T04:01:00Z'))).toBe(
      notificationsJobId(new Date('2026-12-02T04:14:59Z')),
    );
    expect(notificationsJobId(new Date('2026-12-02T04:15:00Z'))).not.toBe(
      notificationsJobId(new Date('2026-12-02T04:14:59Z')),
    );
  });
});
