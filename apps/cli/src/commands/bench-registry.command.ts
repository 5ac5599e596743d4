import { Command, CommandRunner, Option } from 'nest-commander';
import { TenantService } from '@comeback/platform';
import { AlumniImportService, ImportPhases, MatchingService } from '@comeback/registry';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices } from '../app-context';
import { useFreshDatabase } from '../fresh-database';
import { percentile } from '../fixtures/percentile';
import { rowRandom, seededRandom, syntheticPerson, syntheticRegistryLines } from '@comeback/fixtures';
import { roundTo } from '../fixtures/round-to';
import { RegistryFloorRepository } from '../fixtures/registry-floor.repository';

interface Options {
  rows: number;
  samples: number;
  json?: string;
}

/**
 * Registry at scale: generate N synthetic former employees, import them through the product's import path,
 * then time the physical floor of the same work (see RegistryFloorRepository: a plain COPY of the rows and
 * key rows our import wrote into tables with the same indexes, built the same way) and the matcher on that
 * registry (the service behind the HTTP API and the pipeline).
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
        const app = await openServices();
        try {
          const tenant = await app.get(TenantService).create({ slug: 'bench', name: 'Benchmark' });
          const rssBefore = process.memoryUsage().rss;
          let peakRss = rssBefore;
          const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
          let importPhases: ImportPhases | null = null;
          const t = performance.now();
          const report = await app
            .get(AlumniImportService)
            .import({ tenantId: tenant.id, role: 'hr_admin', name: 'bench' }, createReadStream(file), {
              mode: 'all-or-nothing',
              onPhases: (p) => (importPhases = p),
            });
          clearInterval(sampler);
          result.importSeconds = round((performance.now() - t) / 1000);
          result.importedRows = report.rowsImported;
          result.importRowsPerSecond = Math.round(report.rowsImported / (result.importSeconds as number));
          result.importPhasesSeconds = seconds(importPhases ?? {});
          result.peakRssMb = Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6);
          say(
            `import: ${String(result.importSeconds)} s (${String(result.importRowsPerSecond)} rows/s), peak RSS ${String(result.peakRssMb)} MB; phases ${JSON.stringify(result.importPhasesSeconds)}`,
          );
          if (process.env.DATABASE_URL)
            await measureFloor(process.env.DATABASE_URL, tenant.id, dir, result, say);
          // Applicants drawn from the registry (same generator, same seed) plus strangers.
          const matching = app.get(MatchingService);
          // One untimed match first: it loads the name-reading dictionary (once per process, on first use).
          await matching.match(tenant.id, { firstName: 'Hanako', lastName: 'Sato', emails: [], phones: [] });
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
          result.matchSamples = lat.length;
          result.matchP50Ms = round(percentile(lat, 0.5));
          result.matchP95Ms = round(percentile(lat, 0.95));
          result.matchP99Ms = round(percentile(lat, 0.99));
          result.matchMaxMs = round(lat[lat.length - 1] ?? 0);
          say(
            `match latency over ${lat.length} applicants: p50 ${String(result.matchP50Ms)} ms, p95 ${String(result.matchP95Ms)} ms, p99 ${String(result.matchP99Ms)} ms, max ${String(result.matchMaxMs)} ms`,
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
const seconds = (phases: object): Record<string, number> =>
  Object.fromEntries(Object.entries(phases).map(([k, ms]) => [k, round(Number(ms) / 1000)]));

/** The floor, timed on the rows the import just wrote (dumped first, untimed), and the import's ratio to it. */
async function measureFloor(
  url: string,
  tenantId: string,
  dir: string,
  result: Record<string, unknown>,
  say: (s: string) => void,
): Promise<void> {
  const files = { alumni: join(dir, 'floor-alumni.copy'), keys: join(dir, 'floor-keys.copy') };
  const floor = await RegistryFloorRepository.open(url);
  try {
    await floor.dump(tenantId, files);
    const t = performance.now();
    const phases = await floor.load(files);
    const total = (performance.now() - t) / 1000;
    const rows = result.importedRows as number;
    result.floorSeconds = round(total);
    result.floorRowsPerSecond = Math.round(rows / total);
    result.floorPhasesSeconds = seconds(phases);
    result.importToFloorRatio = round((result.importSeconds as number) / total);
    say(
      `floor (COPY rows + key rows, same indexes): ${String(result.floorSeconds)} s (${String(result.floorRowsPerSecond)} rows/s); phases ${JSON.stringify(result.floorPhasesSeconds)}`,
    );
    say(`import / floor: ${String(result.importToFloorRatio)}× (target ≤ 2×)`);
    await floor.drop();
  } finally {
    await floor.close();
  }
}
