// PostgreSQL refuses NUL in `text` and `jsonb` (and `\u0000` escapes in jsonb), and jsonb refuses lone UTF-16
// surrogates: a string that holds either makes the INSERT fail. Outside input (webhook bodies, imported files)
// passes through here before it is stored, so such a value is stored changed rather than crashing the request.

const NOT_STORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with NUL characters and lone surrogates replaced by U+FFFD. */
export function storableText(value: string): string {
  return value.replace(NOT_STORABLE, '\ufffd');
}

/** A JSON value with every string (keys included) made storable; other values unchanged. */
export function storableJson<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[storableText(k)] = walk(v);
    return out;
  }
  return value;
}
