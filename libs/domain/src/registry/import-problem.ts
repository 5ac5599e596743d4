// The problem vocabulary of registry imports; HR sees these codes next to row and column, so they are stable API.

export type ImportProblemCode =
  // Cell validation (validateAlumnusRow)
  | 'required'
  | 'invalid_date'
  | 'leave_before_hire'
  | 'invalid_enum'
  | 'invalid_integer'
  | 'invalid_rating'
  | 'invalid_boolean'
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_kana'
  // File level (the CSV reader)
  | 'empty_file'
  | 'missing_column'
  | 'duplicate_column'
  | 'unknown_column'
  | 'wrong_field_count'
  | 'malformed_csv'
  | 'duplicate_employee_number'
  | 'invalid_encoding';

export interface ImportProblem {
  /** Row as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  readonly row: number;
  /** The header text as written in the file, or the canonical column name; null when the whole row/file is concerned. */
  readonly column: string | null;
  readonly code: ImportProblemCode;
  readonly message: string;
}
