import { Injectable } from '@nestjs/common';
import {
  alumnusFrequencyKeys,
  alumnusIndexKeys,
  AlumnusRecord,
  detectCorporateDomains,
  MatchContext,
  suppressionKeys,
} from '@comeback/domain';
import { AppException, AuditActor, AuditService, ErrorCode, TenantService } from '@comeback/platform';
import { ErasureSuppressionsRepository } from '../erasure/erasure-suppressions.repository';
import { SuppressionHasher } from '../erasure/suppression-hasher';
import type { Readable } from 'node:stream';
import { AlumniRepository, AlumnusWrite } from '../alumni/alumni.repository';
import { RegistryStatisticsCounter } from '../alumni/registry-statistics';
import { searchTextFor } from '../alumni/search-text';
import { readAlumniCsv } from './alumni-csv-reader';
import type { CsvEncoding } from './csv-byte-decoder';
import type { ImportMode, ImportRunEntity, StoredImportProblem } from './import-run.entity';
import { ImportRunRepository } from './import-run.repository';
import { MatchParametersService } from '../matching/match-parameters.service';
import { NameReadingService } from '../matching/name-readings';
import { indexContext } from '../alumni/index-context';

const BATCH_SIZE = 2_000;
/** Reports keep the first problems; the count says how many there were in all. */
const MAX_REPORTED_PROBLEMS = 1_000;

export interface ImportOptions {
  mode: ImportMode;
  encoding?: CsvEncoding;
  fileName?: string;
  onProgress?: (p: { bytesRead: number; rowsRead: number }) => void;
  /** Milliseconds spent in each phase, once the import is done (benchmarks report the split). */
  onPhases?: (phases: ImportPhases) => void;
}

/**
 * Where an import's time goes. `stream` is the whole read-parse-write loop; within it `batchWrites` is the
 * time PostgreSQL spent on batches (it overlaps parsing) and `waitForWrites` the part the parser sat waiting.
 */
export interface ImportPhases {
  stream: number;
  batchWrites: number;
  waitForWrites: number;
  finishIndexes: number;
  statistics: number;
  analyze: number;
  commit: number;
  vacuum: number;
}

export interface ImportReport {
  importId: string;
  status: 'completed' | 'rejected';
  mode: ImportMode;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  /** Rows of erased people (on the suppression list): skipped, not imported, not reported by row. */
  rowsSuppressed: number;
  inserted: number;
  updated: number;
  problemCount: number;
  problems: StoredImportProblem[];
  warnings: StoredImportProblem[];
}

/**
 * Streams the HR export into the registry inside one transaction: all-or-nothing by default (any invalid
 * row → nothing written, every problem reported), or `valid-rows` (write the good rows, report the rest).
 */
@Injectable()
export class AlumniImportService {
  constructor(
    private readonly alumni: AlumniRepository,
    private readonly tenants: TenantService,
    private readonly audit: AuditService,
    private readonly runs: ImportRunRepository,
    private readonly suppressions: ErasureSuppressionsRepository,
    private readonly hasher: SuppressionHasher,
    private readonly parameters: MatchParametersService,
    private readonly nameReadings: NameReadingService,
  ) {}

