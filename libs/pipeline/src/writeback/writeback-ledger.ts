import { Injectable } from '@nestjs/common';
import { StepKey, WritebackLedgerRepository } from './writeback-ledger.repository';

export type { StepKey } from './writeback-ledger.repository';

export type StepClaim = 'run' | 'done' | 'uncertain';

/**
 * The one write-back ledger: every side effect in an ATS (tag, note, move, offer note) is claimed here before
 * it is performed. 'run' → do it now; 'done' → it happened already; 'uncertain' → a process died between
 * claiming and recording (the effect may or may not exist).
 */
@Injectable()
export class WritebackLedger {
  constructor(private readonly steps: WritebackLedgerRepository) {}

  async claim(k: StepKey): Promise<StepClaim> {
    const r = await this.steps.claim(k);
    if (r.inserted || r.before === 'failed') return 'run';
    if (r.status === 'done' || r.status === 'skipped') return 'done';
    return 'uncertain';
  }

  /**
   * Performs `effect` once per step. Errors release the claim so a retry can try again. An effect the
   * ATS makes idempotent itself (tag merge, a move guarded by the current stage) may be re-run after a
   * crash; a non-idempotent one (a note) is then left alone: at most once.
   */
  async once(
    k: StepKey,
    opts: { idempotent: boolean },
    effect: () => Promise<Record<string, unknown> | void>,
  ): Promise<StepClaim> {
    const claim = await this.claim(k);
    if (claim === 'uncertain' && !opts.idempotent) await this.steps.markUncertain(k);
    if (claim === 'done' || (claim === 'uncertain' && !opts.idempotent)) return claim;
    try {
      const detail = await effect();
      await this.steps.finish(k, 'done', detail ?? {});
      return 'run';
    } catch (err) {
      await this.steps.finish(k, 'failed', { error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  }
}
