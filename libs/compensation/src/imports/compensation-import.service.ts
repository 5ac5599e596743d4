import { Injectable } from '@nestjs/common';
import type { CsvEncoding } from '@comeback/registry';
import {
  AppException,
  AuditActor,
  AuditService,
  ErrorCode,
  type TransactionManager,
} from '@comeback/platform';
import type { Readable } from 'node:stream';
import { MarketDataRepository } from '../market/market-data.repository';
import { todayIn } from '@comeback/domain';
import { readCompensationCsv, type CsvColumnSpec, type CsvItem } from './compensation-csv-reader';
import {
  BAND_COLUMNS,
  BENCHMARK_COLUMNS,
  cellsFromJson,
  INCUMBENT_COLUMNS,
  parseDate,
  validateBandRow,
  validateBenchmarkRow,
  validateIncumbentRow,
  type ImportProblem,
  type RowResult,
} from './compensation-rows';

const BATCH_SIZE = 2_000;
const MAX_REPORTED_PROBLEMS = 1_000;

/** A CSV upload or the items of a JSON request; both go through the same validation. */
export type ImportSource =
  | { kind: 'csv'; input: Readable; encoding?: CsvEncoding; fileName?: string }
  | { kind: 'json'; items: Record<string, unknown>[] };

export interface CompensationImportReport {
  status: 'completed';
  rowsRead: number;
  rowsImported: number;
  inserted: number;
  updated: number;
  warnings: ImportProblem[];
  /** Incumbent snapshots only. */
  snapshot?: { id: string; effectiveDate: string };
}

interface Plan<K extends string, R> {
  action: string;
  columns: readonly CsvColumnSpec<K>[];
  validate: (
    cells: Partial<Record<K, string>>,
    row: number,
    labels: Partial<Record<K, string>>,
  ) => RowResult<R>;
  /** Rows with the same key in one file are a problem (the later one names the earlier row). */
  keyOf: (r: R) => string;
  keyColumn: K;
  write: (m: TransactionManager, batch: R[]) => Promise<{ inserted: number; updated: number }>;
  begin?: (m: TransactionManager) => Promise<void>;
  finish?: (m: TransactionManager, imported: number) => Promise<Record<string, unknown>>;
}

class Rejected extends Error {}

/**
 * Benchmarks, bands and incumbent snapshots: streamed, validated row by row, written in set-based batches inside
 * one transaction, all-or-nothing. Any problem → nothing written and every problem reported with row and column.
 */
@Injectable()
export class CompensationImportService {
  constructor(
    private readonly market: MarketDataRepository,
    private readonly audit: AuditService,
  ) {}

  importBenchmarks(actor: AuditActor, source: ImportSource): Promise<CompensationImportReport> {
    return this.run(actor, source, {
      action: 'compensation.import_benchmarks',
      columns: BENCHMARK_COLUMNS,
      validate: validateBenchmarkRow,
      keyOf: (r) => `${r.jobFamily}\u0000${r.jobLevel}\u0000${r.location}\u0000${r.effectiveDate}`,
      keyColumn: 'job_family',
      write: (m, batch) => this.market.upsertBenchmarks(m, actor.tenantId, batch),
    });
  }

  importBands(
    actor: AuditActor,
    source: ImportSource,
    opts: { effectiveDate?: string } = {},
  ): Promise<CompensationImportReport> {
    const defaultDate = this.requireDate(opts.effectiveDate) ?? todayIn();
    return this.run(actor, source, {
      action: 'compensation.import_bands',
      columns: BAND_COLUMNS,
      validate: (cells, row, labels) => validateBandRow(cells, row, labels, defaultDate),
      keyOf: (r) => `${r.jobFamily}\u0000${r.jobLevel}\u0000${r.location}\u0000${r.effectiveDate}`,
      keyColumn: 'job_family',
      write: (m, batch) => this.market.upsertBands(m, actor.tenantId, batch),
    });
  }

  /** Creates a new snapshot version effective on `effectiveDate`; earlier snapshots stay as they were. */
  async importIncumbents(
    actor: AuditActor,
    source: ImportSource,
    opts: { effectiveDate: string },
  ): Promise<CompensationImportReport> {
    const effectiveDate = this.requireDate(opts.effectiveDate);
    if (!effectiveDate)
      throw new AppException(
        ErrorCode.ValidationFailed,
        'effectiveDate (YYYY-MM-DD) is required for a snapshot',
      );
    let snapshotId = '';
    const report = await this.run(actor, source, {
      action: 'compensation.import_incumbents',
      columns: INCUMBENT_COLUMNS,
      validate: (cells, row, labels) => validateIncumbentRow(cells, row, labels, effectiveDate),
      keyOf: (r) => r.employeeKey,
      keyColumn: 'employee_key',
      begin: async (m) => {
        const s = await this.market.createSnapshot(
          m,
          actor.tenantId,
          effectiveDate,
          source.kind === 'csv' ? (source.fileName ?? null) : null,
          actor.name,
        );
        snapshotId = s.id;
      },
      write: async (m, batch) => ({
        inserted: await this.market.insertIncumbents(m, actor.tenantId, snapshotId, batch),
        updated: 0,
      }),
      finish: async (m, imported) => {
        await this.market.finishSnapshot(m, snapshotId, imported);
        return { snapshotId, effectiveDate };
      },
    });
    return { ...report, snapshot: { id: snapshotId, effectiveDate } };
  }