  async import(actor: AuditActor, input: Readable, opts: ImportOptions): Promise<ImportReport> {
    const tenantId = actor.tenantId;
    const tenant = await this.tenants.get(tenantId);
    // Keys are computed with the domains HR configured; detected domains only change scoring weights.
    const ctx = indexContext(tenant, this.nameReadings);
    const run = await this.runs.create({
      tenantId,
      kind: 'alumni',
      status: 'running',
      mode: opts.mode,
      fileName: opts.fileName ?? null,
      encoding: opts.encoding ?? 'auto',
      startedBy: actor.name,
    });
    const problems: StoredImportProblem[] = [];
    const warnings: StoredImportProblem[] = [];
    let problemCount = 0;
    let rowsRead = 0;
    let rowsRejected = 0;
    let rowsSuppressed = 0;
    // Erased people stay out until HR lifts their suppression (the list is empty for most tenants: no hashing then).
    const suppressed = await this.suppressions.allHashes(tenantId);
    const hasher = suppressed.size > 0 ? await this.hasher.forTenant(tenantId) : null;
    const isSuppressed = (record: AlumnusRecord): boolean =>
      hasher !== null && hasher.hash(tenantId, suppressionKeys(record)).some((h) => suppressed.has(h));
    let inserted = 0;
    let updated = 0;
    const addProblems = (ps: readonly StoredImportProblem[]): void => {
      problemCount += ps.length;
      for (const p of ps) if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(p);
    };

    const phases: ImportPhases = {
      stream: 0,
      batchWrites: 0,
      waitForWrites: 0,
      finishIndexes: 0,
      statistics: 0,
      analyze: 0,
      commit: 0,
      vacuum: 0,
    };
    let mark = performance.now();
    const lap = (phase: keyof ImportPhases): void => {
      const now = performance.now();
      phases[phase] += now - mark;
      mark = now;
    };

    class Rejected extends Error {}
    try {
      await this.alumni.transaction(async (manager) => {
        const bulk = await this.alumni.startBulkWrite(manager, tenantId);
        // Into an empty tenant the statistics are counted on the way (PostgreSQL is the slower side of an
        // import, Node has time to spare); otherwise they are recounted from the table at the end.
        const counted = bulk.emptyTenant ? new RegistryStatisticsCounter() : null;
        let batch: AlumnusWrite[] = [];
        let headerFatal = false;
        // One batch is written while the next is parsed: PostgreSQL and the parser work side by side.
        let writing: Promise<void> = Promise.resolve();
        let writeError: Error | null = null;
        const throwIfWriteFailed = (): void => {
          if (writeError !== null) throw writeError;
        };
        const flush = async (): Promise<void> => {
          const rows = batch;
          batch = [];
          const waitStart = performance.now();
          await writing;
          phases.waitForWrites += performance.now() - waitStart;
          throwIfWriteFailed();
          // In all-or-nothing mode nothing needs writing once a problem is known: the transaction will roll back.
          if (rows.length > 0 && (opts.mode === 'valid-rows' || problemCount === 0)) {
            if (counted) for (const r of rows) counted.add(r.frequencyKeys, r.record.emails);
            const writeStart = performance.now();
            writing = this.alumni.upsertBatch(manager, bulk, rows).then(
              (r) => {
                phases.batchWrites += performance.now() - writeStart;
                inserted += r.inserted;
                updated += r.updated;
              },
              (err: unknown) => {
                writeError = err instanceof Error ? err : new Error(String(err));
              },
            );
          }
        };
        for await (const item of readAlumniCsv(input, {
          encoding: opts.encoding ?? 'auto',
          onProgress: (bytesRead) => opts.onProgress?.({ bytesRead, rowsRead }),
        })) {
          switch (item.kind) {
            case 'header':
              warnings.push(...item.warnings);
              addProblems(item.problems);
              headerFatal = item.problems.length > 0;
              break;
            case 'invalid':
              rowsRead++;
              rowsRejected++;
              addProblems(item.problems);
              break;
            case 'row':
              rowsRead++;
              if (isSuppressed(item.record)) {
                rowsSuppressed++;
                break;
              }
              batch.push(this.toWrite(item.record, ctx));
              if (batch.length >= BATCH_SIZE) await flush();
              break;
          }
        }
        await flush();
        const waitStart = performance.now();
        await writing;
        phases.waitForWrites += performance.now() - waitStart;
        throwIfWriteFailed();
        lap('stream');
        if (headerFatal || (opts.mode === 'all-or-nothing' && problemCount > 0)) {
          throw new Rejected();
        }
        await this.alumni.finishBulkWrite(manager, bulk);
        lap('finishIndexes');
        if (counted) await this.alumni.replaceFrequencies(manager, tenantId, counted.frequencies);
        const { alumniCount, domainCounts } =
          counted ?? (await this.alumni.refreshStatistics(manager, tenantId));
        lap('statistics');
        await this.alumni.analyze(manager);
        lap('analyze');
        await this.alumni.saveStats(manager, tenantId, alumniCount, [
          ...detectCorporateDomains(domainCounts, alumniCount),
        ]);
        await this.audit.record(
          actor,
          {
            action: 'registry.import',
            targetType: 'import_run',
            targetId: run.id,
            details: { mode: opts.mode, rowsRead, inserted, updated, rowsRejected, rowsSuppressed },
          },
          manager,
        );
        lap('statistics');
      });
      lap('commit');
    } catch (err) {
      if (!(err instanceof Rejected)) {
        await this.runs.update(run.id, { status: 'failed', finishedAt: new Date() });
        throw err;
      }
      await this.runs.update(run.id, {
        status: 'rejected',
        rowsRead,
        rowsImported: 0,
        rowsRejected,
        problems,
        problemCount,
        warnings,
        finishedAt: new Date(),
      });
      throw new AppException(
        ErrorCode.ImportRejected,
        `The file was not imported: ${problemCount} problem(s) found. Nothing was written.`,
        {
          importId: run.id,
          rowsRead,
          problemCount,
          problems,
          warnings,
        },
      );
    }
    await this.alumni.vacuum(tenantId);
    lap('vacuum');
    opts.onPhases?.(phases);
    await this.runs.update(run.id, {
      status: 'completed',
      rowsRead,
      rowsImported: inserted + updated,
      rowsRejected,
      problems,
      problemCount,
      warnings,
      finishedAt: new Date(),
    });
    // The registry changed (who is in it, which fields they carry): the tenant's field parameters follow.
    await this.parameters.reestimate(tenantId);
    return {
      importId: run.id,
      status: 'completed',
      mode: opts.mode,
      rowsRead,
      rowsImported: inserted + updated,
      rowsRejected,
      rowsSuppressed,
      inserted,
      updated,
      problemCount,
      problems,
      warnings,
    };
  }

  private toWrite(record: AlumnusRecord, ctx: MatchContext): AlumnusWrite {
    const identity = record;
    return {
      record,
      matchKeys: alumnusIndexKeys(identity, ctx),
      frequencyKeys: alumnusFrequencyKeys(identity),
      searchText: searchTextFor(record),
    };
  }

  /** Imports of the last 30 days that were refused or left rows out (the home page's "imports with problems"). */
  recentRunsWithProblems(tenantId: string): Promise<number> {
    return this.runs.countWithProblems(tenantId, new Date(Date.now() - 30 * 86400_000));
  }

  async getRun(tenantId: string, id: string): Promise<ImportRunEntity | null> {
    return this.runs.find(tenantId, id);
  }
}
