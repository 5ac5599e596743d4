import { Command, CommandRunner, Option } from 'nest-commander';
import { SingleBar, Presets } from 'cli-progress';
import { asAtsKind } from '@comeback/ats';
import { AppException, TenantService } from '@comeback/platform';
import { BackfillService } from '@comeback/pipeline';
import { openServices } from '../app-context';

interface Options {
  resume?: string;
  pollMs: number;
}

/**
 * Starts (or resumes) a backfill of a tenant's open applications and follows it with a progress bar until it
 * completes or stops. The pages are processed by the workers (or the api in embedded mode), as from the console.
 */
@Command({
  name: 'backfill',
  arguments: '<tenant-slug> <ats>',
  description:
    'Backfill open applications from the ATS, with a progress bar (--resume <run id> continues one)',
})
export class BackfillCommand extends CommandRunner {
  async run([slug, ats]: string[], opts: Options): Promise<void> {
    const app = await openServices('pipeline');
    const bar = process.stderr.isTTY
      ? new SingleBar(
          { format: 'backfill [{bar}] {value} applications queued | {pages} pages | {status}' },
          Presets.shades_classic,
        )
      : null;
    try {
      const tenant = await app.get(TenantService).findBySlug(slug);
      if (!tenant) throw new Error(`No tenant "${slug}"`);
      const backfills = app.get(BackfillService);
      const actor = { tenantId: tenant.id, role: 'hr_admin' as const, name: 'cli' };
      let run = opts.resume
        ? await backfills.resume(tenant.id, opts.resume)
        : await backfills.start(actor, asAtsKind(ats));
      bar?.start(1, 0, { pages: 0, status: run.status });
      while (run.status === 'running') {
        await new Promise((r) => setTimeout(r, opts.pollMs));
        run = await backfills.get(tenant.id, run.id);
        // The ATS gives no total: the bar grows with what was queued and fills when the last page is read.
        bar?.setTotal(run.status === 'running' ? run.applicationsQueued + 1 : run.applicationsQueued);
        bar?.update(run.applicationsQueued, { pages: run.pages, status: run.status });
      }
      bar?.stop();
      process.stdout.write(
        `${JSON.stringify({ id: run.id, status: run.status, pages: run.pages, applicationsQueued: run.applicationsQueued, error: run.error }, null, 2)}\n`,
      );
      if (run.status === 'failed') process.exitCode = 2;
    } catch (err) {
      bar?.stop();
      if (err instanceof AppException) {
        process.stdout.write(`${JSON.stringify({ code: err.code, message: err.message }, null, 2)}\n`);
        process.exitCode = 2;
        return;
      }
      throw err;
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--resume <id>', description: 'Resume this stopped run instead of starting a new one' })
  parseResume(v: string): string {
    return v;
  }

  @Option({ flags: '--poll-ms <ms>', description: 'How often to read the progress', defaultValue: 1000 })
  parsePoll(v: string): number {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 50) throw new Error('--poll-ms must be an integer ≥ 50');
    return n;
  }
}
