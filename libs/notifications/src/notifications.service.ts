import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  AuditActor,
  AuditService,
  logSafeError,
  MailSender,
  Principal,
  SecretBox,
  TenantService,
  ValidationFailedException,
} from '@comeback/platform';
import { OperationsService } from '@comeback/pipeline';
import { todayIn } from '@comeback/domain';
import { ChatWebhookSender, chatPayload, chatWebhookProblem } from './channels/chat-webhook';
import type { NotificationEntity, NotificationPreferenceEntity } from './entities/notification.entity';
import { renderDigest, renderItem } from './notification-texts';
import {
  CHAT_RECIPIENT,
  ChatKind,
  DeliveryMode,
  emailRecipient,
  EVENT_ROLES,
  Language,
  NOTIFICATION_EVENTS,
  NotificationEvent,
  PendingItem,
} from './notification.types';
import { NotificationsRepository } from './notifications.repository';

const DAY_MS = 24 * 3_600_000;
/** Failures and fails older than this at the first run are history, not news. */
const LOOKBACK_MS = 7 * DAY_MS;
const SEAL_FIELD = 'notification_settings.chat_webhook';

export interface NotificationSettingsView {
  reviewWaitHours: number;
  chat: { kind: ChatKind; events: NotificationEvent[]; language: Language; configured: true } | null;
}

export interface NotificationSettingsInput {
  reviewWaitHours: number;
  chat: { kind: ChatKind; webhookUrl?: string; events: NotificationEvent[]; language: Language } | null;
}

export interface PreferenceView {
  email: string;
  language: Language;
  events: NotificationEvent[];
  mode: DeliveryMode;
}

export interface RunReport {
  tenants: number;
  recorded: number;
  sent: number;
  digests: number;
  failed: number;
}

/**
 * Tells people what waits for them: by e-mail (each person's events, at once or in a daily digest) and to the
 * tenant's Slack/Teams channel. Every item is recorded once per recipient before it is sent, so it is never
 * told twice; a failed delivery is retried on the next run. Texts carry a console link, never the data.
 */
