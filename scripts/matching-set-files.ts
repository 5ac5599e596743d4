/*
 * Reading a matching set's files (alumni.csv, applicants.jsonl, truth.jsonl: ../shared/spec/matching.md) into
 * the domain's identities, for the evaluation scripts.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { AlumnusIdentity, ApplicantIdentity } from '../libs/domain/src/matching';

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

const optional = (v: string | undefined): string | null => (v && v.trim() ? v.trim() : null);

export function loadAlumni(path: string): AlumnusIdentity[] {
  const rows = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return rows.map((r) => ({
    employeeNumber: r.employee_number ?? '',
    familyName: r.family_name ?? '',
    givenName: r.given_name ?? '',
    familyNameKana: optional(r.family_name_kana),
    givenNameKana: optional(r.given_name_kana),
    previousFamilyNames: list(r.previous_family_names),
    birthDate: optional(r.birth_date),
    emails: list(r.emails),
    phones: list(r.phones),
  }));
}

export interface ApplicantRow {
  id: string;
  first_name?: string | null;
  last_name?: string | null;
  first_name_kana?: string | null;
  last_name_kana?: string | null;
  emails?: string[];
  phones?: string[];
  birth_date?: string | null;
  employee_number?: string | null;
}

export function toApplicant(r: ApplicantRow): ApplicantIdentity {
  return {
    firstName: r.first_name ?? null,
    lastName: r.last_name ?? null,
    firstNameKana: r.first_name_kana ?? null,
    lastNameKana: r.last_name_kana ?? null,
    emails: r.emails ?? [],
    phones: r.phones ?? [],
    birthDate: r.birth_date ?? null,
    employeeNumber: r.employee_number ?? null,
  };
}

/** One JSON object per non-empty line. */
export function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** truth.jsonl as applicant id → the former employee they are (null: not a returnee). */
export function loadTruth(path: string): Map<string, string | null> {
  return new Map(
    readJsonLines<{ id: string; employee_number: string | null }>(path).map((t) => [t.id, t.employee_number]),
  );
}
