export * from './registry.module';
export * from './alumni/alumni.dto';
export * from './alumni/alumni.service';
export * from './alumni/alumnus.entity';
export * from './imports/alumni-import.service';
export * from './imports/import-run.entity';
export { readAlumniCsv } from './imports/alumni-csv-reader';
export type {
  AlumniCsvHeaderColumn,
  AlumniCsvItem,
  AlumniCsvSummary,
  ReadAlumniCsvOptions,
} from './imports/alumni-csv-reader';
export { CsvByteDecoder } from './imports/csv-byte-decoder';
export type { CsvEncoding, DetectedCsvEncoding } from './imports/csv-byte-decoder';
export * from './matching/matching.service';
export * from './matching/matching.dto';
export * from './matching/match-parameters.service';
export * from './matching/review-score-windows';
export * from './alumni/match-key-rebuild.service';
export * from './alumni/match-key-rebuild.worker';
export type { StoredMatchParameters } from './matching/match-parameters.repository';
export * from './sync/alumni-sync.service';
export { SuppressionHasher } from './erasure/suppression-hasher';
export * from './exit/exit-interview.dto';
export * from './exit/exit-interview.entity';
export * from './exit/exit-interview.service';
export * from './exit/leaver-link.service';
export type { LeaverLang } from './exit/leaver-texts';
export type { RediscoveryPoolRow } from './alumni/alumni.repository';
