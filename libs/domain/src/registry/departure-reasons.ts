// Departure reason codes of the registry CSV with their Japanese labels (shared/spec/alumni-csv.md).
import { buildEnumLookup } from './csv-value-parsers';

export const DEPARTURE_REASONS = [
  { code: 'voluntary_career', label: '転職・キャリア' },
  { code: 'childcare', label: '育児' },
  { code: 'caregiving', label: '介護' },
  { code: 'relocation', label: '転居・配偶者の転勤' },
  { code: 'study', label: '留学・進学' },
  { code: 'health', label: '病気・療養' },
  { code: 'contract_end', label: '契約満了' },
  { code: 'restructuring', label: '会社都合' },
  { code: 'performance_dismissal', label: '能力不足による解雇' },
  { code: 'disciplinary_dismissal', label: '懲戒解雇' },
  { code: 'retirement', label: '定年退職' },
  { code: 'other', label: 'その他' },
] as const;

export type DepartureReason = (typeof DEPARTURE_REASONS)[number]['code'];

export const REHIRE_RECOMMENDATIONS = [
  { code: 'yes', label: '推奨' },
  { code: 'conditional', label: '条件付き' },
  { code: 'no', label: '非推奨' },
  { code: 'unknown', label: '不明' },
] as const;

export type RehireRecommendationCode = (typeof REHIRE_RECOMMENDATIONS)[number]['code'];

/** Accepts a code or its Japanese label (also width/space variants); null when unrecognised. */
export const parseDepartureReason: (raw: string) => DepartureReason | null =
  buildEnumLookup(DEPARTURE_REASONS);

/** Accepts a code, its Japanese label, or common yes/no words; null when unrecognised. */
export const parseRehireRecommendation: (raw: string) => RehireRecommendationCode | null = buildEnumLookup(
  REHIRE_RECOMMENDATIONS,
  { はい: 'yes', 可: 'yes', 条件付: 'conditional', いいえ: 'no', 不可: 'no', 否: 'no' },
);
