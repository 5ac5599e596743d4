/**
 * In-memory twin of the matching benchmark for fast tuning: the same key, frequency and scoring
 * functions the database path uses, over an in-memory key index. Not a substitute for
 * `npm run bench:matching` (which goes through the real import and service).
 * usage: npx tsx scripts/matching-offline-eval.ts --alumni A.csv --applicants P.jsonl --out D.jsonl [--explain TRUTH.jsonl]
 */
import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  alumnusFrequencyKeys,
  alumnusMatchKeys,
  AlumnusIdentity,
  applicantProbeKeys,
  detectCorporateDomains,
  emailDomainOf,
  matchApplicant,
  scoreCandidate,
} from '../libs/domain/src/identity-matching/offline-eval-support';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const rows = parse(readFileSync(arg('alumni')!, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
const list = (s: string) => (s ? s.split(';').map((x) => x.trim()).filter(Boolean) : []);
const alumni: AlumnusIdentity[] = rows.map((r) => ({
  employeeNumber: r.employee_number,
  familyName: r.family_name,
  givenName: r.given_name,
  familyNameKana: r.family_name_kana || null,
  givenNameKana: r.given_name_kana || null,
  previousFamilyNames: list(r.previous_family_names),
  birthDate: r.birth_date || null,
  emails: list(r.emails),
  phones: list(r.phones),
}));
const domainCounts = new Map<string, number>();
for (const a of alumni) for (const d of new Set(a.emails.map(emailDomainOf))) domainCounts.set(d, (domainCounts.get(d) ?? 0) + 1);
const ctx = { corporateEmailDomains: detectCorporateDomains(domainCounts, alumni.length) };
const index = new Map<string, number[]>();
const freq = new Map<string, number>();
alumni.forEach((a, i) => {
  for (const k of alumnusMatchKeys(a, ctx)) index.set(k, [...(index.get(k) ?? []), i]);
  for (const k of alumnusFrequencyKeys(a)) freq.set(k, (freq.get(k) ?? 0) + 1);
});
const stats = { alumniCount: alumni.length, frequency: (k: string) => freq.get(k) ?? 0 };
const truth = arg('explain')
  ? new Map(readFileSync(arg('explain')!, 'utf8').split('\n').filter(Boolean).map((l) => { const t = JSON.parse(l) as { id: string; kind: string; employee_number: string | null }; return [t.id, t]; }))
  : null;

const out: string[] = [];
const dump: string[] = [];
const sizes: number[] = [];
for (const line of readFileSync(arg('applicants')!, 'utf8').split('\n').filter(Boolean)) {
  const a = JSON.parse(line) as Record<string, unknown> & { id: string };
  const p = {
    firstName: a.first_name as string, lastName: a.last_name as string, firstNameKana: a.first_name_kana as string, lastNameKana: a.last_name_kana as string,
    emails: (a.emails as string[]) ?? [], phones: (a.phones as string[]) ?? [], birthDate: a.birth_date as string, employeeNumber: a.employee_number as string,
  };
  const hits = new Map<number, number>();
  for (const k of applicantProbeKeys(p, ctx)) for (const i of index.get(k) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
  const cands = [...hits.entries()].sort((x, y) => y[1] - x[1]).slice(0, 200).map(([i]) => alumni[i]);
  sizes.push(cands.length);
  const d = matchApplicant(p, cands, stats, ctx);
  out.push(JSON.stringify({ id: a.id, decision: d.decision, employee_number: d.employeeNumber, score: d.score }));
  if (process.env.DUMP) {
    const all = cands.map((c) => scoreCandidate(p, c, stats, ctx)).sort((x, y) => y.score - x.score);
    dump.push(JSON.stringify({ id: a.id, top: all.slice(0, 2).map((c) => [c.employeeNumber, c.score, c.corroborated]), ev: all[0]?.evidence.filter((e) => e.field !== 'prior').map((e) => `${e.field}:${e.outcome}`).join(',') }));
  }
  const t = truth?.get(a.id);
  if (t && process.env.SHOW && (t.kind === process.env.SHOW) && (d.decision !== (t.employee_number ? 'match' : 'none') || d.employeeNumber !== t.employee_number)) {
    const truthAlumnus = alumni.find((x) => x.employeeNumber === t.employee_number);
    console.log(JSON.stringify({ applicant: a, decision: d.decision, top: d.candidates.slice(0, 2), truth: truthAlumnus ?? null }));
  }
}
writeFileSync(arg('out')!, out.join('\n') + '\n');
if (process.env.DUMP) writeFileSync(process.env.DUMP, dump.join('\n') + '\n');
sizes.sort((x, y) => x - y);
process.stderr.write(`candidates: mean ${(sizes.reduce((s, x) => s + x, 0) / sizes.length).toFixed(1)}, p99 ${sizes[Math.floor(sizes.length * 0.99)]}, max ${sizes[sizes.length - 1]}\n`);
