import { Inject, Injectable } from '@nestjs/common';
import { AppException, AuditActor, ErrorCode, JobQueue } from '@comeback/platform';
import { todayIn } from '@comeback/domain';
import { AlumniSyncService, SourceRecord } from '@comeback/registry';
import { HrisConnectionService } from '../connections/hris-connection.service';
import type { HrisConnectionSecrets, HrisEmployee, HrisKind } from '../hris-connector.port';
import { HrisInboxEventsRepository } from '../inbox/hris-inbox-events.repository';
import { HrisEmployeeLinksRepository } from './hris-employee-links.repository';
import type { HrisRunProblem, HrisSyncRunEntity } from './hris-sync-run.entity';
import { HrisRunCounts, HrisSyncRunsRepository } from './hris-sync-runs.repository';

/** Reports keep the first problems; the count says how many there were. */
const MAX_REPORTED_PROBLEMS = 1_000;
/** A reconciliation that never reaches the last page (a vendor looping its links) stops here. */
const MAX_PAGES = 10_000;

type Tally = Required<
  Pick<
    HrisRunCounts,
    | 'pages'
    | 'recordsRead'
    | 'inserted'
    | 'updated'
    | 'unchanged'
    | 'rejected'
    | 'suppressed'
    | 'notLeavers'
    | 'markedDeleted'
    | 'problemCount'
  >
> & { problems: HrisRunProblem[] };

function emptyTally(): Tally {
  return {
    pages: 0,
    recordsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    suppressed: 0,
    notLeavers: 0,
    markedDeleted: 0,
    problemCount: 0,
    problems: [],
  };
}

export function hrisActor(tenantId: string, kind: HrisKind): AuditActor {
  return { tenantId, role: 'integration', name: `hris:${kind}` };
}

/**
 * HR system → registry. Leavers (a resignation date recorded) are written through the registry's own sync
 * path; employees still employed are counted and left out; deleted employees are marked, never removed from
 * the registry. Every run (a webhook delivery, a reconciliation) is recorded with its counts and problems.
 */
@Injectable()
export class HrisSyncService {
  constructor(
    private readonly connections: HrisConnectionService,
    private readonly registry: AlumniSyncService,
    private readonly links: HrisEmployeeLinksRepository,
    private readonly runs: HrisSyncRunsRepository,
    private readonly inbox: HrisInboxEventsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  /** Job `hris-event.process`: one stored delivery. The employee is read fresh, so a replay cannot roll back. */
  async processDelivery(tenantId: string, inboxEventId: string): Promise<void> {
    const row = await this.inbox.findReceived(tenantId, inboxEventId);
    if (!row || row.externalId === null) return;
    const kind = row.kind as HrisKind;
    const conn = await this.connections.secrets(tenantId, kind);
    if (!conn) {
      await this.inbox.finish(row.id, 'failed', 'no_connection');
      return;
    }
    const run = await this.runs.create(tenantId, kind, 'webhook');
    const tally = emptyTally();
    try {
      const employee =
        row.action === 'deleted' ? null : await this.connector(conn).getEmployee(conn, row.externalId);
      if (employee === null) {
        if (await this.links.markDeleted(tenantId, kind, row.externalId)) tally.markedDeleted++;
      } else {
        tally.recordsRead = 1;
        await this.applyEmployees(conn, [employee], tally, 1);
      }
      await this.finishRun(run, tally);
      await this.inbox.finish(row.id, 'processed', outcomeOf(tally));
    } catch (err) {
      await this.failRun(run, tally, err);
      throw err;
    }
  }

  /** HR asks for a reconciliation now: its run exists at once, so the answer can name it. */
  async requestReconcile(tenantId: string, kind: HrisKind): Promise<HrisSyncRunEntity> {
    if (!(await this.connections.view(tenantId, kind)))
      throw new AppException(ErrorCode.NotFound, `No ${kind} connection saved`);
    const run = await this.runs.create(tenantId, kind, 'reconcile');
    await this.queue.enqueue(
      'hris.reconcile',
      { tenantId, kind, runId: run.id },
      { jobId: `hris-reconcile:${run.id}` },
    );
    return run;
  }

  /** The nightly reconciliation: the job id is the day, so every worker's timer enqueues it once. */
  async enqueueNightly(tenantId: string, kind: HrisKind, jobId: string): Promise<void> {
    await this.queue.enqueue('hris.reconcile', { tenantId, kind, runId: null }, { jobId });
  }

  /** Job `hris.reconcile`: walks every page (rate limit honoured by the client), then marks the vanished. */
  async reconcile(tenantId: string, kind: HrisKind, runId: string | null): Promise<void> {
    const run =
      runId === null
        ? await this.runs.create(tenantId, kind, 'reconcile')
        : await this.runs.find(tenantId, runId);
    if (!run || run.status !== 'running') return;
    const conn = await this.connections.secrets(tenantId, kind);
    const tally = emptyTally();
    if (!conn) {
      await this.failRun(run, tally, new Error('no connection'));
      return;
    }
    try {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await this.connector(conn).listEmployees(conn, cursor);
        tally.pages++;
        const firstRow = tally.recordsRead + 1;
        tally.recordsRead += page.employees.length;
        seen.push(...page.employees.map((e) => e.externalId));
        await this.applyEmployees(conn, page.employees, tally, firstRow);
        cursor = page.next;
      } while (cursor !== null && tally.pages < MAX_PAGES);
      if (cursor === null) {
        tally.markedDeleted += await this.links.markMissingDeleted(tenantId, kind, seen);
        // After a complete walk, company e-mail domains are re-detected as after a CSV import.
        await this.registry.refreshStatistics(tenantId);
      }
      await this.finishRun(run, tally);
    } catch (err) {
      await this.failRun(run, tally, err);
    }
  }

