import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AtsEvent } from '@comeback/ats';
import { InboxStatus } from './inbox-event.entity';

/** The inbox's SQL. Every webhook passes here twice (stored, then finished), so these are plain statements. */
@Injectable()
export class InboxEventsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Stores a delivery once per ATS event id; a re-delivery returns the stored row (`inserted` false)
   * and changes nothing.
   */
  async storeDelivery(d: {
    tenantId: string;
    ats: string;
    eventId: string;
    kind: string;
    rawBody: string;
    event: AtsEvent;
    status: InboxStatus;
  }): Promise<{ id: string; status: InboxStatus; inserted: boolean }> {
    const [row]: { id: string; status: InboxStatus; inserted: boolean }[] = await this.db.query(
      `INSERT INTO inbox_events (tenant_id, ats, event_id, kind, raw_body, event, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT uq_inbox_events_delivery DO UPDATE SET event_id = excluded.event_id
       RETURNING id, status, (xmax = 0) AS inserted`,
      [d.tenantId, d.ats, d.eventId, d.kind, d.rawBody, JSON.stringify(d.event), d.status],
    );
    return row;
  }

  /** The delivery if it still waits to be processed; null once it was processed, ignored or never stored. */
  async findReceived(
    tenantId: string,
    id: string,
  ): Promise<{ id: string; ats: string; event: AtsEvent | null } | null> {
    // By primary key only, status checked here: with `status` in the WHERE clause the planner may pick the
    // (tenant_id, status, received_at) index on a young table and walk every waiting delivery.
    const [row]: { id: string; ats: string; status: InboxStatus; event: AtsEvent | null }[] =
      await this.db.query(
        `SELECT id, ats, status, event FROM inbox_events WHERE id = $2 AND tenant_id = $1`,
        [tenantId, id],
      );
    return row?.status === 'received' ? { id: row.id, ats: row.ats, event: row.event } : null;
  }

  /** Retention: raw bodies and normalised events received before `before` are emptied (the row stays: replays stay deduplicated). */
  async countFailed(tenantId: string): Promise<number> {
    const rows: { n: string }[] = await this.db.query(
      `SELECT count(*) AS n FROM inbox_events WHERE tenant_id = $1 AND status = 'failed'`,
      [tenantId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async purgeBodies(tenantId: string, before: Date): Promise<number> {
    const rows: unknown[] = await this.db.query(
      `WITH purged AS (UPDATE inbox_events SET raw_body = '', event = NULL
         WHERE tenant_id = $1 AND received_at < $2 AND (raw_body <> '' OR event IS NOT NULL) RETURNING 1) SELECT 1 FROM purged`,
      [tenantId, before],
    );
    return rows.length;
  }

  async finish(id: string, status: InboxStatus, outcome: string, error: string | null = null): Promise<void> {
    await this.db.query(
      `UPDATE inbox_events SET status = $2, outcome = $3, processed_at = now(), error = $4 WHERE id = $1`,
      [id, status, outcome, error],
    );
  }
}
