// Compares the shape of a JSON value with a documented example: field names and JSON types, recursively.
// The documented example is the reference: every field it has must be present with its type; fields it
// lacks are allowed (extras). Arrays are compared by their first element. `null` in the documented example
// means "may be null", so any actual type is accepted there; `null` in the actual value is accepted only
// where the documented example has null.

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export interface ShapeDifference {
  /** JSONPath-like location, e.g. `$[0].current_stage.id`. */
  path: string;
  problem: 'missing' | 'type';
  expected: JsonType;
  actual?: JsonType;
}

export function jsonType(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'boolean' || t === 'number' || t === 'string' || t === 'object') return t;
  throw new Error(`not a JSON value: ${t}`);
}

/** Every place where `actual` lacks a field of `documented` or has a different JSON type. */
export function compareShape(documented: unknown, actual: unknown, path = '$'): ShapeDifference[] {
  const expected = jsonType(documented);
  if (expected === 'null') return [];
  const got = jsonType(actual);
  if (got !== expected) return [{ path, problem: 'type', expected, actual: got }];
  if (expected === 'array') {
    const docs = documented as unknown[];
    const acts = actual as unknown[];
    // An empty documented array says nothing about its elements; an empty actual one cannot be checked.
    if (docs.length === 0 || acts.length === 0) return [];
    return compareShape(docs[0], acts[0], `${path}[0]`);
  }
  if (expected === 'object') {
    const doc = documented as Record<string, unknown>;
    const act = actual as Record<string, unknown>;
    const out: ShapeDifference[] = [];
    for (const key of Object.keys(doc)) {
      const at = `${path}.${key}`;
      if (!Object.prototype.hasOwnProperty.call(act, key)) {
        out.push({ path: at, problem: 'missing', expected: jsonType(doc[key]) });
      } else {
        out.push(...compareShape(doc[key], act[key], at));
      }
    }
    return out;
  }
  return [];
}

/** One line per difference, for assertion messages. */
export function describeDifferences(diffs: ShapeDifference[]): string[] {
  return diffs.map((d) =>
    d.problem === 'missing'
      ? `${d.path}: missing (documented as ${d.expected})`
      : `${d.path}: ${d.actual} where the documented example has ${d.expected}`,
  );
}
