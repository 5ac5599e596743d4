// Streaming reader for the compensation CSVs (benchmarks, bands, incumbents): bytes → encoding detection
// (shared with the registry) → csv-parse → header resolution → raw cells per row. Cell validation is the
// caller's (see compensation-rows.ts), so one reader serves every file kind.
import { CsvByteDecoder, type CsvEncoding } from '@comeback/registry';
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ImportProblem } from './compensation-rows';

export interface CsvColumnSpec<K extends string> {
  key: K;
  required: boolean;
  /** Other accepted header spellings (case-insensitive), e.g. Japanese labels. */
  aliases?: readonly string[];
}

export interface CsvHeaderItem<K extends string> {
  kind: 'header';
  problems: ImportProblem[];
  warnings: ImportProblem[];
  labels: Partial<Record<K, string>>;
}

export type CsvItem<K extends string> =
  | CsvHeaderItem<K>
  | { kind: 'row'; row: number; cells: Partial<Record<K, string>> }
  | { kind: 'invalid'; row: number; problems: ImportProblem[] };

const MAX_RECORD_BYTES = 1_000_000;

function normaliseLabel(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Yields the header item first (problems there mean no rows follow), then one item per non-blank data row.
 * Rows are numbered as a spreadsheet shows them: the header is row 1. Only I/O errors are thrown.
 */
export async function* readCompensationCsv<K extends string>(
  input: Readable,
  columns: readonly CsvColumnSpec<K>[],
  opts: { encoding?: CsvEncoding } = {},
): AsyncGenerator<CsvItem<K>, void, undefined> {
  const decoder = new CsvByteDecoder(opts.encoding ?? 'auto');
  const records: string[][] = [];
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
    on_record: (record: string[]) => {
      records.push(record);
      return undefined;
    },
  });
  let parseError: Error | null = null;
  parser.on('error', (err: Error) => {
    parseError = err;
  });
  const state = new HeaderState(columns);
  let rowNumber = 0;
  let stopped = false;

  const drain = function* (): Generator<CsvItem<K>> {
    for (const fields of records) {
      if (stopped) break;
      rowNumber++;
      if (!state.seen) {
        const header = state.read(fields, decoder.sawInvalidBytes);
        if (header.problems.length > 0) stopped = true;
        yield header;
        continue;
      }
      if (fields.every((f) => f.trim() === '')) continue;
      yield state.row(fields, rowNumber, decoder.sawInvalidBytes);
    }
    records.length = 0;
  };
  const fileProblem = (code: string, message: string, row = 1): CsvItem<K> => {
    stopped = true;
    const problems = [{ row, column: null, code, message }];
    return state.seen
      ? { kind: 'invalid', row, problems }
      : { kind: 'header', problems, warnings: [], labels: {} };
  };

  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (const part of decoder.write(bytes)) parser.write(part);
      if (decoder.unsupported !== null) {
        yield fileProblem('invalid_encoding', decoder.unsupported);
        return;
      }
      yield* drain();
      if (stopped) return;
      const err = parseError ?? parser.errored;
      if (err) {
        yield fileProblem(
          'malformed_csv',
          `The CSV cannot be parsed from this row on (${err.message}).`,
          rowNumber + 1,
        );
        return;
      }
    }
    for (const part of decoder.end()) parser.write(part);
    if (decoder.unsupported !== null) {
      yield fileProblem('invalid_encoding', decoder.unsupported);
      return;
    }
    parser.end();
    try {
      await finished(parser, { readable: false });
    } catch (err) {
      parseError ??= err instanceof Error ? err : new Error(String(err));
    }
    yield* drain();
    if (stopped) return;
    if (parseError !== null) {
      yield fileProblem(
        'malformed_csv',
        `The CSV cannot be parsed from this row on (${parseError.message}).`,
        rowNumber + 1,
      );
    } else if (!state.seen) {
      yield fileProblem('empty_file', 'The file is empty: the first row must be the header.');
    }
  } finally {
    parser.destroy();
  }
}

class HeaderState<K extends string> {
  seen = false;
  private width = 0;
  private indexOf = new Map<K, number>();
  private labels: Partial<Record<K, string>> = {};

  constructor(private readonly columns: readonly CsvColumnSpec<K>[]) {}

  read(fields: string[], sawInvalidBytes: boolean): CsvHeaderItem<K> {
    this.seen = true;
    const problems: ImportProblem[] = [];
    const warnings: ImportProblem[] = [];
    if (fields.every((f) => f.trim() === '')) {
      problems.push({
        row: 1,
        column: null,
        code: 'empty_file',
        message: 'The first row must be the header.',
      });
      return { kind: 'header', problems, warnings, labels: {} };
    }
    this.width = fields.length;
    const lookup = new Map<string, K>();
    for (const c of this.columns) {
      lookup.set(normaliseLabel(c.key), c.key);
      for (const a of c.aliases ?? []) lookup.set(normaliseLabel(a), c.key);
    }
    fields.forEach((raw, index) => {
      const label = raw.replace(/^\uFEFF/, '').trim();
      if (sawInvalidBytes && label.includes('\uFFFD')) {
        problems.push({
          row: 1,
          column: label,
          code: 'invalid_encoding',
          message: `The header "${label}" is not valid text.`,
        });
        return;
      }
      const key = lookup.get(normaliseLabel(label));
      if (key === undefined) {
        warnings.push({
          row: 1,
          column: label,
          code: 'unknown_column',
          message: `Unknown column "${label}" is ignored.`,
        });
        return;
      }
      if (this.indexOf.has(key)) {
        problems.push({
          row: 1,
          column: label,
          code: 'duplicate_column',
          message: `"${label}" is the same column as "${this.labels[key]}" (${key}); keep only one.`,
        });
        return;
      }
      this.indexOf.set(key, index);
      this.labels[key] = label;
    });
    for (const c of this.columns) {
      if (c.required && !this.indexOf.has(c.key)) {
        problems.push({
          row: 1,
          column: c.key,
          code: 'missing_column',
          message: `Required column ${c.key} is missing.`,
        });
      }
    }
    return { kind: 'header', problems, warnings, labels: { ...this.labels } };
  }

  row(fields: string[], row: number, sawInvalidBytes: boolean): CsvItem<K> {
    if (fields.length !== this.width) {
      return {
        kind: 'invalid',
        row,
        problems: [
          {
            row,
            column: null,
            code: 'wrong_field_count',
            message: `Expected ${this.width} fields as in the header, found ${fields.length} (check commas and quotes).`,
          },
        ],
      };
    }
    const cells: Partial<Record<K, string>> = {};
    const problems: ImportProblem[] = [];
    for (const [key, index] of this.indexOf) {
      const value = fields[index];
      if (sawInvalidBytes && value.includes('\uFFFD')) {
        problems.push({
          row,
          column: this.labels[key] ?? key,
          code: 'invalid_encoding',
          message: `${this.labels[key] ?? key} contains bytes that are not valid text in the file's encoding.`,
        });
      }
      cells[key] = value;
    }
    return problems.length > 0 ? { kind: 'invalid', row, problems } : { kind: 'row', row, cells };
  }
}
