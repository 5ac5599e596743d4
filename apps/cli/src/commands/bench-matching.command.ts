import { Command, CommandRunner, Option } from 'nest-commander';
import {
  accuracyReport,
  candidateOdds,
  type ApplicantIdentity,
  type DecisionRecord,
  type ScoredCandidate,
} from '@comeback/domain';
import { TenantService } from '@comeback/platform';
import { AlumniImportService, MatchingService, MatchParametersService } from '@comeback/registry';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { openServices } from '../app-context';
import { useFreshDatabase } from '../fresh-database';
import { percentile } from '../fixtures/percentile';

interface Options {
  alumni: string;
  applicants: string;
  out: string;
  explain?: boolean;
  warmUp?: boolean;
  tenantName?: string;
}

interface ApplicantLine {
  id: string;
  first_name?: string;
  last_name?: string;
  first_name_kana?: string;
  last_name_kana?: string;
  emails?: string[];
  phones?: string[];
  birth_date?: string;
  employee_number?: string;
  work_history?: { company?: string; title?: string; start_date?: string; end_date?: string }[];
}

export function applicantFromLine(l: ApplicantLine): ApplicantIdentity {
  return {
    firstName: l.first_name,
    lastName: l.last_name,
    firstNameKana: l.first_name_kana,
    lastNameKana: l.last_name_kana,
    emails: l.emails ?? [],
    phones: l.phones ?? [],
    birthDate: l.birth_date,
    employeeNumber: l.employee_number,
    ...(l.work_history
      ? {
          workHistory: l.work_history.map((w) => ({
            company: w.company ?? null,
            title: w.title ?? null,
            startDate: w.start_date ?? null,
            endDate: w.end_date ?? null,
          })),
        }
      : {}),
  };
}

function explain(candidates: ScoredCandidate[]): unknown[] {
  return candidates.slice(0, 3).map((c) => ({
    employee_number: c.employeeNumber,
    score: c.score,
    derived: c.derivedWeight ?? 0,
    evidence: c.evidence.map((e) => `${e.field}:${e.outcome}:${e.weight}`).join(' '),
  }));
}

/** `npm run --silent bench:matching -- --alumni A.csv --applicants P.jsonl --out D.jsonl` (matching.md). */
@Command({
  name: 'bench-matching',
  description: 'Import a registry into a fresh database and match a batch of applicants through the service',
})
export class BenchMatchingCommand extends CommandRunner {
  async run(_: string[], opts: Options): Promise<void> {
    const cleanup = await useFreshDatabase('bench');
    const app = await openServices();
    try {
      const tenant = await app
        .get(TenantService)
        .create({ slug: 'bench', name: opts.tenantName ?? 'Benchmark' });
      const actor = { tenantId: tenant.id, role: 'hr_admin' as const, name: 'bench' };
      const t0 = performance.now();
      const report = await app
        .get(AlumniImportService)
        .import(actor, createReadStream(opts.alumni), { mode: 'valid-rows', fileName: opts.alumni });
      const importMs = performance.now() - t0;
      process.stderr.write(
        `import: ${report.rowsImported} rows in ${(importMs / 1000).toFixed(2)} s (${report.rowsRejected} rejected)\n`,
      );

      const matching = app.get(MatchingService);
      if (opts.warmUp) {
        // A tenant that has run a while: its own applicant stream estimated its parameters (EM) and filled the
        // review budget's window. The first pass is that history; only the second is written and scored.
        await matchAll(opts.applicants, (a) => matching.match(tenant.id, applicantFromLine(a)));
        const estimate = await app.get(MatchParametersService).reestimate(tenant.id);
        process.stderr.write(
          `warm-up: parameters ${estimate.source} from ${estimate.pairs} pairs: ${JSON.stringify(estimate.weights)}\n`,
        );
      }
      const out = createWriteStream(opts.out);
      const lat: number[] = [];
      const counts = { match: 0, review: 0, none: 0 };
      const records: DecisionRecord[] = [];
      await matchAll(opts.applicants, async (a) => {
        const s = performance.now();
        const d = await matching.match(tenant.id, applicantFromLine(a));
        lat.push(performance.now() - s);
        counts[d.decision]++;
        records.push({
          decision: d.decision,
          score: d.candidates[0]?.score ?? null,
          verdict: null,
          candidates: d.candidates.map(candidateOdds),
        });
        if (
          !out.write(
            `${JSON.stringify({ id: a.id, decision: d.decision, employee_number: d.employeeNumber, score: Math.round(d.score * 1000) / 1000, ...(opts.explain ? { candidates: explain(d.candidates) } : {}) })}\n`,
          )
        )
          await once(out, 'drain');
      });
      out.end();
      await once(out, 'finish');
      // What the tenant's accuracy report would estimate from these decisions (to set beside score-matching.py).
      const accuracy = accuracyReport(records);
      const est = accuracy.estimated;
      const f = (x: number | null): string => (x === null ? '-' : x.toFixed(4));
      process.stderr.write(
        `report estimate (all ${records.length} decisions): returnee share ${f(est.returneeShare)}, auto_precision ${f(est.autoPrecision)}, review precision ${f(est.reviewPrecision)}, found_recall ${f(est.foundRecall)}, auto_recall ${f(est.autoRecall)}, expected returnees ${est.expectedReturnees}\n`,
      );
      for (const b of accuracy.budgets)
        process.stderr.write(
          `report budget ${b.share}: ${b.reviews} reviews from score ${f(b.reviewFrom)}, found_recall ${f(b.foundRecall)}, review precision ${f(b.reviewPrecision)}, marginal ${f(b.marginalPrecision)}\n`,
        );
      lat.sort((x, y) => x - y);
      process.stderr.write(
        `matched ${lat.length} applicants: ${JSON.stringify(counts)}; latency p50 ${percentile(lat, 0.5).toFixed(2)} ms, p99 ${percentile(lat, 0.99).toFixed(2)} ms, max ${lat[lat.length - 1]?.toFixed(2)} ms\n`,
      );
    } finally {
      await app.close();
      await cleanup();
    }
  }

  @Option({ flags: '--alumni <file>', description: 'registry CSV', required: true })
  parseAlumni(v: string): string {
    return v;
  }

  @Option({ flags: '--applicants <file>', description: 'applicants JSONL', required: true })
  parseApplicants(v: string): string {
    return v;
  }

  @Option({
    flags: '--explain',
    description: 'also write the top candidates and their evidence (for tuning; not part of the contract)',
  })
  parseExplain(): boolean {
    return true;
  }

  @Option({
    flags: '--warm-up',
    description:
      'match every applicant once first, re-estimate the tenant parameters (EM) from that stream, then match again (the run that is written)',
  })
  parseWarmUp(): boolean {
    return true;
  }

  @Option({
    flags: '--tenant-name <name>',
    description: "the company's name (a work-history entry naming it, or its e-mail domain, is compared)",
  })
  parseTenantName(v: string): string {
    return v;
  }

  @Option({ flags: '--out <file>', description: 'decisions JSONL', required: true })
  parseOut(v: string): string {
    return v;
  }
}

async function matchAll(file: string, each: (a: ApplicantLine) => Promise<unknown>): Promise<void> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line.trim()) await each(JSON.parse(line) as ApplicantLine);
  }
}
