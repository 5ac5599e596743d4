/*
 * Offline evaluation of the returnee matcher without a database: builds the same key index, frequency
 * table and company-domain set the persistence layer builds, then matches every applicant.
 *
 *   npx tsx scripts/matching-offline-eval.ts --alumni ALUMNI.csv --applicants APPLICANTS.jsonl --out DECISIONS.jsonl
 *     [--half even|odd]   only applicants whose id hashes to that parity (develop on even, check on odd)
 *     [--explain FILE]    also write the top candidates with evidence per applicant
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  alumnusFrequencyKeys,
  alumnusMatchKeys,
  applicantProbeKeys,
  detectCorporateDomains,
  frequencyKeysForApplicant,
  matchApplicant,
  normaliseEmail,
  type MatchContext,
  type MatchStatistics,
} from '../libs/domain/src/matching';
import { loadAlumni, readJsonLines, toApplicant, type ApplicantRow } from './matching-set-files';

interface Args {
  alumni: string;
  applicants: string;
  out: string;
  half: 'even' | 'odd' | null;
  explain: string | null;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | null => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && i + 1 < argv.length ? argv[i + 1] : null;
  };
  const alumni = get('alumni');
  const applicants = get('applicants');
  const out = get('out');
  if (!alumni || !applicants || !out) {
    process.stderr.write(
      'usage: matching-offline-eval.ts --alumni A.csv --applicants P.jsonl --out D.jsonl [--half even|odd] [--explain F]\n',
    );
    process.exit(2);
  }
  const half = get('half');
  if (half !== null && half !== 'even' && half !== 'odd') throw new Error('--half must be even or odd');
  return { alumni, applicants, out, half, explain: get('explain') };
}

/** Development split: first byte of SHA-1(id) even or odd. */
function idParity(id: string): 'even' | 'odd' {
  return createHash('sha1').update(id).digest()[0] % 2 === 0 ? 'even' : 'odd';
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const alumni = loadAlumni(args.alumni);

  // As the import path does: count alumni per e-mail domain, then derive the company domains.
  const domainCounts = new Map<string, number>();
  for (const a of alumni) {
    const domains = new Set(a.emails.map((e) => normaliseEmail(e)?.domain).filter((d): d is string => !!d));
    for (const d of domains) domainCounts.set(d, (domainCounts.get(d) ?? 0) + 1);
  }
  const ctx: MatchContext = { corporateEmailDomains: detectCorporateDomains(domainCounts, alumni.length) };

  const index = new Map<string, number[]>();
  const freq = new Map<string, number>();
  alumni.forEach((a, i) => {
    for (const k of alumnusMatchKeys(a, ctx)) {
      const bucket = index.get(k);
      if (bucket) bucket.push(i);
      else index.set(k, [i]);
    }
    for (const k of alumnusFrequencyKeys(a)) freq.set(k, (freq.get(k) ?? 0) + 1);
  });
  const tIndex = performance.now();
  process.stderr.write(
    `alumni ${alumni.length}, index keys ${index.size}, corporate domains [${[...ctx.corporateEmailDomains].join(', ')}], build ${(tIndex - t0).toFixed(0)} ms\n`,
  );

  const rows = readJsonLines<ApplicantRow>(args.applicants).filter(
    (r) => args.half === null || idParity(r.id) === args.half,
  );

  const out: string[] = [];
  const explain: string[] = [];
  const sizes: number[] = [];
  const times: number[] = [];
  const counts = { match: 0, review: 0, none: 0 };
  for (const r of rows) {
    const started = performance.now();
    const p = toApplicant(r);
    // One lookup for candidates and one for the name frequencies, as the DB layer does.
    const ids = new Set<number>();
    for (const k of applicantProbeKeys(p, ctx)) for (const i of index.get(k) ?? []) ids.add(i);
    const fetched = new Map(frequencyKeysForApplicant(p).map((k) => [k, freq.get(k) ?? 0]));
    const stats: MatchStatistics = {
      alumniCount: alumni.length,
      // Only pre-fetched keys are visible, so a missing key in frequencyKeysForApplicant shows up here.
      frequency: (k) => fetched.get(k) ?? 0,
    };
    const decision = matchApplicant(
      p,
      [...ids].map((i) => alumni[i]),
      stats,
      ctx,
    );
    times.push(performance.now() - started);
    sizes.push(ids.size);
    counts[decision.decision]++;
    out.push(
      JSON.stringify({
        id: r.id,
        decision: decision.decision,
        employee_number: decision.employeeNumber,
        score: decision.score,
      }),
    );
    if (args.explain)
      explain.push(JSON.stringify({ id: r.id, ...decision, candidates: decision.candidates.slice(0, 3) }));
  }
  writeFileSync(args.out, out.join('\n') + (out.length ? '\n' : ''));
  if (args.explain) writeFileSync(args.explain, explain.join('\n') + '\n');

  const s = [...sizes].sort((a, b) => a - b);
  const t = [...times].sort((a, b) => a - b);
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : 0);
  process.stderr.write(
    [
      `applicants ${rows.length}${args.half ? ` (${args.half} half)` : ''}: match ${counts.match}, review ${counts.review}, none ${counts.none}`,
      `candidate set size: mean ${mean(sizes).toFixed(2)}, p99 ${percentile(s, 0.99)}, max ${s[s.length - 1] ?? 0}`,
      `matching time per applicant (keys + lookup + scoring): mean ${mean(times).toFixed(3)} ms, p99 ${percentile(t, 0.99).toFixed(3)} ms, max ${(t[t.length - 1] ?? 0).toFixed(3)} ms`,
      '',
    ].join('\n'),
  );
}

main();
