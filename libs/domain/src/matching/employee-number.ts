/**
 * Comparison form of an employee number: NFKC, upper case, letters/digits only, and the leading letter
 * prefix dropped, because applicants often type the number without it (E012345 → 012345).
 */
export function normaliseEmployeeNumber(input: string | null | undefined): string | null {
  if (!input) return null;
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/gu, '');
  const withoutPrefix = compact.replace(/^[A-Z]+(?=\d)/u, '');
  return withoutPrefix || null;
}
