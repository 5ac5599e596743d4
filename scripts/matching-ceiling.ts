/*
 * How far found_recall could go on a data set within a review budget, to tell "the matcher misses it" from "the
 * application does not say it". Generous on purpose, so a matcher can only stay below it:
 *  - every returnee whose application shares an identifier or the birth date with their own record (e-mail,
 *    phone, employee number, read as the matcher reads them), or whom the run found through one, is counted as
 *    found without spending a review (a surname change with only the birth date and given name still needs one);
 *  - the whole budget (share × applicants) goes to the other applicants whose best candidate agrees on nothing
 *    but names, best score first (name rarity; ranking them by which fields agree instead, calibrated on other
 *    sets, found no more: docs/matching-accuracy.md, tenth round), each counted when that candidate is right.
 * "tighter" also charges the budget with the reviews the run spent where an identifier or the birth date agreed.
 *
 *   npm run --silent bench:matching -- --alumni DIR/alumni.csv --applicants DIR/applicants.jsonl --out D.jsonl --explain
 *   npx tsx scripts/matching-ceiling.ts --set DIR --decisions D.jsonl [--share 0.05]
 */
import { join } from 'node:path';
import {
  normaliseBirthDate,
  normaliseEmail,
  normaliseEmployeeNumber,
  normalisePhone,
  type AlumnusIdentity,
  type ApplicantIdentity,
} from '../libs/domain/src/matching';
import { loadAlumni, loadTruth, readJsonLines, toApplicant, type ApplicantRow } from './matching-set-files';

interface Decision {
  id: string;
  decision: 'match' | 'review' | 'none';
  candidates?: { employee_number: string; score: number; evidence: string }[];
}

const IDENTIFYING_FIELDS = ['birth_date', 'email', 'phone', 'employee_number'] as const;

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : null;
}

const present = <T>(xs: (T | null)[]): T[] => xs.filter((x): x is T => x !== null);

/** Whether the application shares an e-mail, phone, employee number or birth date with the record. */
function sharesIdentifier(p: ApplicantIdentity, a: AlumnusIdentity): boolean {
  const emails = (xs: readonly string[]): Set<string> =>
    new Set(present(xs.map((e) => normaliseEmail(e)?.canonical ?? null)));
  const phones = (xs: readonly string[]): Set<string> => new Set(present(xs.map((x) => normalisePhone(x))));
  const own = { emails: emails(a.emails), phones: phones(a.phones) };
  if ([...emails(p.emails ?? [])].some((e) => own.emails.has(e))) return true;
  if ([...phones(p.phones ?? [])].some((x) => own.phones.has(x))) return true;
  const number = normaliseEmployeeNumber(p.employeeNumber);
  if (number !== null && number === normaliseEmployeeNumber(a.employeeNumber)) return true;
  const born = normaliseBirthDate(p.birthDate);
  return born !== null && born === normaliseBirthDate(a.birthDate);
}

/** The run's best candidate agreed (fully or partly) on an identifier or the birth date. */
function restsOnIdentifier(evidence: string): boolean {
  return IDENTIFYING_FIELDS.some((f) => evidence.includes(`${f}:agree`) || evidence.includes(`${f}:partial`));
}

function main(): void {
  const set = arg('set');
  const decisionsPath = arg('decisions');
  if (!set || !decisionsPath) {
    process.stderr.write('usage: matching-ceiling.ts --set DIR --decisions D.jsonl [--share 0.05]\n');
    process.exit(2);
  }
  const share = Number(arg('share') ?? 0.05);
  const alumni = new Map(loadAlumni(join(set, 'alumni.csv')).map((a) => [a.employeeNumber, a]));
  const applicants = new Map(
    readJsonLines<ApplicantRow>(join(set, 'applicants.jsonl')).map((r) => [r.id, toApplicant(r)]),
  );
  const truth = loadTruth(join(set, 'truth.jsonl'));
  const decisions = new Map(readJsonLines<Decision>(decisionsPath).map((d) => [d.id, d]));

  let returnees = 0;
  let free = 0;
  let identifierReviews = 0;
  const nameOnly: { score: number; right: boolean }[] = [];
  for (const [id, own] of truth) {
    const d = decisions.get(id);
    if (!d?.candidates) throw new Error(`no candidates for ${id}: run bench:matching with --explain`);
    const best = d.candidates[0];
    const right = own !== null && best?.employee_number === own;
    const record = own === null ? undefined : alumni.get(own);
    const applicant = applicants.get(id);
    if (!applicant) throw new Error(`applicant ${id} is in the truth but not in applicants.jsonl`);
    if (own !== null) returnees++;
    const onIdentifier = best !== undefined && restsOnIdentifier(best.evidence);
    if (d.decision === 'review' && onIdentifier) identifierReviews++;
    if (record && (sharesIdentifier(applicant, record) || (right && onIdentifier))) {
      free++;
      continue;
    }
    if (best && !onIdentifier) nameOnly.push({ score: best.score, right });
  }
  nameOnly.sort((x, y) => y.score - x.score);
  const budget = Math.floor(share * truth.size);
  const rightWithin = (slots: number): number =>
    nameOnly.slice(0, Math.max(slots, 0)).filter((x) => x.right).length;
  const found = (d: Decision, own: string | null): boolean =>
    own !== null && d.decision !== 'none' && d.candidates?.[0]?.employee_number === own;
  const run = [...truth].filter(([id, own]) => found(decisions.get(id) as Decision, own)).length;
  const f = (x: number): string => (x / Math.max(returnees, 1)).toFixed(4);
  process.stdout.write(
    `${JSON.stringify({
      applicants: truth.size,
      returnees,
      budget,
      foundByIdentifier: free,
      nameOnlyApplicants: nameOnly.length,
      nameOnlyRight: nameOnly.filter((x) => x.right).length,
      identifierReviews,
      run: f(run),
      ceiling: f(free + rightWithin(budget)),
      tighter: f(free + rightWithin(budget - identifierReviews)),
    })}\n`,
  );
}

main();
