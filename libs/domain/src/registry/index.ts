export {
  CANONICAL_COLUMNS,
  JAPANESE_HEADER_ALIASES,
  REQUIRED_COLUMNS,
  cleanHeaderLabel,
  resolveHeader,
} from './alumni-csv-columns';
export type { CanonicalColumn } from './alumni-csv-columns';
export type { AlumnusRecord, PerformanceRating } from './alumnus-record';
export { normalizeEmployeeNumber, validateAlumnusRow } from './alumnus-row-validator';
export type { AlumnusRawRow, AlumnusRowResult, ColumnLabels } from './alumnus-row-validator';
export { parseCsvBoolean, parseCsvDate, parseCsvInteger, splitCsvList } from './csv-value-parsers';
export {
  DEPARTURE_REASONS,
  REHIRE_RECOMMENDATIONS,
  parseDepartureReason,
  parseRehireRecommendation,
} from './departure-reasons';
export type { DepartureReason, RehireRecommendationCode } from './departure-reasons';
export type { ImportProblem, ImportProblemCode } from './import-problem';
