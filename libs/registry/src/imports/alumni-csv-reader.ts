// Streaming reader of the registry CSV: bytes → encoding detection → csv-parse → per-row validation.
import {
  CANONICAL_COLUMNS,
  cleanHeaderLabel,
  normalizeEmployeeNumber,
  REQUIRED_COLUMNS,
  resolveHeader,
  validateAlumnusRow,
  type AlumnusRawRow,
  type AlumnusRecord,
  type CanonicalColumn,
  type ImportProblem,
} from '@comeback/domain/registry';
import { parse, type CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { storableText } from '@comeback/platform';
import { CsvByteDecoder, type CsvEncoding, type DetectedCsvEncoding } from './csv-byte-decoder';

export interface ReadAlumniCsvOptions {
  /** Default `auto`: UTF-8 BOM or valid UTF-8 → UTF-8, otherwise CP932. */
  encoding?: CsvEncoding;
  /** Called after each chunk with the bytes consumed so far (for a progress bar against the file size). */
  onProgress?: (bytesRead: number) => void;
}

export interface AlumniCsvHeaderColumn {
  readonly column: CanonicalColumn;
  /** The header text as written in the file. */
  readonly label: string;
}

export type AlumniCsvItem =
  | {
      readonly kind: 'header';
      readonly columns: readonly AlumniCsvHeaderColumn[];
      /** Non-empty → the file cannot be read and no row items follow. */
      readonly problems: ImportProblem[];
      readonly warnings: ImportProblem[];
    }
  | { readonly kind: 'row'; readonly row: number; readonly record: AlumnusRecord }
  | { readonly kind: 'invalid'; readonly row: number; readonly problems: ImportProblem[] };

export interface AlumniCsvSummary {
  /** Data rows read (valid + invalid); blank lines are not rows. */
  rows: number;
  valid: number;
  invalid: number;
  blank: number;
  bytesRead: number;
  /** What the file was read as; null when it could not be read at all. */
  encoding: DetectedCsvEncoding | null;
}

/** A record this long is an unclosed quote swallowing the file, not a row: fail early, not after 250 MB. */
const MAX_RECORD_BYTES = 1_000_000;

/**
 * Reads an HR export row by row without loading it into memory. Yields the header item first, then one item
 * per non-blank data row; returns the summary. Problems are data, never exceptions: only I/O errors of
 * `input` are thrown. Stopping early (break) destroys `input`.
 */
export async function* readAlumniCsv(
  input: Readable,
  opts: ReadAlumniCsvOptions = {},
): AsyncGenerator<AlumniCsvItem, AlumniCsvSummary, undefined> {
  const summary: AlumniCsvSummary = { rows: 0, valid: 0, invalid: 0, blank: 0, bytesRead: 0, encoding: null };
  const decoder = new CsvByteDecoder(opts.encoding ?? 'auto');
  // Records are collected synchronously as csv-parse produces them, so rows parsed before a syntax error are
  // still validated and the error's row number is exact (the stream API would drop buffered records).
  const records: string[][] = [];
  const parser = parse({
    bom: true,
    relax_column_count: true, // checked per row below, so a short row is a problem, not a crash
    relax_quotes: true,
    skip_empty_lines: false, // blank lines still count as spreadsheet rows
    max_record_size: MAX_RECORD_BYTES,
    on_record: (record: string[]) => {
      // NUL and unpaired surrogates cannot be stored (PostgreSQL refuses them): U+FFFD, like any undecodable byte.
      records.push(record.map(storableText));
      return undefined;
    },
  });
  let parseError: Error | null = null;
  parser.on('error', (err: Error) => {
    parseError = err;
  });
  const rows = new RowProcessor(decoder, summary);

  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      summary.bytesRead += bytes.length;
      opts.onProgress?.(summary.bytesRead);
      for (const part of decoder.write(bytes)) parser.write(part);
      if (decoder.unsupported !== null) {
        yield rows.unsupportedFile(decoder.unsupported);
        return summary;
      }
      for (const item of rows.take(records)) yield item;
      if (rows.stopped) return finish(summary, decoder);
      const err = parseError ?? parser.errored;
      if (err !== null) {
        yield rows.malformed(err);
        return finish(summary, decoder);
      }
    }
    for (const part of decoder.end()) parser.write(part);
    if (decoder.unsupported !== null) {
      yield rows.unsupportedFile(decoder.unsupported);
      return summary;
    }
    parser.end();
    try {
      await finished(parser, { readable: false });
    } catch (err) {
      parseError ??= err instanceof Error ? err : new Error(String(err));
    }
    for (const item of rows.take(records)) yield item;
    if (!rows.stopped) {
      if (parseError !== null) yield rows.malformed(parseError);
      else {
        const header = rows.headerIfMissing();
        if (header !== null) yield header;
      }
    }
    return finish(summary, decoder);
  } finally {
    parser.destroy();
  }
}

