import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommandRunner, Option } from 'nest-commander';
import {
  CohortRepository,
  CompensationImportService,
  CompensationModule,
  FairnessDryRunService,
  FairnessPolicyService,
  OfferChecksService,
} from '@comeback/compensation';
import { ATS_KINDS } from '@comeback/ats';
import { OutcomesModule } from '@comeback/outcomes';
import { PlatformModule, Principal, TenantService } from '@comeback/platform';
import { createWriteStream } from 'node:fs';
import { DataSource } from 'typeorm';
import { useFreshDatabase } from '../fresh-database';
import { percentile } from '../fixtures/percentile';
import { seededRandom } from '@comeback/fixtures';
import { roundTo } from '../fixtures/round-to';

/** Any ATS kind will do: the benchmark never calls an ATS. */
const BENCH_ATS = ATS_KINDS[0];

interface Options {
  incumbents: number;
  checks: number;
  openOffers: number;
  json?: string;
}

@Module({ imports: [PlatformModule, CompensationModule, OutcomesModule] })
class BenchFairnessServicesModule {}

const FAMILIES = ['engineering', 'sales', 'marketing', 'finance', 'hr', 'operations', 'legal', 'support'];
const LEVELS = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'M1', 'M2', 'M3'];
const LOCATIONS = ['Tokyo', 'Osaka', 'Nagoya', 'Fukuoka', 'Sapporo'];
const RATINGS = ['S', 'A', 'A', 'B', 'B', 'B', 'C', 'D'];
const SNAPSHOT_DATE = '2026-04-01';
const AS_OF = '2026-06-01';

/** Skewed pick: the first entries are the most common (Tokyo, engineering, the middle grades). */
function skewed<T>(items: readonly T[], rnd: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(items.length * rnd() * rnd() * 1.6))];
}

function salaryFor(level: string, years: number, rnd: () => number): number {
  const rank = LEVELS.indexOf(level) + 1;
  return Math.round((3_200_000 + rank * 650_000 + years * 45_000 + (rnd() - 0.5) * 1_200_000) / 1000) * 1000;
}

