import { Command, CommandRunner, Option } from 'nest-commander';
import { TenantService } from '@comeback/platform';
import { AlumniImportService, MatchingService } from '@comeback/registry';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openServices } from '../app-context';
import { useFreshDatabase } from '../fresh-database';
import { percentile } from '../fixtures/percentile';
import { rowRandom, seededRandom, syntheticPerson, syntheticRegistryLines } from '@comeback/fixtures';
import { roundTo } from '../fixtures/round-to';

interface Options {
  rows: number;
  samples: number;
  json?: string;
}

/**
 * Registry at scale: generate N synthetic former employees, time a plain COPY of the file into a bare
 * table (the floor), import it through the product's import path, then time the matcher on that registry.
 */
@Command({
  name: 'bench-registry',
  description:
    'Import N synthetic alumni (default 1,000,000) and measure import time, peak RSS and match latency',
})
export class BenchRegistryCommand extends CommandRunner {
  async run(_: string[], opts: Options): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'comeback-bench-registry-'));
    const file = join(dir, 'alumni.csv');
    const say = (s: string) => process.stderr.write(`${s}\n`);
    try {
      const g0 = performance.now();
      const out = createWriteStream(file);
      for (const line of syntheticRegistryLines(opts.rows, 7))
        if (!out.write(`${line}\n`)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
      say(
        `generated ${opts.rows} rows (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
      );

      const cleanup = await useFreshDatabase('benchreg');
      const result: Record<string, unknown> = {
        rows: opts.rows,
        database: process.env.DATABASE_URL ? 'postgresql' : 'embedded',
      };
      try {
        if (process.env.DATABASE_URL) {
          // The floor: the same bytes COPYed into a bare table without parsing, validation or indexes.
          const c = new Client({ connectionString: process.env.DATABASE_URL });
          await c.connect();
          await c.query(
            `CREATE UNLOGGED TABLE bare_copy (${Array.from({ length: 20 }, (_, i) => `c${i} text`).join(', ')})`,
          );
          const t = performance.now();
          await pipeline(
            createReadStream(file),
            c.query(copyFrom(`COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)),
          );
          result.plainCopySeconds = round((performance.now() - t) / 1000);
          await c.query('DROP TABLE bare_copy');
          await c.end();
          say(`plain COPY: ${String(result.plainCopySeconds)} s`);
        }
        const app = await openServices();
        try {
          const tenant = await app.get(TenantService).create({ slug: 'bench', name: 'Benchmark' });
          const rssBefore = process.memoryUsage().rss;
          let peakRss = rssBefore;
          const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
          const t = performance.now();
          const report = await app
            .get(AlumniImportService)
            .import({ tenantId: tenant.id, role: 'hr_admin', name: 'bench' }, createReadStream(file), {
              mode: 'all-or-nothing',
            });
          clearInterval(sampler);
          result.importSeconds = round((performance.now() - t) / 1000);
          result.importedRows = report.rowsImported;
          result.peakRssMb = Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6);
          if (typeof result.plainCopySeconds === 'number')
            result.importToCopyRatio = round((result.importSeconds as number) / result.plainCopySeconds);
          say(
            `import: ${String(result.importSeconds)} s, peak RSS ${String(result.peakRssMb)} MB, ratio to COPY ${typeof result.importToCopyRatio === 'number' ? result.importToCopyRatio : 'n/a'}`,
          );

          // Applicants drawn from the registry (same generator, same seed) plus strangers.
          const matching = app.get(MatchingService);
          const rnd = seededRandom(99);
          const lat: number[] = [];
          for (let i = 0; i < opts.samples; i++) {
            const n = 1 + Math.floor(rnd() * opts.rows);
            const p = syntheticPerson(n, rowRandom(7, n));
            const applicant =
              i % 3 === 2
                ? {
                    firstName: p.givenName,
                    lastName: p.familyName,
                    emails: [`stranger${i}@example.com`],
                    phones: [],
                  }
                : {
                    firstName: p.givenName,
                    lastName: p.familyName,
                    emails: [p.email],
                    phones: [p.phone],
                    birthDate: p.birthDate,
                  };
            const s = performance.now();
            await matching.match(tenant.id, applicant);
            lat.push(performance.now() - s);
          }
          lat.sort((a, b) => a - b);
          result.matchP50Ms = round(percentile(lat, 0.5));
          result.matchP99Ms = round(percentile(lat, 0.99));
          say(
            `match latency over ${lat.length} applicants: p50 ${String(result.matchP50Ms)} ms, p99 ${String(result.matchP99Ms)} ms`,
          );
        } finally {
          await app.close();
        }
      } finally {
        await cleanup();
      }
      process.stdout.write(`${JSON.stringify(result)}\n`);
      if (opts.json) createWriteStream(opts.json).end(JSON.stringify(result, null, 2));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  @Option({ flags: '--rows <n>', description: 'registry size', defaultValue: 1_000_000 })
  parseRows(v: string): number {
    return Number(v);
  }

  @Option({ flags: '--samples <n>', description: 'applicants to time', defaultValue: 2_000 })
  parseSamples(v: string): number {
    return Number(v);
  }

  @Option({ flags: '--json <file>', description: 'also write the result here' })
  parseJson(v: string): string {
    return v;
  }
}

const round = (n: number) => roundTo(n, 2);
