import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The demo takes 15–40 s; on a loaded CI machine much longer has been seen, so the bound is generous.
jest.setTimeout(420_000);

const CLI = join(__dirname, '../../dist/apps/cli/src/main.js');

// The embedded mode (PGlite + in-process queue) is what `npm run demo` runs: keep it from rotting.
describe('the demo on the embedded default (no PostgreSQL, no Redis)', () => {
  it('runs the whole product and reports what it did', () => {
    if (!existsSync(CLI)) throw new Error('Build first (npm run build)');
    const cwd = mkdtempSync(join(tmpdir(), 'comeback-demo-'));
    try {
      const env = { ...process.env };
      delete env.DATABASE_URL;
      delete env.REDIS_URL;
      delete env.QUEUE_PREFIX;
      const run = spawnSync(process.execPath, [CLI, 'demo'], {
        cwd,
        env,
        encoding: 'utf8',
        timeout: 400_000,
      });
      if (run.status !== 0) {
        // Say what the demo got to before it stopped (or was stopped): the assertion alone says only "null".
        process.stderr.write(
          `demo exited with ${String(run.status)} (signal ${String(run.signal)})\n--- stdout (tail)\n${run.stdout.slice(-3000)}\n--- stderr (tail)\n${run.stderr.slice(-3000)}\n`,
        );
      }
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(
        /summary: 3 fast-tracked, 2 flagged without a skip \(1 ineligible, 1 need HR review\), 2 sent to the review queue, 3 ignored/,
      );
      // A common name alone is not flagged; with a CV naming the company and its months, it goes to review.
      const line = (name: string): string => run.stdout.split('\n').find((l) => l.includes(name)) ?? '';
      expect(line('山田 太郎')).toMatch(/not_alumni/);
      expect(line('佐藤 太郎')).toMatch(/in_review/);
      // The dismissed returnee's row names no reason (the policy line may name the rule itself).
      const suzuki = run.stdout.split('\n').find((l) => l.includes('鈴木 一郎')) ?? '';
      expect(suzuki).toMatch(/ineligible/);
      expect(suzuki.split('returnee after')[0]).not.toMatch(/disciplin|懲戒|解雇/);
      expect(run.stdout).not.toMatch(/disciplinary_dismissal/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
