/**
 * Match evidence about fields only HR may match on (security.md: birth date). Outside HR such evidence is left
 * out whatever its outcome: even "missing" says whether the registry holds the value.
 */
const SENSITIVE_EVIDENCE_FIELDS: ReadonlySet<string> = new Set(['birth_date']);

export function isSensitiveEvidenceField(field: string): boolean {
  return SENSITIVE_EVIDENCE_FIELDS.has(field);
}

/** The evidence list a viewer may see: all of it for HR, without sensitive fields for anyone else. */
export function evidenceForViewer<E extends { field: string }>(evidence: readonly E[], hr: boolean): E[] {
  return hr ? [...evidence] : evidence.filter((e) => !isSensitiveEvidenceField(e.field));
}
