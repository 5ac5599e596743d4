/**
 * Merges tags we want into the ones already on the record. Existing tags are kept exactly as they are
 * (spelling, order, even duplicates — they are the recruiter's); wanted tags are added once, compared
 * case-insensitively, in the order given. `added` is what the write will actually change.
 */
export function mergeTags(
  existing: readonly string[],
  wanted: readonly string[],
): { merged: string[]; added: string[] } {
  const seen = new Set(existing.map((t) => t.toLowerCase()));
  const added: string[] = [];
  for (const tag of wanted) {
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(tag);
  }
  return { merged: [...existing, ...added], added };
}