@Injectable()
export class NotificationsService implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly chat: ChatWebhookSender;

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly mailer: MailSender,
    private readonly box: SecretBox,
    private readonly tenants: TenantService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly operations: OperationsService,
  ) {
    this.chat = new ChatWebhookSender(config.atsAllowedHosts);
  }

  async onModuleDestroy(): Promise<void> {
    await this.chat.close();
  }

  // ------------------------------------------------------------------ settings and preferences

  async settings(tenantId: string): Promise<NotificationSettingsView> {
    const row = await this.repo.settings(tenantId);
    return {
      reviewWaitHours: row?.reviewWaitHours ?? 48,
      chat:
        row?.chatKind && row.chatWebhookSealed
          ? { kind: row.chatKind, events: row.chatEvents, language: row.chatLanguage, configured: true }
          : null,
    };
  }

  /** Key rotation (`secrets:rotate`): every tenant's chat webhook URL sealed again under the current key. */
  async resealAll(): Promise<{ webhooks: number; resealed: number }> {
    const rows = await this.repo.sealedChatWebhooks();
    let resealed = 0;
    for (const row of rows) {
      if (!this.box.needsReseal(row.chatWebhookSealed)) continue;
      const sealed = this.box.reseal(row.chatWebhookSealed, { tenantId: row.tenantId, field: SEAL_FIELD });
      await this.repo.setChatWebhookSealed(row.tenantId, sealed);
      resealed += 1;
    }
    return { webhooks: rows.length, resealed };
  }

  /** HR saves the tenant's settings; the webhook URL is checked (https, the service's own hosts) and sealed. */
  async saveSettings(actor: AuditActor, input: NotificationSettingsInput): Promise<NotificationSettingsView> {
    const current = await this.repo.settings(actor.tenantId);
    let sealed: string | null = null;
    if (input.chat) {
      if (input.chat.webhookUrl) {
        const problem = chatWebhookProblem(
          input.chat.kind,
          input.chat.webhookUrl,
          this.config.atsAllowedHosts,
        );
        if (problem)
          throw new ValidationFailedException('The webhook URL is not allowed', {
            problems: [{ field: 'chat.webhookUrl', problem }],
          });
        sealed = this.box.seal(input.chat.webhookUrl, { tenantId: actor.tenantId, field: SEAL_FIELD });
      } else if (current?.chatWebhookSealed && current.chatKind === input.chat.kind) {
        sealed = current.chatWebhookSealed;
      } else {
        throw new ValidationFailedException('A webhook URL is needed', {
          problems: [{ field: 'chat.webhookUrl', problem: 'required' }],
        });
      }
    }
    await this.repo.saveSettings({
      tenantId: actor.tenantId,
      reviewWaitHours: input.reviewWaitHours,
      chatKind: input.chat?.kind ?? null,
      chatWebhookSealed: sealed,
      chatEvents: input.chat ? [...new Set(input.chat.events)] : [],
      chatLanguage: input.chat?.language ?? 'ja',
      updatedBy: actor.name,
    });
    // The URL is a credential: the audit keeps only that it changed.
    await this.audit.record(actor, {
      action: 'notifications.settings',
      targetType: 'tenant',
      targetId: actor.tenantId,
      details: {
        reviewWaitHours: input.reviewWaitHours,
        chat: input.chat
          ? { kind: input.chat.kind, events: input.chat.events, urlChanged: !!input.chat.webhookUrl }
          : null,
      },
    });
    return this.settings(actor.tenantId);
  }

  async preference(p: Principal): Promise<PreferenceView | null> {
    const row = await this.repo.preference(p.tenantId, p.subject);
    return row ? { email: row.email, language: row.language, events: row.events, mode: row.mode } : null;
  }

  /** A person saves their own choices; events their role may not see are refused. */
  async savePreference(p: Principal, input: PreferenceView): Promise<PreferenceView> {
    const refused = input.events.filter((e) => !EVENT_ROLES[e].includes(p.role));
    if (refused.length)
      throw new ValidationFailedException('Some events are not available to your role', {
        problems: refused.map((e) => ({ field: 'events', problem: `${e} is not available to ${p.role}` })),
      });
    await this.repo.savePreference({
      tenantId: p.tenantId,
      subject: p.subject,
      role: p.role,
      email: input.email.trim().toLowerCase(),
      language: input.language,
      events: [...new Set(input.events)],
      mode: input.mode,
    });
    return (await this.preference(p))!;
  }

  // ------------------------------------------------------------------ the scheduled run

  /** Every tenant: find what waits, record it per recipient, deliver what is due, send digests that are due. */
  async runAll(now = new Date(), opts: { forceDigest?: boolean } = {}): Promise<RunReport> {
    const report: RunReport = { tenants: 0, recorded: 0, sent: 0, digests: 0, failed: 0 };
    for (const tenantId of await this.tenants.allIds()) {
      const r = await this.runTenant(tenantId, now, opts);
      report.tenants++;
      report.recorded += r.recorded;
      report.sent += r.sent;
      report.digests += r.digests;
      report.failed += r.failed;
    }
    return report;
  }

  async runTenant(
    tenantId: string,
    now = new Date(),
    opts: { forceDigest?: boolean } = {},
  ): Promise<RunReport> {
    const report: RunReport = { tenants: 1, recorded: 0, sent: 0, digests: 0, failed: 0 };
    const settings = await this.repo.settings(tenantId);
    const prefs = await this.repo.preferences(tenantId);
    const items = await this.pendingItems(tenantId, now, settings?.reviewWaitHours ?? 48);
    for (const item of items) {
      for (const pref of prefs) {
        if (!pref.events.includes(item.event) || !EVENT_ROLES[item.event].includes(pref.role as never))
          continue;
        if (item.recipientSubject !== undefined && item.recipientSubject !== pref.subject) continue;
        if (await this.repo.record(tenantId, emailRecipient(pref.subject), item, pref.mode))
          report.recorded++;
      }
      // A personal item (a task of one person) never goes to the shared channel.
      if (item.recipientSubject !== undefined) continue;
      if (settings?.chatKind && settings.chatWebhookSealed && settings.chatEvents.includes(item.event))
        if (await this.repo.record(tenantId, CHAT_RECIPIENT, item, 'immediate')) report.recorded++;
    }
    await this.deliverImmediate(tenantId, prefs, settings, now, report);
    await this.deliverDigests(tenantId, prefs, now, !!opts.forceDigest, report);
    return report;
  }

  private async pendingItems(tenantId: string, now: Date, waitHours: number): Promise<PendingItem[]> {
    const since = new Date(now.getTime() - LOOKBACK_MS);
    const [reviews, hrReviews, offers, imports, jobs, failedJobs, tasks] = await Promise.all([
      this.repo.overdueReviewItems(tenantId, new Date(now.getTime() - waitHours * 3_600_000)),
      this.repo.applicationsNeedingHrReview(tenantId),
      this.repo.failedOfferChecks(tenantId, since),
      this.repo.failedImports(tenantId, since),
      this.repo.failedJobs(tenantId, since),
      // Queue jobs that failed for good (e.g. the ATS refused a scope): one item per job, told once.
      this.operations.failures(tenantId),
      this.repo.dueReonboardingTasks(tenantId, todayIn(undefined, now)),
    ]);
    const enc = encodeURIComponent;
    return [
      ...reviews.map((r) => ({
        event: 'review_overdue' as const,
        itemKey: r.id,
        path: `/console/review/${enc(r.id)}`,
      })),
      ...hrReviews.map((a) => ({
        event: 'hr_review_needed' as const,
        itemKey: a.id,
        path: '/console/applications',
      })),
      ...offers.map((o) => ({
        event: 'offer_check_failed' as const,
        itemKey: o.id,
        path: `/console/offers/${enc(o.ats)}/${enc(o.application_id)}`,
      })),
      ...imports.map((i) => ({ event: 'import_failed' as const, itemKey: i.id, path: '/console/registry' })),
      ...jobs.map((j) => ({ event: 'jobs_failed' as const, itemKey: j.key, path: '/console/operations' })),
      ...failedJobs.map((j) => ({
        event: 'jobs_failed' as const,
        itemKey: `job:${j.jobId}`,
        path: '/console/operations',
      })),
      ...tasks.map((t) => ({
        event: 'reonboarding_task_due' as const,
        itemKey: t.id,
        path: '/console/tasks',
        recipientSubject: t.assignee_subject,
      })),
    ];
  }

  private url(path: string): string {
    return `${this.config.publicBaseUrl}${path}`;
  }

  private async deliverImmediate(
    tenantId: string,
    prefs: NotificationPreferenceEntity[],
    settings: Awaited<ReturnType<NotificationsRepository['settings']>>,
    now: Date,
    report: RunReport,
  ): Promise<void> {
    const bySubject = new Map(prefs.map((p) => [emailRecipient(p.subject), p]));
    for (const n of await this.repo.unsent(tenantId, 'immediate')) {
      try {
        if (n.recipient === CHAT_RECIPIENT) {
          if (!settings?.chatKind || !settings.chatWebhookSealed) continue;
          const url = this.box.open(settings.chatWebhookSealed, { tenantId, field: SEAL_FIELD });
          const msg = renderItem(n.event, this.url(n.path), settings.chatLanguage);
          await this.chat.post(
            settings.chatKind,
            url,
            chatPayload(settings.chatKind, msg.subject, {
              title: openLabel(settings.chatLanguage),
              url: this.url(n.path),
            }),
          );
        } else {
          const pref = bySubject.get(n.recipient);
          if (!pref) continue;
          const msg = renderItem(n.event, this.url(n.path), pref.language);
          await this.mailer.send({ tenantId, kind: 'notification', to: pref.email, ...msg });
        }
        await this.repo.markSent([n.id], now);
        report.sent++;
      } catch (err) {
        report.failed++;
        await this.repo.markFailed([n.id]);
        this.logger.warn(
          { err: logSafeError(err), tenantId, event: n.event },
          'notification not delivered; retried next run',
        );
      }
    }
  }

  private async deliverDigests(
    tenantId: string,
    prefs: NotificationPreferenceEntity[],
    now: Date,
    force: boolean,
    report: RunReport,
  ): Promise<void> {
    const waiting = await this.repo.unsent(tenantId, 'digest');
    const byRecipient = new Map<string, NotificationEntity[]>();
    for (const n of waiting) byRecipient.set(n.recipient, [...(byRecipient.get(n.recipient) ?? []), n]);
    for (const pref of prefs) {
      const items = byRecipient.get(emailRecipient(pref.subject));
      if (!items?.length) continue;
      const due = force || !pref.lastDigestAt || now.getTime() - pref.lastDigestAt.getTime() >= DAY_MS;
      if (!due) continue;
      const ids = items.map((i) => i.id);
      try {
        const msg = renderDigest(
          items.map((i) => ({ event: i.event, url: this.url(i.path) })),
          pref.language,
        );
        await this.mailer.send({ tenantId, kind: 'notification', to: pref.email, ...msg });
        await this.repo.markSent(ids, now);
        await this.repo.markDigested(tenantId, pref.subject, now);
        report.digests++;
        report.sent += ids.length;
      } catch (err) {
        report.failed += ids.length;
        await this.repo.markFailed(ids);
        this.logger.warn({ err: logSafeError(err), tenantId }, 'digest not delivered; retried next run');
      }
    }
  }
}

function openLabel(lang: Language): string {
  return lang === 'ja' ? 'Comeback で開く' : 'Open in Comeback';
}

export { NOTIFICATION_EVENTS };
