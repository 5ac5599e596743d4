// The document-validation kit: one problem dialect (JSON pointer, code, en/ja message) and shared checks.
export {
  DOCUMENT_PROBLEM_CODES,
  documentProblem,
  jsonPointer,
  problemMessage,
  type DocumentPath,
  type DocumentProblem,
  type DocumentProblemCode,
  type LocalizedText,
  type MessageLanguage,
} from './document-problems';
export { DocumentChecker, describeValue, EXPECTED, isJsonObject, type JsonObject } from './document-checker';
export { diffDocuments, type DiffEntry } from './document-diff';
