import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AtsEvent } from '@comeback/ats';
import { InboxStatus } from './inbox-event.entity';

/** A stored delivery as the worker reads it. */
export interface InboxDelivery {
  id: string;
  tenantId: string;
  ats: string;
  status: InboxStatus;
  event: AtsEvent | null;
  applicationId: string | null;
  /** Receipt number (bigint as text); null for deliveries stored before numbering, which are never held. */
  seq: string | null;
  /** An earlier delivery of the same application was still waiting when this one was read. */
  behind: boolean;
}

/** Deliveries of application $3 (tenant $1, ATS $2) received before receipt number $4 and still waiting. */
const EARLIER_WAITING = `SELECT id FROM inbox_events
  WHERE tenant_id = $1 AND ats = $2 AND application_id = $3 AND seq < $4 AND status = 'received'`;

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
    /** The application the delivery is about (its deliveries run in receipt order); null when none. */
    applicationId: string | null;
  }): Promise<{ id: string; status: InboxStatus; inserted: boolean }> {
    const [row]: { id: string; status: InboxStatus; inserted: boolean }[] = await this.db.query(
      `INSERT INTO inbox_events (tenant_id, ats, event_id, kind, raw_body, event, status, application_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT uq_inbox_events_delivery DO UPDATE SET event_id = excluded.event_id
       RETURNING id, status, (xmax = 0) AS inserted`,
      [d.tenantId, d.ats, d.eventId, d.kind, d.rawBody, JSON.stringify(d.event), d.status, d.applicationId],
    );
    return row;
  }

  /**
   * The delivery with its status and place in its application's line; null when no such delivery. `behind` says
   * whether an earlier delivery of the same application was still waiting when read (see `holdBehindEarlier`).
   */
  async find(tenantId: string, id: string): Promise<InboxDelivery | null> {
    // By primary key only: with `status` in the WHERE clause the planner may pick the (tenant_id, status,
    // received_at) index on a young table and walk every waiting delivery.
    const [row]: {
      id: string;
      ats: string;
      status: InboxStatus;
      event: AtsEvent | null;
      application_id: string | null;
      seq: string | null;
      behind: boolean;
    }[] = await this.db.query(
      `SELECT i.id, i.ats, i.status, i.event, i.application_id, i.seq,
              EXISTS (SELECT 1 FROM inbox_events e
                       WHERE e.tenant_id = i.tenant_id AND e.ats = i.ats AND e.application_id = i.application_id
                         AND e.seq < i.seq AND e.status = 'received') AS behind
         FROM inbox_events i WHERE i.id = $2 AND i.tenant_id = $1`,
      [tenantId, id],
    );
    return row
      ? {
          id: row.id,
          tenantId,
          ats: row.ats,
          status: row.status,
          event: row.event,
          applicationId: row.application_id,
          seq: row.seq,
          behind: row.behind,
        }
      : null;
  }

  /**
   * True when an earlier delivery of the same application still waits: this one is then marked held, and the
   * earlier one hands it on when it finishes (`nextHeld`). The earlier rows are locked (FOR SHARE) while the mark
   * is written, so an earlier delivery finishing at the same moment either is seen finished here or, its UPDATE
   * waiting for this transaction, sees the mark afterwards: never neither.
   */
  async holdBehindEarlier(d: InboxDelivery): Promise<boolean> {
    // Nothing was waiting before it when read (nearly always): no lock needed, it runs now.
    if (!d.behind || d.applicationId === null || d.seq === null) return false;
    return this.db.transaction(async (m) => {
      const waiting: unknown[] = await m.query(`${EARLIER_WAITING} FOR SHARE`, [
        d.tenantId,
        d.ats,
        d.applicationId,
        d.seq,
      ]);
      if (waiting.length === 0) return false;
      await m.query(`UPDATE inbox_events SET held = true WHERE id = $1`, [d.id]);
      return true;
    });
  }

  /** The application's first waiting delivery if it is held (to be handed on after `finish`); else null. */
  async nextHeld(d: Pick<InboxDelivery, 'tenantId' | 'ats' | 'applicationId'>): Promise<string | null> {
    if (d.applicationId === null) return null;
    const [next]: { id: string; held: boolean }[] = await this.db.query(
      `SELECT id, held FROM inbox_events
        WHERE tenant_id = $1 AND ats = $2 AND application_id = $3 AND status = 'received'
        ORDER BY seq LIMIT 1`,
      [d.tenantId, d.ats, d.applicationId],
    );
    return next?.held ? next.id : null;
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
