/**
 * Workable's tag rules (ats-contracts.md; confirmed by integrators, e.g. developers.getknit.dev): it
 * lower-cases a tag, keeps only what precedes the first whitespace, and ignores tags of 25 characters or
 * more. Sent raw, "Returning Employee" would be stored as "returning" — a different, misleading tag.
 *
 * Our choice: before applying Workable's rules we join words with '_' (which Workable keeps), so the
 * tag keeps its meaning ("returning_employee"). What this function returns is exactly what Workable will
 * store; null means Workable would store nothing, so we never send it.
 */
export const WK_TAG_WORD_JOINER = '_';
export const WK_TAG_MAX_LENGTH_EXCLUSIVE = 25;

export function normaliseWorkableTag(tag: string): string | null {
  const joined = tag.trim().replace(/\s+/g, WK_TAG_WORD_JOINER);
  const stored = workableStoredSpelling(joined);
  return stored;
}

/** What Workable itself does to a tag it receives (null = ignored). */
export function workableStoredSpelling(sent: string): string | null {
  if (sent.length >= WK_TAG_MAX_LENGTH_EXCLUSIVE) return null;
  const cut = sent.toLowerCase().split(/\s/, 1)[0] ?? '';
  return cut === '' ? null : cut;
}
