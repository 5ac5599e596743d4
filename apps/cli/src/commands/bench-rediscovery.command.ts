import { Command, CommandRunner, Option } from 'nest-commander';
import { Readable } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { TenantService } from '@comeback/platform';
import { EligibilityPolicyService } from '@comeback/pipeline';
import { AlumniImportService } from '@comeback/registry';
import { RediscoveryService } from '@comeback/rediscovery';
import { syntheticRegistryLines } from '@comeback/fixtures';
import { openServices } from '../app-context';
import { useFreshDatabase } from '../fresh-database';
import { percentile } from '../fixtures/percentile';
import { roundTo } from '../fixtures/round-to';

interface Options {
  rows: number;
  samples: number;
  json?: string;
}

/** Open jobs the timings rotate through: every synthetic department, at several levels, and one without either. */
const JOBS = [
  { title: 'Backend Engineer', department: '研究開発部', level: 'G3' },
  { title: '法人営業', department: '営業部', level: 'G2' },
  { title: '人事担当', department: '人事部', level: 'G1' },
  { title: '経理', department: '経理部', level: 'G4' },
  { title: '社内SE', department: '情報システム部', level: 'G3' },
  { title: 'Marketing Manager', department: 'マーケティング部', level: 'M1' },
  { title: '経営企画', department: '経営企画部', level: 'G4' },
  { title: 'Customer Success', department: 'カスタマーサクセス部', level: 'G2' },
  { title: 'Generalist', department: null, level: 'G3' },
];

/**
 * Rediscovery at scale: N synthetic former employees (about 40% opted in) imported through the product's import,
 * then the ranking of one open job (SQL prefilter → eligibility under the active policy → fit, in memory) timed
 * over `samples` calls rotating through the jobs above. Prints p50/p95 and the pool sizes.
 */
@Command({
  name: 'bench-rediscovery',
  description: 'Rank N synthetic alumni (default 100,000) for open jobs and report latency p50/p95',
})
export class BenchRediscoveryCommand extends CommandRunner {
  async run(_: string[], opts: Options): Promise<void> {
    const say = (s: string) => process.stderr.write(`${s}\n`);
    const cleanup = await useFreshDatabase('benchredisc');
    const result: Record<string, unknown> = {
      rows: opts.rows,
      database: process.env.DATABASE_URL ? 'postgresql' : 'embedded',
    };
    try {
      const app = await openServices('rediscovery');
      try {
        const tenant = await app.get(TenantService).create({ slug: 'bench', name: 'Benchmark' });
        const principal = { tenantId: tenant.id, role: 'hr_admin' as const, name: 'bench' };
        const t0 = performance.now();
        const report = await app
          .get(AlumniImportService)
          .import(
            principal,
            Readable.from(
              [...syntheticRegistryLines(opts.rows, 7)].map((l) => Buffer.from(`${l}\n`, 'utf8')),
            ),
            {
              mode: 'all-or-nothing',
            },
          );
        result.importedRows = report.rowsImported;
        say(
          `imported ${String(report.rowsImported)} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );

        const { policy } = await app.get(EligibilityPolicyService).active(tenant.id);
        const rediscovery = app.get(RediscoveryService);
        const lat: number[] = [];
        const pools: number[] = [];
        const eligible: number[] = [];
        for (let i = 0; i < opts.samples + JOBS.length; i++) {
          const j = JOBS[i % JOBS.length];
          const job = { jobId: `J${i % JOBS.length}`, applyUrl: null, ...j };
          const s = performance.now();
          const r = await rediscovery.rank(tenant.id, job, policy, { limit: 50 });
          // The first round warms caches and the JIT: not timed.
          if (i < JOBS.length) continue;
          lat.push(performance.now() - s);
          pools.push(r.considered);
          eligible.push(r.eligible);
        }
        lat.sort((a, b) => a - b);
        result.samples = lat.length;
        result.rankP50Ms = round(percentile(lat, 0.5));
        result.rankP95Ms = round(percentile(lat, 0.95));
        result.rankMaxMs = round(lat[lat.length - 1] ?? 0);
        result.poolMedian = [...pools].sort((a, b) => a - b)[Math.floor(pools.length / 2)];
        result.eligibleMedian = [...eligible].sort((a, b) => a - b)[Math.floor(eligible.length / 2)];
        say(
          `rank over ${lat.length} calls: p50 ${String(result.rankP50Ms)} ms, p95 ${String(result.rankP95Ms)} ms (prefiltered pool median ${String(result.poolMedian)}, eligible ${String(result.eligibleMedian)})`,
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

  @Option({ flags: '--rows <n>', description: 'registry size', defaultValue: 100_000 })
  parseRows(v: string): number {
    return Number(v);
  }

  @Option({ flags: '--samples <n>', description: 'rankings to time', defaultValue: 90 })
  parseSamples(v: string): number {
    return Number(v);
  }

  @Option({ flags: '--json <file>', description: 'also write the result here' })
  parseJson(v: string): string {
    return v;
  }
}

const round = (n: number) => roundTo(n, 2);
