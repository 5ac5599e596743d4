// Checks shared by the document validators. Each check reports at most one problem per value (the first
// that applies: missing, then type, then integer, then range …) and returns the value or null.
import {
  documentProblem,
  type DocumentPath,
  type DocumentProblem,
  type DocumentProblemCode,
  type LocalizedText,
} from './document-problems';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "a string", "an array", "null": what a value is, for messages. */
export function describeValue(v: unknown): LocalizedText {
  if (v === null) return { en: 'null', ja: 'null' };
  if (Array.isArray(v)) return { en: 'an array', ja: '配列' };
  const ja: Record<string, string> = {
    string: '文字列',
    number: '数値',
    boolean: '真偽値',
    object: 'オブジェクト',
    undefined: '値なし',
  };
  return { en: `a ${typeof v}`, ja: ja[typeof v] ?? typeof v };
}

/** What a check expected, e.g. `{ en: 'an object', ja: 'オブジェクト' }`. */
export const EXPECTED = {
  object: { en: 'an object', ja: 'オブジェクト' },
  string: { en: 'a string', ja: '文字列' },
  number: { en: 'a number', ja: '数値' },
  array: { en: 'an array', ja: '配列' },
  boolean: { en: 'true or false', ja: 'true または false' },
} as const satisfies Record<string, LocalizedText>;

function quoteList(values: readonly unknown[]): string {
  return values.map((x) => JSON.stringify(x)).join(', ');
}

/** Collects every problem of one document, so the editor sees all its mistakes at once. */
export class DocumentChecker {
  readonly problems: DocumentProblem[] = [];

  add(path: DocumentPath, code: DocumentProblemCode, messages: LocalizedText): void {
    this.problems.push(documentProblem(path, code, messages));
  }

  get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  required(path: DocumentPath): void {
    if (path.length === 0) {
      this.add(path, 'required', { en: 'A document is required.', ja: 'ドキュメントを指定してください。' });
      return;
    }
    const key = String(path[path.length - 1]);
    this.add(path, 'required', { en: `"${key}" is required.`, ja: `「${key}」は必須です。` });
  }

  wrongType(path: DocumentPath, expected: LocalizedText, v: unknown): void {
    const got = describeValue(v);
    this.add(path, 'type', {
      en: `Expected ${expected.en}, got ${got.en}.`,
      ja: `${expected.ja}を指定してください（指定された値: ${got.ja}）。`,
    });
  }

  empty(
    path: DocumentPath,
    messages: LocalizedText = { en: 'Must not be empty.', ja: '空にはできません。' },
  ): void {
    this.add(path, 'empty', messages);
  }

  /**
   * An object with only `allowed` keys and every `required` key present. A missing value (`undefined`) is
   * reported as `required`, anything else that is not an object as `type`.
   */
  object(
    v: unknown,
    path: DocumentPath,
    allowed: readonly string[],
    required: readonly string[] = [],
  ): JsonObject | null {
    if (!isJsonObject(v)) {
      if (v === undefined) this.required(path);
      else this.wrongType(path, EXPECTED.object, v);
      return null;
    }
    for (const key of Object.keys(v)) {
      if (!allowed.includes(key))
        this.add([...path, key], 'unknown_key', {
          en: `Unknown key "${key}". Allowed: ${allowed.join(', ')}.`,
          ja: `「${key}」は使えないキーです。使えるキー: ${allowed.join(', ')}。`,
        });
    }
    for (const key of required) {
      if (v[key] === undefined) this.required([...path, key]);
    }
    return v;
  }

  /** A non-blank string of at most `max` characters. */
  text(v: unknown, path: DocumentPath, max: number): string | null {
    if (typeof v !== 'string') {
      this.wrongType(path, EXPECTED.string, v);
      return null;
    }
    if (v.trim() === '') {
      this.empty(path);
      return null;
    }
    if (v.length > max) {
      this.tooLong(path, max);
      return null;
    }
    return v;
  }

  tooLong(path: DocumentPath, max: number): void {
    this.add(path, 'too_long', { en: `At most ${max} characters.`, ja: `${max}文字以内にしてください。` });
  }

  /** A finite number in [min, max] (whole if `integer`); `undefined` is reported as `required`. */
  number(
    v: unknown,
    path: DocumentPath,
    opts: { min: number; max: number; integer?: boolean },
  ): number | null {
    if (v === undefined) {
      this.required(path);
      return null;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.wrongType(path, EXPECTED.number, v);
      return null;
    }
    if (opts.integer && !Number.isInteger(v)) {
      this.add(path, 'integer', {
        en: `Expected a whole number, got ${v}.`,
        ja: `整数を指定してください（指定された値: ${v}）。`,
      });
      return null;
    }
    if (v < opts.min || v > opts.max) {
      this.add(path, 'range', {
        en: `Must be between ${opts.min} and ${opts.max}, got ${v}.`,
        ja: `${opts.min}〜${opts.max}の範囲で指定してください（指定された値: ${v}）。`,
      });
      return null;
    }
    return v;
  }

  /** A whole number in [min, max]. */
  integer(v: unknown, path: DocumentPath, min: number, max: number): number | null {
    return this.number(v, path, { min, max, integer: true });
  }

  boolean(v: unknown, path: DocumentPath): boolean | null {
    if (typeof v === 'boolean') return v;
    if (v === undefined) this.required(path);
    else this.wrongType(path, EXPECTED.boolean, v);
    return null;
  }

  /** One of a fixed list of values; `undefined` is reported as `required`. */
  oneOf<T extends string | number>(v: unknown, path: DocumentPath, values: readonly T[]): T | null {
    if ((values as readonly unknown[]).includes(v)) return v as T;
    if (v === undefined) {
      this.required(path);
      return null;
    }
    this.enumMismatch(path, values, v);
    return null;
  }

  enumMismatch(path: DocumentPath, values: readonly unknown[], v: unknown): void {
    const got = JSON.stringify(v) ?? 'undefined';
    this.add(path, 'enum', {
      en: `Expected one of ${quoteList(values)}, got ${got}.`,
      ja: `次のいずれかを指定してください: ${quoteList(values)}（指定された値: ${got}）。`,
    });
  }

  duplicate(path: DocumentPath, what: string): void {
    this.add(path, 'duplicate', { en: `"${what}" is listed twice.`, ja: `「${what}」が重複しています。` });
  }

  /**
   * A list of non-blank strings (each at most `max` characters); duplicates are compared through `key`
   * (e.g. a normalisation). Returns null if the list or any item has a problem.
   */
  textList(
    v: unknown,
    path: DocumentPath,
    opts: { nonEmpty: boolean; max: number; key?: (s: string) => string },
  ): string[] | null {
    if (!Array.isArray(v)) {
      this.wrongType(path, EXPECTED.array, v);
      return null;
    }
    if (opts.nonEmpty && v.length === 0) {
      this.empty(path, { en: 'Must list at least one value.', ja: '値を1つ以上指定してください。' });
      return null;
    }
    const out: string[] = [];
    const seen = new Set<string>();
    let ok = true;
    v.forEach((item: unknown, i) => {
      const s = this.text(item, [...path, i], opts.max);
      if (s === null) {
        ok = false;
        return;
      }
      const k = opts.key ? opts.key(s) : s;
      if (seen.has(k)) {
        this.duplicate([...path, i], s);
        ok = false;
      }
      seen.add(k);
      out.push(s);
    });
    return ok ? out : null;
  }
}
