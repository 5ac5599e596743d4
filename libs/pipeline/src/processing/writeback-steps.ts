import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { WritebackStepKind } from '../applications/tracked-application.entity';

export interface StepKey {
  tenantId: string;
  ats: string;
  applicationId: string;
  step: WritebackStepKind;
}

export type StepClaim = 'run' | 'done' | 'uncertain';

/**
 * Claims an ATS side effect before it is performed. 'run' → do it now; 'done' → it happened already;
 * 'uncertain' → a process died between claiming and recording (the effect may or may not exist).
 * Claims are committed on their own, outside any surrounding transaction, so a crash leaves evidence.
 */
@Injectable()
export class WritebackSteps {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async claim(k: StepKey): Promise<StepClaim> {
    const rows: { status: string; inserted: boolean }[] = await this.db.query(
      `INSERT INTO writeback_steps (tenant_id, ats, application_id, step, status) VALUES ($1, $2, $3, $4, 'started')
       ON CONFLICT ON CONSTRAINT uq_writeback_steps DO UPDATE
         SET status = CASE WHEN writeback_steps.status = 'failed' THEN 'started' ELSE writeback_steps.status END, updated_at = now()
       RETURNING status, (xmax = 0) AS inserted, (SELECT status FROM writeback_steps w WHERE w.tenant_id = $1 AND w.ats = $2 AND w.application_id = $3 AND w.step = $4) AS before`,
      [k.tenantId, k.ats, k.applicationId, k.step],
    );
    const r = rows[0] as { status: string; inserted: boolean; before: string | null };
    if (r.inserted || r.before === 'failed') return 'run';
    if (r.status === 'done' || r.status === 'skipped') return 'done';
    return 'uncertain';
  }

  async finish(k: StepKey, status: 'done' | 'failed' | 'skipped', detail: Record<string, unknown> = {}): Promise<void> {
    await this.db.query(
      `UPDATE writeback_steps SET status = $5, detail = $6, updated_at = now() WHERE tenant_id = $1 AND ats = $2 AND application_id = $3 AND step = $4`,
      [k.tenantId, k.ats, k.applicationId, k.step, status, JSON.stringify(detail)],
    );
  }

  /**
   * Performs `effect` once per step. Errors release the claim so a retry can try again. An effect the
   * ATS makes idempotent itself (tag merge, a move guarded by the current stage) may be re-run after a
   * crash; a non-idempotent one (a note) is then left alone: at most once.
   */
  async once(k: StepKey, opts: { idempotent: boolean }, effect: () => Promise<Record<string, unknown> | void>): Promise<StepClaim> {
    const claim = await this.claim(k);
    if (claim === 'done' || (claim === 'uncertain' && !opts.idempotent)) return claim;
    try {
      const detail = await effect();
      await this.finish(k, 'done', detail ?? {});
      return 'run';
    } catch (err) {
      await this.finish(k, 'failed', { error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  }
}
