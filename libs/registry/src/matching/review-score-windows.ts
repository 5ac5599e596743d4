import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ScoreWindow } from '@comeback/domain';
import { ReviewScoreWindowRepository } from './review-score-window.repository';

/** Decisions between two writes of a tenant's window (a write is one small row; a restart loses at most these). */
export const REVIEW_WINDOW_SAVE_EVERY = 25;

/**
 * The review budget's window per tenant, kept in memory for the threshold read on every match and stored so a
 * restarted process (a deploy, a crash) spends HR's budget from its first decision rather than falling back to
 * the shipped threshold for the next couple of hundred applicants. Processes matching for the same tenant each
 * keep their own copy and store it in turn: they see the same stream, so the last write stands for all.
 */
@Injectable()
export class ReviewScoreWindows implements OnModuleDestroy {
  private readonly log = new Logger(ReviewScoreWindows.name);
  private readonly windows = new Map<string, Promise<ScoreWindow>>();
  private readonly unsaved = new Map<string, number>();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly repo: ReviewScoreWindowRepository) {}

  /** The tenant's window: read once per process from what was stored (an empty one for a new tenant). */
  windowFor(tenantId: string): Promise<ScoreWindow> {
    let w = this.windows.get(tenantId);
    if (!w) {
      w = this.repo.load(tenantId).then((s) => (s ? ScoreWindow.restore(s) : new ScoreWindow()));
      // A failed read is not remembered: the next match reads again.
      w.catch(() => this.windows.delete(tenantId));
      this.windows.set(tenantId, w);
    }
    return w;
  }

  /**
   * The freshest window this process can see, for reports: its own while it holds decisions not yet stored (it
   * is matching for the tenant), else the stored one read afresh (another process may be the one matching; this
   * process's copy would be as old as its first read). At most REVIEW_WINDOW_SAVE_EVERY decisions behind.
   */
  async latest(tenantId: string): Promise<ScoreWindow> {
    const own = (this.unsaved.get(tenantId) ?? 0) > 0 ? await this.windows.get(tenantId) : undefined;
    if (own) return own;
    const s = await this.repo.load(tenantId);
    return s ? ScoreWindow.restore(s) : new ScoreWindow();
  }

  /** Adds a decision to the tenant's window; every REVIEW_WINDOW_SAVE_EVERY decisions it is stored (in the background). */
  add(tenantId: string, window: ScoreWindow, score: number, automatic: boolean, reviewed: boolean): void {
    window.add(score, automatic, reviewed);
    const n = (this.unsaved.get(tenantId) ?? 0) + 1;
    this.unsaved.set(tenantId, n);
    if (n >= REVIEW_WINDOW_SAVE_EVERY)
      void this.save([tenantId]).catch((err: unknown) =>
        this.log.warn(`review window of tenant ${tenantId} not stored: ${String(err)}`),
      );
  }

  /** Stores every window with decisions not yet written; resolves once they and earlier writes are stored. */
  flush(): Promise<void> {
    return this.save([...this.unsaved.keys()]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush().catch((err: unknown) => this.log.warn(`review windows not stored: ${String(err)}`));
  }

  private save(tenantIds: string[]): Promise<void> {
    const due = tenantIds.filter((t) => (this.unsaved.get(t) ?? 0) > 0);
    for (const t of due) this.unsaved.delete(t);
    // One write at a time, in order: a later snapshot never lands before an earlier one.
    const write = this.writing.then(async () => {
      for (const t of due) {
        const w = await this.windows.get(t);
        if (w) await this.repo.save(t, w.snapshot());
      }
    });
    this.writing = write.catch(() => undefined);
    return write;
  }
}