  private requireDate(v: string | undefined): string | null {
    if (v === undefined) return null;
    const d = parseDate(v);
    if (d === null)
      throw new AppException(
        ErrorCode.ValidationFailed,
        `effectiveDate must be a date (YYYY-MM-DD), got "${v}"`,
      );
    return d;
  }

  private async run<K extends string, R>(
    actor: AuditActor,
    source: ImportSource,
    plan: Plan<K, R>,
  ): Promise<CompensationImportReport> {
    const problems: ImportProblem[] = [];
    const warnings: ImportProblem[] = [];
    let problemCount = 0;
    let rowsRead = 0;
    let inserted = 0;
    let updated = 0;
    const addProblems = (ps: readonly ImportProblem[]): void => {
      problemCount += ps.length;
      for (const p of ps) if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(p);
    };
    const firstRowOf = new Map<string, number>();
    try {
      await this.market.transaction(async (m) => {
        await plan.begin?.(m);
        let batch: R[] = [];
        let labels: Partial<Record<K, string>> = {};
        const flush = async (): Promise<void> => {
          // Once a problem is known the transaction will roll back: stop writing, keep validating.
          if (batch.length > 0 && problemCount === 0) {
            const r = await plan.write(m, batch);
            inserted += r.inserted;
            updated += r.updated;
          }
          batch = [];
        };
        for await (const item of this.items(source, plan.columns)) {
          switch (item.kind) {
            case 'header':
              labels = item.labels;
              warnings.push(...item.warnings);
              addProblems(item.problems);
              break;
            case 'invalid':
              rowsRead++;
              addProblems(item.problems);
              break;
            case 'row': {
              rowsRead++;
              const r = plan.validate(item.cells, item.row, labels);
              if (!r.ok) {
                addProblems(r.problems);
                break;
              }
              const key = plan.keyOf(r.record);
              const first = firstRowOf.get(key);
              if (first !== undefined) {
                addProblems([
                  {
                    row: item.row,
                    column: labels[plan.keyColumn] ?? plan.keyColumn,
                    code: 'duplicate_row',
                    message: `The same row key already appears on row ${first}.`,
                  },
                ]);
                break;
              }
              firstRowOf.set(key, item.row);
              batch.push(r.record);
              if (batch.length >= BATCH_SIZE) await flush();
              break;
            }
          }
        }
        await flush();
        if (problemCount > 0) throw new Rejected();
        if (rowsRead === 0) {
          addProblems([
            { row: 2, column: null, code: 'no_rows', message: 'The file has a header but no data rows.' },
          ]);
          throw new Rejected();
        }
        const extra = (await plan.finish?.(m, inserted + updated)) ?? {};
        await this.audit.record(
          actor,
          { action: plan.action, details: { rowsRead, inserted, updated, ...extra } },
          m,
        );
      });
    } catch (err) {
      if (!(err instanceof Rejected)) throw err;
      throw new AppException(
        ErrorCode.ImportRejected,
        `Nothing was imported: ${problemCount} problem(s) found.`,
        {
          rowsRead,
          problemCount,
          problems,
          warnings,
        },
      );
    }
    return { status: 'completed', rowsRead, rowsImported: inserted + updated, inserted, updated, warnings };
  }

  private async *items<K extends string>(
    source: ImportSource,
    columns: readonly CsvColumnSpec<K>[],
  ): AsyncGenerator<CsvItem<K>> {
    if (source.kind === 'csv') {
      yield* readCompensationCsv(source.input, columns, { encoding: source.encoding });
      return;
    }
    yield { kind: 'header', problems: [], warnings: [], labels: {} };
    for (let i = 0; i < source.items.length; i++) {
      const row = i + 1;
      const { cells, unknown } = cellsFromJson(source.items[i], columns);
      if (unknown.length > 0) {
        yield {
          kind: 'invalid',
          row,
          problems: unknown.map((u) => ({
            row,
            column: u,
            code: 'unknown_field',
            message: `Unknown field "${u}".`,
          })),
        };
        continue;
      }
      yield { kind: 'row', row, cells };
    }
  }
}
