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

/**
 * Takes tags out of the ones on the record, compared case-insensitively; every other tag stays exactly as it
 * is. `removed` lists the existing spellings that go.
 */
export function withoutTags(
  existing: readonly string[],
  unwanted: readonly string[],
): { kept: string[]; removed: string[] } {
  const drop = new Set(unwanted.map((t) => t.toLowerCase()));
  const kept: string[] = [];
  const removed: string[] = [];
  for (const tag of existing) (drop.has(tag.toLowerCase()) ? removed : kept).push(tag);
  return { kept, removed };
}
