import { Agent, request } from 'undici';
import { connectionUrlProblem, guardedLookup } from '@comeback/ats';
import type { ChatKind } from '../notification.types';

/**
 * Where an incoming webhook may point, per kind, over https only:
 * - Slack: `https://hooks.slack.com/services/T…/B…/…` (api.slack.com/messaging/webhooks).
 * - Teams: the Incoming Webhook connector's `https://<tenant>.webhook.office.com/webhookb2/…`
 *   (learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook), and
 *   its replacement, a Workflows (Power Automate) "When a Teams webhook request is received" trigger URL
 *   (`https://prod-NN.<region>.logic.azure.com/workflows/…`, newer flows under
 *   `*.environment.api.powerplatform.com`; learn.microsoft.com/en-us/power-automate/teams/
 *   teams-app-create-workflow-webhook…). Anything else is refused before it is saved.
 */
export const CHAT_WEBHOOK_HOSTS: Record<ChatKind, readonly string[]> = {
  slack: ['hooks.slack.com'],
  teams: ['*.webhook.office.com', '*.logic.azure.com', '*.environment.api.powerplatform.com'],
};

/** Why the URL may not be used for this kind, or null. `operatorHosts` (ATS_ALLOWED_HOSTS) exempt local test receivers. */
export function chatWebhookProblem(
  kind: ChatKind,
  url: string,
  operatorHosts: readonly string[],
): string | null {
  return connectionUrlProblem(url, CHAT_WEBHOOK_HOSTS[kind], operatorHosts);
}

/** The JSON each service takes: Slack `{text}`; Teams a message with one Adaptive Card (both Teams hosts take it). */
export function chatPayload(kind: ChatKind, text: string, link: { title: string; url: string }): unknown {
  if (kind === 'slack') return { text: `${text}\n<${link.url}|${link.title}>` };
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [{ type: 'TextBlock', text, wrap: true }],
          actions: [{ type: 'Action.OpenUrl', title: link.title, url: link.url }],
        },
      },
    ],
  };
}

/** Posts to an incoming webhook: the host is re-checked, every address it resolves to must be public (SSRF guard). */
export class ChatWebhookSender {
  private readonly agent: Agent;

  constructor(private readonly operatorHosts: readonly string[]) {
    this.agent = new Agent({
      connect: { timeout: 5_000, lookup: guardedLookup({ allowedHosts: operatorHosts }) },
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
  }

  async post(kind: ChatKind, url: string, payload: unknown): Promise<void> {
    const problem = chatWebhookProblem(kind, url, this.operatorHosts);
    if (problem) throw new Error(`chat webhook refused: ${problem}`);
    const res = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      dispatcher: this.agent,
    });
    // undici does not follow redirects here (no redirect interceptor). Never echo the body: it could carry anything.
    await res.body.dump();
    if (res.statusCode < 200 || res.statusCode >= 300)
      throw new Error(`chat webhook answered HTTP ${res.statusCode}`);
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
