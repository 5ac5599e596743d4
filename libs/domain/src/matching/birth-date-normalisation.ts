/** YYYY-MM-DD from YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD (any width, unpadded parts); null if not a real date. */
export function normaliseBirthDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(input.normalize('NFKC').trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type BirthDateComparison = 'agree' | 'partial' | 'disagree';

/**
 * 'partial' = looks like one typing slip: exactly one of year/month/day differs, or day and month swapped.
 * Both inputs must already be normalised.
 */
export function compareBirthDates(a: string, b: string): BirthDateComparison {
  if (a === b) return 'agree';
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  const differing = [ya !== yb, ma !== mb, da !== db].filter(Boolean).length;
  if (differing === 1) return 'partial';
  if (ya === yb && ma === db && da === mb) return 'partial';
  return 'disagree';
}
