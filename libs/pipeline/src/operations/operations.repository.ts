import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A side effect claimed but never recorded as done or failed: its call was cut (the process died mid-call). */
export interface UncertainStepRow {
  id: string;
  ats: string;
  applicationId: string;
  step: string;
  subject: string;
  claimedAt: Date;
}

/**
 * A claim older than this with no outcome is not in flight any more, even if no later run met it: a call
 * finishes or times out within a minute, and rate-limit waits of a healthy backlog are shorter than this.
 */
export const UNCERTAIN_AFTER_SECONDS = 900;

/** Marked uncertain by a later run, or left 'started' for longer than any live call takes ($1: the seconds). */
const UNCERTAIN = `(status = 'uncertain' OR (status = 'started' AND updated_at < now() - make_interval(secs => $1)))`;

/** The SQL behind operations: backlogs, review-queue age, uncertain write-backs (read across tenants for /metrics). */
@Injectable()
export class OperationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Deliveries stored and not yet processed, per ATS, with the oldest one's age (all tenants). */
  async inboxBacklog(): Promise<{ ats: string; waiting: number; oldestSeconds: number }[]> {
    const rows: { ats: string; waiting: string; oldest: string | null }[] = await this.db.query(
      `SELECT ats, count(*) AS waiting, extract(epoch FROM now() - min(received_at)) AS oldest
         FROM inbox_events WHERE status = 'received' GROUP BY ats`,
    );
    return rows.map((r) => ({
      ats: r.ats,
      waiting: Number(r.waiting),
      oldestSeconds: Number(r.oldest ?? 0),
    }));
  }

  /**
   * One tenant's backlog (and how many of those wait for an earlier delivery of their application) and how many
   * deliveries finished in the last `windowSeconds` (the drain rate). */
  async tenantBacklog(
    tenantId: string,
    windowSeconds: number,
  ): Promise<{ waiting: number; held: number; oldestSeconds: number; finishedInWindow: number }> {
    const [row]: { waiting: string; held: string; oldest: string | null; finished: string }[] =
      await this.db.query(
        `SELECT count(*) FILTER (WHERE status = 'received') AS waiting,
              count(*) FILTER (WHERE status = 'received' AND held) AS held,
              extract(epoch FROM now() - min(received_at) FILTER (WHERE status = 'received')) AS oldest,
              count(*) FILTER (WHERE status <> 'received' AND processed_at > now() - make_interval(secs => $2)) AS finished
         FROM inbox_events
        WHERE tenant_id = $1 AND (status = 'received' OR processed_at > now() - make_interval(secs => $2))`,
        [tenantId, windowSeconds],
      );
    return {
      waiting: Number(row?.waiting ?? 0),
      held: Number(row?.held ?? 0),
      oldestSeconds: Number(row?.oldest ?? 0),
      finishedInWindow: Number(row?.finished ?? 0),
    };
  }

  /** Open review items per tenant and the oldest one's age (all tenants). */
  async reviewQueue(): Promise<{ tenantId: string; open: number; oldestSeconds: number }[]> {
    const rows: { tenant_id: string; open: string; oldest: string | null }[] = await this.db.query(
      `SELECT tenant_id, count(*) AS open, extract(epoch FROM now() - min(created_at)) AS oldest
         FROM review_items WHERE status = 'open' GROUP BY tenant_id`,
    );
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      open: Number(r.open),
      oldestSeconds: Number(r.oldest ?? 0),
    }));
  }

  /** Uncertain side effects per tenant (all tenants). */
  async uncertainCounts(): Promise<{ tenantId: string; n: number }[]> {
    const rows: { tenant_id: string; n: string }[] = await this.db.query(
      `SELECT tenant_id, count(*) AS n FROM writeback_steps
        WHERE ${UNCERTAIN} GROUP BY tenant_id`,
      [UNCERTAIN_AFTER_SECONDS],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, n: Number(r.n) }));
  }

  async uncertainSteps(tenantId: string, limit: number): Promise<UncertainStepRow[]> {
    const rows: {
      id: string;
      ats: string;
      application_id: string;
      step: string;
      subject: string;
      updated_at: Date;
    }[] = await this.db.query(
      `SELECT id, ats, application_id, step, subject, updated_at FROM writeback_steps
        WHERE tenant_id = $1 AND ${UNCERTAIN.replace('$1', '$2')}
        ORDER BY updated_at LIMIT $3`,
      [tenantId, UNCERTAIN_AFTER_SECONDS, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      ats: r.ats,
      applicationId: r.application_id,
      step: r.step,
      subject: r.subject,
      claimedAt: r.updated_at,
    }));
  }

  /**
   * A person checked the ATS: the effect exists (done) or does not (failed, so the next run performs it).
   * Only a still-uncertain step changes; null when there is none with that id. (In a CTE: TypeORM answers a bare
   * UPDATE … RETURNING with [rows, count], a SELECT with the rows.)
   */
  async resolveUncertain(
    tenantId: string,
    id: string,
    exists: boolean,
    detail: Record<string, unknown>,
  ): Promise<UncertainStepRow | null> {
    const rows: {
      id: string;
      ats: string;
      application_id: string;
      step: string;
      subject: string;
      updated_at: Date;
    }[] = await this.db.query(
      `WITH resolved AS (UPDATE writeback_steps SET status = $3, detail = detail || $4::jsonb, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND ${UNCERTAIN.replace('$1', '$5')}
          RETURNING id, ats, application_id, step, subject, updated_at)
         SELECT * FROM resolved`,
      [tenantId, id, exists ? 'done' : 'failed', JSON.stringify(detail), UNCERTAIN_AFTER_SECONDS],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          ats: r.ats,
          applicationId: r.application_id,
          step: r.step,
          subject: r.subject,
          claimedAt: r.updated_at,
        }
      : null;
  }

  /** Candidate id of a tracked application (to read it again from the ATS). */
  async candidateOf(tenantId: string, ats: string, applicationId: string): Promise<string | null> {
    const [row]: { candidate_id: string | null }[] = await this.db.query(
      `SELECT candidate_id FROM tracked_applications WHERE tenant_id = $1 AND ats = $2 AND application_id = $3`,
      [tenantId, ats, applicationId],
    );
    return row?.candidate_id ?? null;
  }
}