function date(y: number, rnd: () => number): string {
  return `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
}

/**
 * Fairness at scale: N synthetic incumbents (default 100,000) imported into a fresh database through the product's
 * import path, then the latency of recorded fairness checks (p50/p99 over --checks) and the time of a fairness-policy
 * dry run over --open-offers open offers. Prints one JSON line.
 */
@Command({
  name: 'bench-fairness',
  description:
    'Load N synthetic incumbents (default 100,000); time fairness checks (p50/p99) and a policy dry run',
})
export class BenchFairnessCommand extends CommandRunner {
  async run(_: string[], opts: Options): Promise<void> {
    const say = (s: string) => process.stderr.write(`${s}\n`);
    const cleanup = await useFreshDatabase('benchfair');
    const result: Record<string, unknown> = {
      incumbents: opts.incumbents,
      database: process.env.DATABASE_URL ? 'postgresql' : 'embedded',
    };
    try {
      const app = await NestFactory.createApplicationContext(BenchFairnessServicesModule, {
        logger: ['error', 'warn'],
        abortOnError: false,
      });
      try {
        const tenant = await app.get(TenantService).create({ slug: 'bench', name: 'Benchmark' });
        const hr: Principal = { subject: 'bench', tenantId: tenant.id, role: 'hr_admin', name: 'bench' };
        const rnd = seededRandom(2026);

        const items = Array.from({ length: opts.incumbents }, (_, i) => {
          const level = skewed(LEVELS.slice(1, 7), rnd);
          const hireYear = 1995 + Math.floor(rnd() * 30);
          return {
            employee_key: `P${i}`,
            job_family: skewed(FAMILIES, rnd),
            job_level: level,
            location: skewed(LOCATIONS, rnd),
            base_salary: salaryFor(level, 2026 - hireYear, rnd),
            hire_date: date(hireYear, rnd),
            performance_rating: RATINGS[Math.floor(rnd() * RATINGS.length)],
            gender: rnd() < 0.38 ? 'female' : rnd() < 0.97 ? 'male' : null,
          };
        });
        let t = performance.now();
        await app
          .get(CompensationImportService)
          .importIncumbents(hr, { kind: 'json', items }, { effectiveDate: SNAPSHOT_DATE });
        result.importSeconds = round((performance.now() - t) / 1000);
        say(`imported ${opts.incumbents} incumbents in ${String(result.importSeconds)} s`);

        const targets = FAMILIES.flatMap((f) =>
          LEVELS.flatMap((l) => LOCATIONS.map((loc) => ({ jobFamily: f, jobLevel: l, location: loc }))),
        );
        const imports = app.get(CompensationImportService);
        await imports.importBenchmarks(hr, {
          kind: 'json',
          items: targets.map((x) => {
            const mid = salaryFor(x.jobLevel, 10, () => 0.5);
            return {
              ...x,
              currency: 'JPY',
              p10: mid - 1_200_000,
              p25: mid - 600_000,
              p50: mid,
              p75: mid + 600_000,
              p90: mid + 1_300_000,
              source: 'synthetic',
              effective_date: '2026-01-01',
            };
          }),
        });
        await imports.importBands(hr, {
          kind: 'json',
          items: targets.map((x) => {
            const mid = salaryFor(x.jobLevel, 10, () => 0.5);
            return { ...x, min: mid - 1_500_000, mid, max: mid + 1_700_000, effective_date: '2026-01-01' };
          }),
        });

        // Returnees and their tracked applications (the pipeline's table), one job per target.
        const db = app.get(DataSource);
        const apps = Math.max(opts.openOffers, 1);
        const alumni = Array.from({ length: apps }, (_, i) => {
          const target = targets[Math.floor(rnd() * targets.length)];
          const hireYear = 2005 + Math.floor(rnd() * 12);
          return {
            n: `R${i}`,
            target,
            hire: date(hireYear, rnd),
            leave: date(hireYear + 3 + Math.floor(rnd() * 6), rnd),
            salary: salaryFor(target.jobLevel, 8, rnd),
            rating: RATINGS[Math.floor(rnd() * RATINGS.length)],
          };
        });
        await db.query(
          `INSERT INTO alumni (tenant_id, employee_number, family_name, given_name, hire_date, leave_date, departure_reason, job_level, last_base_salary, performance_ratings)
           SELECT $1, r.n, '山田', '太郎', r.hire::date, r.leave::date, 'voluntary_career', r.level, r.salary, jsonb_build_array(jsonb_build_object('year', 2021, 'rating', r.rating))
           FROM jsonb_to_recordset($2::jsonb) AS r(n text, hire text, leave text, level text, salary bigint, rating text)`,
          [
            tenant.id,
            JSON.stringify(
              alumni.map((a) => ({
                n: a.n,
                hire: a.hire,
                leave: a.leave,
                level: a.target.jobLevel,
                salary: a.salary,
                rating: a.rating,
              })),
            ),
          ],
        );
        await db.query(
          `INSERT INTO tracked_applications (tenant_id, ats, application_id, candidate_id, job_id, outcome, employee_number)
           SELECT $1, $3, 'A' || i, 'C' || i, 'J' || i, 'fast_tracked', 'R' || i FROM generate_series(0, $2::int - 1) AS i`,
          [tenant.id, apps, BENCH_ATS],
        );
        const offers = app.get(OfferChecksService);
        const active0 = await app.get(FairnessPolicyService).active(tenant.id);

        // Open offers: one recorded proposal per application.
        t = performance.now();
        for (let i = 0; i < opts.openOffers; i++) {
          await offers.propose(hr, BENCH_ATS, `A${i}`, {
            target: alumni[i].target,
            yearsOfExperienceAway: Math.floor(rnd() * 5),
            asOf: AS_OF,
          });
        }
        result.openOffers = opts.openOffers;
        result.proposalsSeconds = round((performance.now() - t) / 1000);

        // "What if we offer X?" latency: the whole recorded check (lookups, SQL aggregate, rules, insert, audit).
        const lat: number[] = [];
        for (let i = 0; i < opts.checks; i++) {
          const k = i % apps;
          const amount = Math.round((alumni[k].salary * (0.8 + rnd() * 0.5)) / 1000) * 1000;
          const s = performance.now();
          await offers.check(hr, BENCH_ATS, `A${k}`, amount, { target: alumni[k].target, asOf: AS_OF });
          lat.push(performance.now() - s);
        }
        lat.sort((a, b) => a - b);
        result.checks = lat.length;
        result.checkP50Ms = round(percentile(lat, 0.5));
        result.checkP99Ms = round(percentile(lat, 0.99));
        result.checkP99TargetMs = 50;
        say(
          `fairness check over ${lat.length} checks: p50 ${String(result.checkP50Ms)} ms, p99 ${String(result.checkP99Ms)} ms`,
        );

        // The cohort aggregate alone (one SQL query), for the breakdown.
        const cohorts = app.get(CohortRepository);
        const [snapshot]: { id: string }[] = await db.query(
          'SELECT id FROM incumbent_snapshots WHERE tenant_id = $1',
          [tenant.id],
        );
        const agg: number[] = [];
        let largest = 0;
        for (let i = 0; i < Math.min(opts.checks, 1000); i++) {
          const k = i % apps;
          const s = performance.now();
          const c = await cohorts.aggregate({
            tenantId: tenant.id,
            snapshot: { id: snapshot.id, effectiveDate: SNAPSHOT_DATE },
            target: alumni[k].target,
            offerAmount: alumni[k].salary,
            returneeYears: 6,
            scales: active0.policy,
            minCohort: 5,
          });
          agg.push(performance.now() - s);
          largest = Math.max(largest, c?.n ?? 0);
        }
        agg.sort((a, b) => a - b);
        result.aggregateP50Ms = round(percentile(agg, 0.5));
        result.aggregateP99Ms = round(percentile(agg, 0.99));
        result.largestCohort = largest;

        // Dry run of a policy change that also changes the cohort rules (two aggregates per open offer).
        const policies = app.get(FairnessPolicyService);
        const active = await policies.active(tenant.id);
        const doc = structuredClone(active.policy);
        doc.checks.premiumOverIncumbents.tolerancePercent = 5;
        doc.privacy.minCohort = 10;
        const draft = await policies.createDraft(hr, doc, 'bench');
        t = performance.now();
        const dry = await app
          .get(FairnessDryRunService)
          .dryRun({ tenantId: tenant.id, role: 'hr_admin', name: 'bench-fairness' }, draft.version);
        result.dryRunSeconds = round((performance.now() - t) / 1000);
        result.dryRun = {
          openOffers: dry.openOffers,
          before: dry.before,
          after: dry.after,
          changed: dry.changed,
        };
        say(
          `dry run over ${dry.openOffers} open offers: ${String(result.dryRunSeconds)} s (${dry.changed} changed)`,
        );
      } finally {
        await app.close();
      }
    } finally {
      await cleanup();
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (opts.json) createWriteStream(opts.json).end(JSON.stringify(result, null, 2));
  }

  @Option({ flags: '--incumbents <n>', description: 'incumbents in the snapshot', defaultValue: 100_000 })
  parseIncumbents(v: string): number {
    return Number(v);
  }

  @Option({ flags: '--checks <n>', description: 'fairness checks to time', defaultValue: 2_000 })
  parseChecks(v: string): number {
    return Number(v);
  }

  @Option({
    flags: '--open-offers <n>',
    description: 'open offers for the policy dry run',
    defaultValue: 1_000,
  })
  parseOpenOffers(v: string): number {
    return Number(v);
  }

  @Option({ flags: '--json <file>', description: 'also write the result here' })
  parseJson(v: string): string {
    return v;
  }
}

const round = (n: number) => roundTo(n, 2);
