export { readAlumniCsv } from './alumni-csv-reader';
export type {
  AlumniCsvHeaderColumn,
  AlumniCsvItem,
  AlumniCsvSummary,
  ReadAlumniCsvOptions,
} from './alumni-csv-reader';
export { CsvByteDecoder } from './csv-byte-decoder';
export type { CsvEncoding, DetectedCsvEncoding } from './csv-byte-decoder';
