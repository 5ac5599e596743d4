// The one error dialect for documents people edit (eligibility and fairness policies): every problem has a
// JSON pointer into the submitted document, one machine-readable code from the list below, and a message in
// English and Japanese. REST answers (`details.problems`), the console and the tests all speak it.

/** Every code a document problem may carry. Clients switch on these; add, never rename. */
export const DOCUMENT_PROBLEM_CODES = [
  /** A key that must be present is missing. */
  'required',
  /** A key the schema does not know (usually a typo). */
  'unknown_key',
  /** Wrong JSON type (a string where a number belongs, an array where an object belongs, …). */
  'type',
  /** A number that must be whole is not. */
  'integer',
  /** A number outside its allowed range. */
  'range',
  /** A value that must be one of a fixed list is not. */
  'enum',
  /** An empty string, list or object where at least one value is needed. */
  'empty',
  'too_long',
  /** A string that does not have the required shape (e.g. a tier name). */
  'format',
  'duplicate',
  /** Values that are valid alone but contradict each other. */
  'conflict',
  /** References to names the document (or the product) does not define. */
  'unknown_departure_reason',
  'unknown_tier',
  'unknown_rating',
] as const;

export type DocumentProblemCode = (typeof DOCUMENT_PROBLEM_CODES)[number];

export interface LocalizedText {
  readonly en: string;
  readonly ja: string;
}

export type MessageLanguage = keyof LocalizedText;

export interface DocumentProblem {
  /** JSON pointer (RFC 6901) into the submitted document, e.g. `/rules/minTenureMonths/months`; `''` is the whole document. */
  readonly path: string;
  readonly code: DocumentProblemCode;
  /** The English message (`messages.en`), for clients that show one language. */
  readonly message: string;
  readonly messages: LocalizedText;
}

/** A path as a list of keys and array indexes; `jsonPointer` turns it into the string form. */
export type DocumentPath = readonly (string | number)[];

/** RFC 6901: `~` → `~0`, `/` → `~1`; the empty path is the whole document. */
export function jsonPointer(path: DocumentPath): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function documentProblem(
  path: DocumentPath,
  code: DocumentProblemCode,
  messages: LocalizedText,
): DocumentProblem {
  return { path: jsonPointer(path), code, message: messages.en, messages };
}

/** The message of a problem in the reader's language. */
export function problemMessage(problem: DocumentProblem, lang: MessageLanguage): string {
  return problem.messages[lang];
}