  private connector(conn: HrisConnectionSecrets) {
    return this.connections.connector(conn.kind);
  }

  /** `firstRow`: the run-wide position of `employees[0]`, so a problem's row says which employee it was. */
  private async applyEmployees(
    conn: HrisConnectionSecrets,
    employees: HrisEmployee[],
    tally: Tally,
    firstRow: number,
  ): Promise<void> {
    const rowOf = new Map(employees.map((e, i) => [e, firstRow + i]));
    const leavers = employees.filter((e) => e.leaver);
    tally.notLeavers += employees.length - leavers.length;
    const links = await this.links.byExternalIds(
      conn.tenantId,
      conn.kind,
      employees.map((e) => e.externalId),
    );
    // Rehired: a former employee we synced whose resignation date is gone again. Marked, never deleted.
    const rehired = employees
      .filter((e) => !e.leaver)
      .map((e) => links.get(e.externalId))
      .filter((l) => l !== undefined && l.deletedAt === null)
      .map((l) => l!.employeeNumber);
    await this.registry.markRejoined(hrisActor(conn.tenantId, conn.kind), rehired, todayIn());
    if (leavers.length === 0) return;
    const sources: SourceRecord[] = [];
    const byRow = new Map<number, HrisEmployee>();
    for (const e of leavers) {
      const row = rowOf.get(e)!;
      if (e.typeProblems.length > 0) {
        tally.rejected++;
        this.addProblems(
          tally,
          e.typeProblems.map((p) => ({
            row,
            column: p.field,
            code: 'invalid_type',
            message: p.message,
            externalId: e.externalId,
          })),
        );
        continue;
      }
      const link = links.get(e.externalId);
      sources.push({
        row,
        raw: e.raw,
        labels: e.labels,
        previousEmails: link?.syncedEmails ?? [],
        previousPhones: link?.syncedPhones ?? [],
      });
      byRow.set(row, e);
    }
    const results = await this.registry.apply(
      hrisActor(conn.tenantId, conn.kind),
      `hris:${conn.kind}`,
      sources,
    );
    const linkRows = [];
    for (const r of results) {
      const e = byRow.get(r.row)!;
      switch (r.outcome) {
        case 'rejected':
          tally.rejected++;
          this.addProblems(
            tally,
            r.problems.map((p) => ({ ...p, externalId: e.externalId })),
          );
          break;
        case 'suppressed':
          tally.suppressed++;
          break;
        case 'inserted':
        case 'updated':
        case 'unchanged':
          tally[r.outcome]++;
          linkRows.push({
            tenantId: conn.tenantId,
            kind: conn.kind,
            externalId: e.externalId,
            employeeNumber: r.employeeNumber!,
            syncedEmails: r.emails,
            syncedPhones: r.phones,
            sourceUpdatedAt: e.updatedAt,
          });
          break;
      }
    }
    await this.links.save(linkRows);
    // Someone marked rejoined who has a resignation date again left again.
    await this.registry.markRejoined(
      hrisActor(conn.tenantId, conn.kind),
      linkRows.map((l) => l.employeeNumber),
      null,
    );
  }

  private addProblems(tally: Tally, problems: HrisRunProblem[]): void {
    tally.problemCount += problems.length;
    for (const p of problems) if (tally.problems.length < MAX_REPORTED_PROBLEMS) tally.problems.push(p);
  }

  private async finishRun(run: HrisSyncRunEntity, tally: Tally): Promise<void> {
    await this.runs.update(run.id, { ...tally, status: 'completed', finishedAt: new Date() });
  }

  private async failRun(run: HrisSyncRunEntity, tally: Tally, err: unknown): Promise<void> {
    // Our own exception messages only (they never carry the vendor's body); anything else is summarised.
    const error = err instanceof AppException ? err.message : 'internal error';
    await this.runs.update(run.id, { ...tally, status: 'failed', error, finishedAt: new Date() });
  }

  listRuns(tenantId: string, limit: number): Promise<HrisSyncRunEntity[]> {
    return this.runs.list(tenantId, limit);
  }

  getRun(tenantId: string, id: string): Promise<HrisSyncRunEntity | null> {
    return this.runs.find(tenantId, id);
  }
}

function outcomeOf(t: Tally): string {
  if (t.markedDeleted > 0) return 'marked_deleted';
  if (t.rejected > 0) return 'rejected';
  if (t.inserted > 0) return 'inserted';
  if (t.updated > 0) return 'updated';
  if (t.suppressed > 0) return 'suppressed';
  if (t.notLeavers > 0) return 'not_a_leaver';
  return 'unchanged';
}
