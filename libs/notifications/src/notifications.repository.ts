import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  NotificationEntity,
  NotificationPreferenceEntity,
  NotificationSettingsEntity,
} from './entities/notification.entity';
import type { DeliveryMode, PendingItem } from './notification.types';

/** Give up on a notification after this many failed deliveries (it stays, unsent, for inspection). */
export const MAX_DELIVERY_ATTEMPTS = 8;

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  settings(tenantId: string): Promise<NotificationSettingsEntity | null> {
    return this.db.getRepository(NotificationSettingsEntity).findOneBy({ tenantId });
  }

  /** Tenants with a sealed chat webhook URL (for key rotation). */
  async sealedChatWebhooks(): Promise<{ tenantId: string; chatWebhookSealed: string }[]> {
    const rows = await this.db
      .getRepository(NotificationSettingsEntity)
      .createQueryBuilder('s')
      .where('s.chat_webhook_sealed IS NOT NULL')
      .getMany();
    return rows.map((r) => ({ tenantId: r.tenantId, chatWebhookSealed: r.chatWebhookSealed! }));
  }

  async setChatWebhookSealed(tenantId: string, chatWebhookSealed: string): Promise<void> {
    await this.db.getRepository(NotificationSettingsEntity).update({ tenantId }, { chatWebhookSealed });
  }

  async saveSettings(row: Omit<NotificationSettingsEntity, 'updatedAt'>): Promise<void> {
    await this.db.getRepository(NotificationSettingsEntity).save({ ...row, updatedAt: new Date() });
  }

  preference(tenantId: string, subject: string): Promise<NotificationPreferenceEntity | null> {
    return this.db.getRepository(NotificationPreferenceEntity).findOneBy({ tenantId, subject });
  }

  preferences(tenantId: string): Promise<NotificationPreferenceEntity[]> {
    return this.db
      .getRepository(NotificationPreferenceEntity)
      .find({ where: { tenantId }, order: { subject: 'ASC' } });
  }

  async savePreference(row: Omit<NotificationPreferenceEntity, 'lastDigestAt'>): Promise<void> {
    await this.db.query(
      `INSERT INTO notification_preferences (tenant_id, subject, role, email, language, events, mode)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7)
       ON CONFLICT (tenant_id, subject) DO UPDATE SET role = excluded.role, email = excluded.email,
         language = excluded.language, events = excluded.events, mode = excluded.mode`,
      [row.tenantId, row.subject, row.role, row.email, row.language, row.events, row.mode],
    );
  }

  async markDigested(tenantId: string, subject: string, at: Date): Promise<void> {
    await this.db.query(
      'UPDATE notification_preferences SET last_digest_at = $3 WHERE tenant_id = $1 AND subject = $2',
      [tenantId, subject, at],
    );
  }

  /** Records the item for the recipient once; false when it was recorded before (deduplication). */
  async record(tenantId: string, recipient: string, item: PendingItem, mode: DeliveryMode): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO notifications (tenant_id, recipient, event, item_key, path, mode)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT uq_notifications_item DO NOTHING RETURNING id`,
      [tenantId, recipient, item.event, item.itemKey, item.path, mode],
    );
    return rows.length > 0;
  }

  /** Waiting notifications of a tenant in one mode, oldest first (retries included, up to the attempt limit). */
  unsent(tenantId: string, mode: DeliveryMode): Promise<NotificationEntity[]> {
    return this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.tenant_id = :tenantId AND n.mode = :mode AND n.sent_at IS NULL AND n.attempts < :max', {
        tenantId,
        mode,
        max: MAX_DELIVERY_ATTEMPTS,
      })
      .orderBy('n.created_at', 'ASC')
      .getMany();
  }

  async markSent(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      'UPDATE notifications SET sent_at = $2, attempts = attempts + 1 WHERE id = ANY($1::uuid[])',
      [ids, at],
    );
  }

  async markFailed(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query('UPDATE notifications SET attempts = attempts + 1 WHERE id = ANY($1::uuid[])', [ids]);
  }

  // ------------------------------------------------------------------ what waits (read from the features' tables)

  async overdueReviewItems(tenantId: string, olderThan: Date): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT id FROM review_items WHERE tenant_id = $1 AND status = 'open' AND created_at < $2 ORDER BY created_at LIMIT 500`,
      [tenantId, olderThan],
    );
  }

  async applicationsNeedingHrReview(tenantId: string): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT id FROM tracked_applications WHERE tenant_id = $1 AND outcome = 'needs_hr_review' ORDER BY updated_at LIMIT 500`,
      [tenantId],
    );
  }

  async failedOfferChecks(
    tenantId: string,
    since: Date,
  ): Promise<{ id: string; ats: string; application_id: string }[]> {
    return this.db.query(
      `SELECT id, ats, application_id FROM offer_checks
       WHERE tenant_id = $1 AND result = 'fail' AND created_at >= $2 ORDER BY created_at LIMIT 500`,
      [tenantId, since],
    );
  }

  async failedImports(tenantId: string, since: Date): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT id FROM import_runs
       WHERE tenant_id = $1 AND status IN ('failed', 'rejected') AND created_at >= $2 ORDER BY created_at LIMIT 500`,
      [tenantId, since],
    );
  }

  /** The tenant's work that failed for good: webhook events whose processing failed, backfills that failed. */
  /** Open re-onboarding tasks due on or before `today` (YYYY-MM-DD) that have an assignee. */
  async dueReonboardingTasks(
    tenantId: string,
    today: string,
  ): Promise<{ id: string; assignee_subject: string }[]> {
    return this.db.query(
      `SELECT id, assignee_subject FROM reonboarding_tasks
       WHERE tenant_id = $1 AND done_at IS NULL AND assignee_subject IS NOT NULL AND due_on <= $2::date
       ORDER BY due_on LIMIT 500`,
      [tenantId, today],
    );
  }

  async failedJobs(tenantId: string, since: Date): Promise<{ key: string }[]> {
    return this.db.query(
      `SELECT 'inbox:' || id AS key FROM inbox_events WHERE tenant_id = $1 AND status = 'failed' AND received_at >= $2
       UNION ALL
       SELECT 'backfill:' || id AS key FROM backfill_runs WHERE tenant_id = $1 AND status = 'failed' AND created_at >= $2
       LIMIT 500`,
      [tenantId, since],
    );
  }
}
