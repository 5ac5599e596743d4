import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { WritebackStepKind, WritebackStepStatus } from './writeback-step.entity';

export interface StepKey {
  tenantId: string;
  ats: string;
  applicationId: string;
  step: WritebackStepKind;
  /** Tells apart several steps of one kind on one application (an offer note per offer check). */
  subject?: string;
}

/** The ledger's SQL. Claims are committed on their own, outside any surrounding transaction. */
@Injectable()
export class WritebackLedgerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts the step as 'started', or re-starts a 'failed' one; returns the status before and after. */
  async claim(
    k: StepKey,
  ): Promise<{ status: WritebackStepStatus; inserted: boolean; before: WritebackStepStatus | null }> {
    const rows: { status: WritebackStepStatus; inserted: boolean; before: WritebackStepStatus | null }[] =
      await this.db.query(
        `INSERT INTO writeback_steps (tenant_id, ats, application_id, step, subject, status) VALUES ($1, $2, $3, $4, $5, 'started')
       ON CONFLICT ON CONSTRAINT uq_writeback_steps DO UPDATE
         SET status = CASE WHEN writeback_steps.status = 'failed' THEN 'started' ELSE writeback_steps.status END, updated_at = now()
       RETURNING status, (xmax = 0) AS inserted,
         (SELECT status FROM writeback_steps w WHERE w.tenant_id = $1 AND w.ats = $2 AND w.application_id = $3 AND w.step = $4 AND w.subject = $5) AS before`,
        [k.tenantId, k.ats, k.applicationId, k.step, k.subject ?? ''],
      );
    return rows[0];
  }

  async finish(
    k: StepKey,
    status: 'done' | 'failed' | 'skipped',
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.db.query(
      `UPDATE writeback_steps SET status = $6, detail = $7, updated_at = now()
       WHERE tenant_id = $1 AND ats = $2 AND application_id = $3 AND step = $4 AND subject = $5`,
      [k.tenantId, k.ats, k.applicationId, k.step, k.subject ?? '', status, JSON.stringify(detail)],
    );
  }

  /** A later run met this step still 'started': say so, for a person to resolve (a finishing call overwrites it). */
  async markUncertain(k: StepKey): Promise<void> {
    await this.db.query(
      `UPDATE writeback_steps SET status = 'uncertain', updated_at = now()
       WHERE tenant_id = $1 AND ats = $2 AND application_id = $3 AND step = $4 AND subject = $5 AND status = 'started'`,
      [k.tenantId, k.ats, k.applicationId, k.step, k.subject ?? ''],
    );
  }
}
