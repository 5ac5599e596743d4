/** Path-level diff of two JSON documents, for the audit trail of policy changes ("who changed what"). */
export interface DiffEntry {
  path: string;
  before: unknown;
  after: unknown;
}

export function diffDocuments(before: unknown, after: unknown, path = ''): DiffEntry[] {
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].sort().flatMap((k) => diffDocuments(before[k], after[k], `${path}/${k}`));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => diffDocuments(b, after[i], `${path}/${i}`));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '/', before, after }];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
