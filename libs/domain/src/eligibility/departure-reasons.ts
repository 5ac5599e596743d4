// Eligibility's view of the registry's departure reason codes (shared/spec/alumni-csv.md). The registry
// module owns the list, so a code added there is known to the policy validator too.
// Sensitive: HR-only, never in recruiter text.
import { DEPARTURE_REASONS, parseDepartureReason, type DepartureReason } from '../registry/departure-reasons';

export type DepartureReasonCode = DepartureReason;

export const DEPARTURE_REASON_CODES: readonly DepartureReasonCode[] = DEPARTURE_REASONS.map((r) => r.code);

export const DEPARTURE_REASON_LABELS_JA: Readonly<Record<DepartureReasonCode, string>> = Object.fromEntries(
  DEPARTURE_REASONS.map((r) => [r.code, r.label]),
) as Record<DepartureReasonCode, string>;

const CODE_SET: ReadonlySet<string> = new Set(DEPARTURE_REASON_CODES);

export function isDepartureReasonCode(value: unknown): value is DepartureReasonCode {
  return typeof value === 'string' && CODE_SET.has(value);
}

/** Accepts a code or its Japanese label (the CSV accepts both), so evaluation does not depend on who normalised. */
export function toDepartureReasonCode(value: string | null | undefined): DepartureReasonCode | null {
  if (typeof value !== 'string') return null;
  // Fast path for the common, already-normalised case (the dry run calls this per alumnus).
  if (CODE_SET.has(value)) return value as DepartureReasonCode;
  return parseDepartureReason(value);
}
