// The canonical columns of the registry CSV and the header spellings HR systems actually export.
import { looseKey } from './csv-value-parsers';

export const CANONICAL_COLUMNS = [
  'employee_number',
  'family_name',
  'given_name',
  'family_name_kana',
  'given_name_kana',
  'previous_family_names',
  'birth_date',
  'emails',
  'phones',
  'hire_date',
  'leave_date',
  'departure_reason',
  'rehire_recommendation',
  'department',
  'job_title',
  'job_level',
  'last_base_salary',
  'performance_ratings',
  'skills',
  'network_opt_in',
] as const;

export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly CanonicalColumn[] = [
  'employee_number',
  'family_name',
  'given_name',
  'hire_date',
  'leave_date',
  'departure_reason',
];

/** Japanese header aliases; the first one is the spec's spelling, the rest are variants seen in HR exports. */
export const JAPANESE_HEADER_ALIASES: Readonly<Record<CanonicalColumn, readonly string[]>> = {
  employee_number: ['社員番号', '従業員番号', '社員no', '社員コード'],
  family_name: ['姓', '氏'],
  given_name: ['名'],
  family_name_kana: ['姓（カナ）', 'セイ', '姓（フリガナ）', '姓（ふりがな）', '姓カナ', 'フリガナ（姓）'],
  given_name_kana: ['名（カナ）', 'メイ', '名（フリガナ）', '名（ふりがな）', '名カナ', 'フリガナ（名）'],
  previous_family_names: ['旧姓'],
  birth_date: ['生年月日'],
  emails: ['メールアドレス', 'メール'],
  phones: ['電話番号', '電話'],
  hire_date: ['入社日', '入社年月日'],
  leave_date: ['退職日', '退職年月日'],
  departure_reason: ['退職理由'],
  rehire_recommendation: ['再雇用推奨'],
  department: ['部署', '所属'],
  job_title: ['役職'],
  job_level: ['等級'],
  last_base_salary: ['最終基本給（年額）', '最終基本給'],
  performance_ratings: ['人事評価'],
  skills: ['スキル'],
  network_opt_in: ['アルムナイ登録'],
};

// Keyed by looseKey so full-width/half-width parentheses, half-width katakana, case and spacing all match.
const HEADER_LOOKUP: ReadonlyMap<string, CanonicalColumn> = new Map(
  CANONICAL_COLUMNS.flatMap((column) =>
    [column, ...JAPANESE_HEADER_ALIASES[column]].map((spelling) => [looseKey(spelling), column] as const),
  ),
);

/** The header cell as HR wrote it, minus a UTF-8 BOM and surrounding spaces (used as the problem column). */
export function cleanHeaderLabel(raw: string): string {
  return (raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).trim();
}

/** Maps a header cell (canonical name or Japanese alias, any width, BOM-tolerant) to its column; null if unknown. */
export function resolveHeader(raw: string): CanonicalColumn | null {
  const label = cleanHeaderLabel(raw);
  if (label === '') return null;
  return HEADER_LOOKUP.get(looseKey(label)) ?? null;
}