function finish(summary: AlumniCsvSummary, decoder: CsvByteDecoder): AlumniCsvSummary {
  summary.encoding = decoder.encoding;
  return summary;
}

/** Header resolution and per-row work; kept apart from the streaming plumbing. */
class RowProcessor {
  stopped = false;
  private rowNumber = 0;
  private width = 0;
  /** Parallel to the file's columns: canonical column or null (ignored). */
  private columnAt: (CanonicalColumn | null)[] = [];
  /** Parallel to CANONICAL_COLUMNS: the file's field index, or -1 when the column is absent. */
  private indexOf: Int32Array = new Int32Array(CANONICAL_COLUMNS.length).fill(-1);
  private labels: Partial<Record<CanonicalColumn, string>> = {};
  private headerSeen = false;
  /** employee_number → first row; a Map (not a Set) so the duplicate problem can name the earlier row. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly decoder: CsvByteDecoder,
    private readonly summary: AlumniCsvSummary,
  ) {}

  /** Drains the parsed records into items (mutates `records` to empty). */
  take(records: string[][]): AlumniCsvItem[] {
    const items: AlumniCsvItem[] = [];
    for (let i = 0; i < records.length && !this.stopped; i++) {
      const item = this.process(records[i]);
      if (item !== null) items.push(item);
    }
    records.length = 0;
    return items;
  }

  unsupportedFile(message: string): AlumniCsvItem {
    this.stopped = true;
    return {
      kind: 'header',
      columns: [],
      problems: [{ row: 1, column: null, code: 'invalid_encoding', message }],
      warnings: [],
    };
  }

  /** The header item for a file that had no records at all. */
  headerIfMissing(): AlumniCsvItem | null {
    if (this.headerSeen) return null;
    this.stopped = true;
    return emptyFile();
  }

  malformed(err: Error): AlumniCsvItem {
    this.stopped = true;
    const row = this.rowNumber + 1;
    const message = describeCsvError(err);
    if (!this.headerSeen)
      return {
        kind: 'header',
        columns: [],
        problems: [{ row, column: null, code: 'malformed_csv', message }],
        warnings: [],
      };
    this.summary.rows++;
    this.summary.invalid++;
    return { kind: 'invalid', row, problems: [{ row, column: null, code: 'malformed_csv', message }] };
  }

  private process(fields: string[]): AlumniCsvItem | null {
    const row = ++this.rowNumber;
    if (!this.headerSeen) return this.header(fields);
    if (isBlank(fields)) {
      this.summary.blank++;
      return null;
    }
    this.summary.rows++;
    const item = this.dataRow(fields, row);
    if (item.kind === 'row') this.summary.valid++;
    else this.summary.invalid++;
    return item;
  }

  private header(fields: string[]): AlumniCsvItem {
    this.headerSeen = true;
    if (isBlank(fields)) {
      this.stopped = true;
      return emptyFile();
    }
    const problems: ImportProblem[] = [];
    const warnings: ImportProblem[] = [];
    const columns: AlumniCsvHeaderColumn[] = [];
    this.width = fields.length;
    this.columnAt = fields.map((raw, index) => {
      const label = cleanHeaderLabel(raw);
      if (this.decoder.sawInvalidBytes && label.includes('\uFFFD')) {
        problems.push({
          row: 1,
          column: label,
          code: 'invalid_encoding',
          message: `The header "${label}" contains bytes that are not valid ${encodingName(this.decoder)}.`,
        });
        return null;
      }
      const column = resolveHeader(label);
      if (column === null) {
        warnings.push({
          row: 1,
          column: label,
          code: 'unknown_column',
          message: `Unknown column "${label}" is ignored.`,
        });
        return null;
      }
      const first = this.labels[column];
      if (first !== undefined) {
        problems.push({
          row: 1,
          column: label,
          code: 'duplicate_column',
          message: `"${label}" is the same column as "${first}" (${column}); keep only one.`,
        });
        return null;
      }
      this.labels[column] = label;
      this.indexOf[CANONICAL_COLUMNS.indexOf(column)] = index;
      columns.push({ column, label });
      return column;
    });
    for (const column of REQUIRED_COLUMNS) {
      if (this.labels[column] === undefined) {
        problems.push({
          row: 1,
          column,
          code: 'missing_column',
          message: `Required column ${column} is missing.`,
        });
      }
    }
    if (problems.length > 0) this.stopped = true;
    return { kind: 'header', columns, problems, warnings };
  }

