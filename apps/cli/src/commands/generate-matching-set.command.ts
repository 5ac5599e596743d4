import { Command, CommandRunner, Option } from 'nest-commander';
import { MatchingSetGenerator, ZIPF_OFFSET } from '@comeback/fixtures';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

interface Options {
  out: string;
  seed: number;
  alumni: number;
  applicants: number;
  returneeShare: number;
  zipf: number;
  zipfOffset: number;
}

function num(min: number, max: number, name: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new Error(`${name} must be between ${min} and ${max}`);
    return n;
  };
}

/**
 * `npm run --silent generate:matching-set -- --out DIR --seed 7 --alumni 50000 --applicants 5000
 *  --returnee-share 0.3 --zipf 1.1` writes alumni.csv, applicants.jsonl and truth.jsonl (the layout of
 * shared/data/matching-dev) for bench:matching and score-matching.py.
 */
@Command({
  name: 'generate-matching-set',
  description: 'Write a synthetic matching data set (registry, applicants, truth) with the given parameters',
})
export class GenerateMatchingSetCommand extends CommandRunner {
  async run(_: string[], opts: Options): Promise<void> {
    mkdirSync(opts.out, { recursive: true });
    const csv = createWriteStream(join(opts.out, 'alumni.csv'));
    const gen = new MatchingSetGenerator({
      seed: opts.seed ?? 1,
      alumni: opts.alumni ?? 20_000,
      applicants: opts.applicants ?? 3_000,
      returneeShare: opts.returneeShare ?? 0.3,
      zipf: opts.zipf ?? 1,
      zipfOffset: opts.zipfOffset ?? ZIPF_OFFSET,
    });
    const lines: string[] = [];
    const { applicants, truth } = gen.generate((line) => lines.push(line));
    csv.end(`${lines.join('\n')}\n`);
    await once(csv, 'finish');
    writeFileSync(
      join(opts.out, 'applicants.jsonl'),
      applicants.map((a) => `${JSON.stringify(a)}\n`).join(''),
    );
    writeFileSync(join(opts.out, 'truth.jsonl'), truth.map((t) => `${JSON.stringify(t)}\n`).join(''));
    const kinds = new Map<string, number>();
    for (const t of truth) kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1);
    process.stderr.write(
      `wrote ${lines.length - 1} alumni, ${applicants.length} applicants to ${opts.out}: ${JSON.stringify(Object.fromEntries(kinds))}\n`,
    );
  }

  @Option({ flags: '--out <dir>', description: 'output directory', required: true })
  parseOut(v: string): string {
    return v;
  }

  @Option({ flags: '--seed <n>', description: 'random seed (default 1)' })
  parseSeed(v: string): number {
    return num(0, 2 ** 31, '--seed')(v);
  }

  @Option({ flags: '--alumni <n>', description: 'former employees (default 20000)' })
  parseAlumni(v: string): number {
    return num(100, 1_000_000, '--alumni')(v);
  }

  @Option({ flags: '--applicants <n>', description: 'applicants (default 3000)' })
  parseApplicants(v: string): number {
    return num(1, 1_000_000, '--applicants')(v);
  }

  @Option({
    flags: '--returnee-share <x>',
    description: 'share of applicants who are former employees (default 0.3)',
  })
  parseShare(v: string): number {
    return num(0, 1, '--returnee-share')(v);
  }

  @Option({ flags: '--zipf <s>', description: 'Zipf exponent of the name distribution (default 1)' })
  parseZipf(v: string): number {
    return num(0, 3, '--zipf')(v);
  }

  @Option({
    flags: '--zipf-offset <q>',
    description: `Zipf–Mandelbrot offset: weight 1/(rank+q)^s (default ${ZIPF_OFFSET}; 0 = plain Zipf, far too heavy a head)`,
  })
  parseZipfOffset(v: string): number {
    return num(0, 1000, '--zipf-offset')(v);
  }
}
