// Scans a response body seen by a recruiter or hiring manager for anything they may not learn (security.md,
// "Who may learn what"): sensitive field names, and the seeded person's sensitive values in any spelling.
import { DEPARTURE_REASON_CODES, DEPARTURE_REASON_LABELS_JA } from '@comeback/domain';

/** Field names that carry HR-only data; none may appear as a key (or a word) in a non-HR body. */
export const SENSITIVE_FIELD_NAMES = [
  'birthDate',
  'birth_date',
  'departureReason',
  'departure_reason',
  'reasonCode',
  'lastBaseSalary',
  'last_base_salary',
  'priorSalary',
  'priorBaseSalary',
  'priorSalaryAdjustedForWageGrowth',
  'wageGrowthSinceLeaving',
  'performanceRatings',
  'prior_salary',
] as const;

/**
 * Reason codes that never reach a non-HR viewer. Codes that double as a coarse category a hiring manager may
 * see (relocation, study, retirement, other) are words of ordinary text and are not scanned for.
 */
const PUBLIC_CATEGORY_WORDS: ReadonlySet<string> = new Set(['relocation', 'study', 'retirement', 'other']);
export const SENSITIVE_REASON_CODES = DEPARTURE_REASON_CODES.filter((c) => !PUBLIC_CATEGORY_WORDS.has(c));

export interface SensitivePerson {
  birthDate?: string | null;
  salaries?: readonly number[];
  departureReason?: string | null;
}

/** Every spelling of a birth date we might render: ISO, slashes, compact, Japanese. */
function dateSpellings(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  const mi = String(Number(m));
  const di = String(Number(d));
  return [
    iso,
    `${y}/${m}/${d}`,
    `${y}${m}${d}`,
    `${y}年${mi}月${di}日`,
    `${y}年${m}月${d}日`,
    `${y}/${mi}/${di}`,
  ];
}

function salarySpellings(n: number): string[] {
  return [String(n), n.toLocaleString('en-US'), n.toLocaleString('ja-JP'), `${n / 10_000}万`];
}

/** The problems found, empty when the body is clean. */
export function sensitiveFindings(body: unknown, person: SensitivePerson = {}): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const found: string[] = [];
  for (const name of SENSITIVE_FIELD_NAMES) {
    if (new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`).test(text)) found.push(`field name ${name}`);
  }
  for (const code of SENSITIVE_REASON_CODES) {
    if (new RegExp(`(^|[^A-Za-z0-9_])${code}([^A-Za-z0-9_]|$)`).test(text))
      found.push(`departure reason code ${code}`);
  }
  for (const code of SENSITIVE_REASON_CODES) {
    if (text.includes(DEPARTURE_REASON_LABELS_JA[code]))
      found.push(`departure reason label ${DEPARTURE_REASON_LABELS_JA[code]}`);
  }
  if (person.departureReason && text.includes(person.departureReason)) found.push('departure reason value');
  if (person.birthDate) {
    for (const s of dateSpellings(person.birthDate)) if (text.includes(s)) found.push(`birth date ${s}`);
  }
  for (const salary of person.salaries ?? []) {
    for (const s of salarySpellings(salary)) {
      if (new RegExp(`(^|[^0-9])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^0-9]|$)`).test(text))
        found.push(`salary ${s}`);
    }
  }
  return found;
}

/** Fails the test with the list of leaks when a non-HR body contains any sensitive name or value. */
export function expectNoSensitiveData(body: unknown, person: SensitivePerson = {}): void {
  expect(sensitiveFindings(body, person)).toEqual([]);
}