  private dataRow(fields: string[], row: number): AlumniCsvItem {
    if (fields.length !== this.width) {
      const message = `Expected ${this.width} fields as in the header, found ${fields.length} (check commas and quotes).`;
      return { kind: 'invalid', row, problems: [{ row, column: null, code: 'wrong_field_count', message }] };
    }
    let encodingProblems: ImportProblem[] | null = null;
    // Only scanned once the decoder has seen a bad byte: clean files pay nothing.
    if (this.decoder.sawInvalidBytes) {
      for (let i = 0; i < fields.length; i++) {
        const column = this.columnAt[i];
        if (column === null || !fields[i].includes('\uFFFD')) continue;
        const label = this.labels[column] ?? column;
        const message = `${label} contains bytes that are not valid ${encodingName(this.decoder)}.`;
        (encodingProblems ??= []).push({ row, column: label, code: 'invalid_encoding', message });
      }
    }
    const raw = toRawRow(fields, this.indexOf);
    // Undecodable cells would also fail validation; reporting both would bury the real cause.
    const result =
      encodingProblems === null ? validateAlumnusRow(raw, row, this.labels) : { problems: encodingProblems };
    const problems: ImportProblem[] = 'problems' in result ? result.problems : [];
    const employeeNumber =
      'record' in result ? result.record.employeeNumber : normalizeEmployeeNumber(raw.employee_number);
    if (employeeNumber !== null) {
      const firstRow = this.seen.get(employeeNumber);
      if (firstRow === undefined) this.seen.set(employeeNumber, row);
      else {
        const column = this.labels.employee_number ?? 'employee_number';
        problems.push({
          row,
          column,
          code: 'duplicate_employee_number',
          message: `Employee number ${employeeNumber} already appears on row ${firstRow}.`,
        });
      }
    }
    if (problems.length > 0 || !('record' in result)) return { kind: 'invalid', row, problems };
    return { kind: 'row', row, record: result.record };
  }
}

/**
 * One object literal with a fixed shape (not keyed stores in a loop): the validator's property reads stay
 * monomorphic, which matters at a million rows.
 */
function toRawRow(fields: readonly string[], at: Int32Array): AlumnusRawRow {
  const get = (i: number): string | undefined => (i < 0 ? undefined : fields[i]);
  return {
    employee_number: get(at[0]),
    family_name: get(at[1]),
    given_name: get(at[2]),
    family_name_kana: get(at[3]),
    given_name_kana: get(at[4]),
    previous_family_names: get(at[5]),
    birth_date: get(at[6]),
    emails: get(at[7]),
    phones: get(at[8]),
    hire_date: get(at[9]),
    leave_date: get(at[10]),
    departure_reason: get(at[11]),
    rehire_recommendation: get(at[12]),
    department: get(at[13]),
    job_title: get(at[14]),
    job_level: get(at[15]),
    last_base_salary: get(at[16]),
    performance_ratings: get(at[17]),
    skills: get(at[18]),
    network_opt_in: get(at[19]),
  };
}

function emptyFile(): AlumniCsvItem {
  return {
    kind: 'header',
    columns: [],
    problems: [
      {
        row: 1,
        column: null,
        code: 'empty_file',
        message: 'The file is empty: the first row must be the header.',
      },
    ],
    warnings: [],
  };
}

/** Fast for the common row: the first field of a data row is the employee number. */
function isBlank(fields: readonly string[]): boolean {
  if (fields[0].trim() !== '') return false;
  for (let i = 1; i < fields.length; i++) if (fields[i].trim() !== '') return false;
  return true;
}

function encodingName(decoder: CsvByteDecoder): string {
  return decoder.encoding === 'cp932' ? 'Shift_JIS (CP932)' : 'UTF-8';
}

const CSV_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'A quoted field starting in this row is never closed.',
  CSV_INVALID_CLOSING_QUOTE:
    'A quoted field is followed by other characters; a quote inside a quoted field must be doubled ("").',
  CSV_MAX_RECORD_SIZE: 'This row is longer than 1 MB; a quote is probably not closed.',
};

function describeCsvError(err: Error): string {
  const code = (err as Partial<CsvError>).code;
  return (
    (code !== undefined ? CSV_ERROR_MESSAGES[code] : undefined) ??
    `The CSV cannot be parsed from this row on (${err.message}).`
  );
}
