import fc from 'fast-check';

/** Strings that have broken things before: NUL, lone surrogates, huge numbers, quotes, separators, RTL marks. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\ud800',
    '\udc00',
    'a\u0000b',
    '\ufeff',
    '\u202e',
    '"',
    '\\',
    '\\u0000',
    ',',
    '\n',
    '\r\n',
    '',
    ' ',
    '1e309',
    '-0',
    'NaN',
    '__proto__',
    'constructor',
    '9'.repeat(400),
    '日本語',
    '😀',
  ),
);

/** Any JSON-ish value, nasty strings included. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 4 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], op: 'replace' | 'delete', value: unknown): unknown {
  if (path.length === 0) return op === 'delete' ? {} : value;
  const copy: unknown = Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) };
  const [head, ...rest] = path;
  const container = copy as Record<string | number, unknown>;
  if (rest.length === 0) {
    if (op === 'delete') delete container[head];
    else container[head] = value;
  } else {
    container[head] = setAt(container[head], rest, op, value);
  }
  return copy;
}

/** A JSON seed of a documented shape with 1–4 of its values replaced or removed (any depth, the root included). */
export function mutatedJson(seed: unknown): fc.Arbitrary<unknown> {
  const all = paths(seed);
  const edit = fc.record({
    at: fc.nat({ max: all.length - 1 }),
    op: fc.constantFrom<'replace' | 'delete'>('replace', 'replace', 'delete'),
    value: nastyValue,
  });
  return fc
    .array(edit, { minLength: 1, maxLength: 4 })
    .map((edits) => edits.reduce<unknown>((doc, e) => setAt(doc, all[e.at], e.op, e.value), seed));
}

/** Raw bytes: the mutated JSON serialised, sometimes cut short or with bytes spliced in (invalid UTF-8 too). */
export function mutatedBody(seed: unknown): fc.Arbitrary<Buffer> {
  return fc
    .tuple(mutatedJson(seed), fc.nat(), fc.uint8Array({ maxLength: 8 }), fc.nat({ max: 9 }))
    .map(([doc, cut, bytes, how]) => {
      const text = Buffer.from(JSON.stringify(doc) ?? 'null', 'utf8');
      if (how === 0) return text.subarray(0, cut % Math.max(1, text.length));
      if (how === 1) {
        const at = cut % Math.max(1, text.length);
        return Buffer.concat([text.subarray(0, at), Buffer.from(bytes), text.subarray(at)]);
      }
      return text;
    });
}

/** Runs `fn` over `items` with at most `width` in flight. */
export async function pool<T>(
  items: readonly T[],
  width: number,
  fn: (item: T, i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}
