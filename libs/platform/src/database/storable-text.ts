// PostgreSQL refuses NUL in `text` and `jsonb` (and `\u0000` escapes in jsonb), and jsonb refuses unpaired UTF-16
// surrogates: a string that holds either makes the INSERT fail. Outside input (webhook bodies, imported files)
// passes through here before it is stored, so such a value is stored changed rather than crashing the request.

const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Anything that might need a change: most text has neither, and is returned as it is without copying. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const SUSPECT = /[\u0000\ud800-\udfff]/u;

/** The text with NUL characters and unpaired surrogates replaced by U+FFFD. */
export function storableText(value: string): string {
  if (!SUSPECT.test(value)) return value;
  return value.split(NUL).join('\ufffd').replace(LONE_SURROGATES, '\ufffd');
}

/** False when PostgreSQL would refuse the text (a NUL or an unpaired surrogate). */
export function isStorableText(value: string): boolean {
  return !value.includes(NUL) && !LONE_SURROGATE.test(value);
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
