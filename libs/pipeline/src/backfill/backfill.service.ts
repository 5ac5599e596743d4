import { Inject, Injectable } from '@nestjs/common';
import { asAtsKind, type AtsConnector, AtsConnectorRegistry, AtsKind } from '@comeback/ats';
import { AuditActor, AuditService, JobPayloads, JobQueue, NotFoundException } from '@comeback/platform';
import { AtsConnectionService } from '../connections/ats-connection.service';
import type { BackfillRunEntity } from './backfill-run.entity';
import { BackfillRepository } from './backfill.repository';

/**
 * Walks a tenant's open applications page by page (the ATS's cursor is saved after each page, so a
 * crashed run resumes where it stopped) and queues each application for the normal pipeline.
 */
@Injectable()
export class BackfillService {
  constructor(
    private readonly runs: BackfillRepository,
    private readonly connections: AtsConnectionService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly audit: AuditService,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  async start(actor: AuditActor, ats: AtsKind): Promise<BackfillRunEntity> {
    await this.connections.get(actor.tenantId, ats);
    const run = await this.runs.create({
      tenantId: actor.tenantId,
      ats,
      status: 'running',
      cursor: null,
      startedBy: actor.name,
    });
    await this.audit.record(actor, { action: 'backfill.start', targetType: 'backfill', targetId: run.id });
    await this.queue.enqueue(
      'backfill.page',
      { tenantId: actor.tenantId, backfillRunId: run.id, page: 0 },
      { jobId: `backfill:${run.id}:0` },
    );
    return run;
  }

  /** Restarts a stopped run from its saved cursor. */
  async resume(tenantId: string, id: string): Promise<BackfillRunEntity> {
    const run = await this.get(tenantId, id);
    if (run.status === 'completed') return run;
    await this.runs.update(run.id, { status: 'running', error: null });
    await this.queue.enqueue(
      'backfill.page',
      { tenantId, backfillRunId: run.id, page: run.pages },
      { jobId: `backfill:${run.id}:${run.pages}:resume:${Date.now()}` },
    );
    return { ...run, status: 'running' };
  }

  /** The tenant's latest runs, newest first (the console's connection page). */
  recent(tenantId: string, limit: number): Promise<BackfillRunEntity[]> {
    return this.runs.recent(tenantId, limit);
  }

  async get(tenantId: string, id: string): Promise<BackfillRunEntity> {
    const run = await this.runs.find(tenantId, id);
    if (!run) throw new NotFoundException('Backfill run');
    return run;
  }

  async processPage({ tenantId, backfillRunId, page }: JobPayloads['backfill.page']): Promise<void> {
    const run = await this.get(tenantId, backfillRunId);
    if (run.status !== 'running' || run.pages !== page) return; // a duplicate or outdated page job
    const kind = asAtsKind(run.ats);
    const conn = await this.connections.get(tenantId, kind);
    let result: Awaited<ReturnType<AtsConnector['listOpenApplications']>>;
    try {
      result = await this.connectors.get(kind).listOpenApplications(conn, run.cursor);
    } catch (err) {
      // Stopped with the reason; the cursor of the last good page is kept, so "resume" continues from there.
      await this.runs.update(run.id, {
        status: 'failed',
        error: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500),
      });
      return;
    }
    for (const app of result.items) {
      await this.queue.enqueue(
        'application.evaluate',
        {
          tenantId,
          ats: kind,
          applicationId: app.applicationId,
          candidateId: app.candidateId,
          reason: 'backfill',
        },
        { jobId: `backfill:${run.id}:app:${app.applicationId}` },
      );
    }
    const done = !result.nextCursor;
    await this.runs.update(run.id, {
      cursor: result.nextCursor,
      pages: page + 1,
      applicationsQueued: run.applicationsQueued + result.items.length,
      status: done ? 'completed' : 'running',
      finishedAt: done ? new Date() : null,
    });
    if (!done)
      await this.queue.enqueue(
        'backfill.page',
        { tenantId, backfillRunId, page: page + 1 },
        { jobId: `backfill:${run.id}:${page + 1}` },
      );
  }
}
