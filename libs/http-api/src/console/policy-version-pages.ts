import type { Request, Response } from 'express';
import type { PageContext, PolicyVersionPageData } from '@comeback/console';
import {
  DryRunRequiredException,
  isDryRunOfCurrentContent,
  LruCache,
  type Principal,
  type VersionedDocumentRow,
} from '@comeback/platform';

/** What a policy editor's version pages need of its policy (both policies sit on the versioned-document store). */
export interface PolicyVersionsPort<R> {
  get(tenantId: string, version: number): Promise<VersionedDocumentRow>;
  /** Runs the policy's dry run; the store records it on the version, which activation requires. */
  dryRun(actor: Principal, version: number): Promise<R>;
  activate(actor: Principal, version: number): Promise<unknown>;
}

export interface PolicyVersionPagesOptions<R> {
  /** `/console/policies`: a version's page is `<path>/<version>`. */
  readonly path: string;
  readonly policies: PolicyVersionsPort<R>;
  readonly render: (ctx: PageContext, data: PolicyVersionPageData<R>) => string;
}

/**
 * The version page, dry run and activation both policy editors share. Whether a dry run of exactly the version's
 * content ran is recorded server-side and checked by the store on activation; this class only keeps the last report
 * per version for the page to show (in this process, bounded and for an hour: it names people and pay).
 */
export class PolicyVersionPages<R> {
  private readonly reports = new LruCache<string, R>(200, 3_600_000);

  constructor(private readonly o: PolicyVersionPagesOptions<R>) {}

  /** Shows the version and the dry run last asked for; never runs one (expensive work only on a POST). */
  async page(ctx: PageContext, p: Principal, version: number, req: Request): Promise<string> {
    return this.o.render(ctx, {
      ...(await this.view(p, version)),
      flash: req.query.done === 'activated' ? ctx.t('activated') : null,
    });
  }

  /** Runs the dry run (one per click or save) and keeps its report for the version page. */
  async runDryRun(p: Principal, version: number): Promise<void> {
    this.reports.set(`${p.tenantId}:${version}`, await this.o.policies.dryRun(p, version));
  }

  async dryRun(p: Principal, version: number, res: Response): Promise<void> {
    await this.runDryRun(p, version);
    res.redirect(303, `${this.o.path}/${version}`);
  }

  /** A refusal (no dry run of the current content: a stale page, or one run elsewhere) is shown on the page. */
  async activate(ctx: PageContext, p: Principal, version: number, res: Response): Promise<void> {
    try {
      await this.o.policies.activate(p, version);
    } catch (err) {
      if (!(err instanceof DryRunRequiredException)) throw err;
      const page = this.o.render(ctx, {
        ...(await this.view(p, version)),
        error: ctx.t('activateNeedsDryRun'),
      });
      res.status(409).send(page);
      return;
    }
    res.redirect(303, `${this.o.path}/${version}?done=activated`);
  }

  private async view(p: Principal, version: number): Promise<PolicyVersionPageData<R>> {
    const row = await this.o.policies.get(p.tenantId, version);
    // A report or record of other content (the version changed since) is no dry run of this one.
    const current = row.status !== 'active' && isDryRunOfCurrentContent(row);
    return {
      row,
      dryRun: current ? (this.reports.get(`${p.tenantId}:${version}`) ?? null) : null,
      dryRunRecord: current && row.dryRunBy && row.dryRunAt ? { by: row.dryRunBy, at: row.dryRunAt } : null,
    };
  }
}
