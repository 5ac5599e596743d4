import { Command, CommandRunner, Option } from 'nest-commander';
import { AppException, TenantService } from '@comeback/platform';
import { AlumniImportService } from '@comeback/registry';
import { SingleBar, Presets } from 'cli-progress';
import { createReadStream, statSync } from 'node:fs';
import { openServices } from '../app-context';

interface Options {
  mode: 'all-or-nothing' | 'valid-rows';
  encoding: 'auto' | 'utf-8' | 'shift_jis' | 'cp932';
}

@Command({
  name: 'import:alumni',
  arguments: '<tenant-slug> <file>',
  description: 'Import the former-employee CSV (streaming, with a progress bar)',
})
export class ImportAlumniCommand extends CommandRunner {
  async run([slug, file]: string[], opts: Options): Promise<void> {
    const app = await openServices();
    const size = statSync(file).size;
    const bar = process.stderr.isTTY
      ? new SingleBar(
          { format: 'import [{bar}] {percentage}% | {rows} rows | {eta_formatted} left' },
          Presets.shades_classic,
        )
      : null;
    try {
      const tenant = await app.get(TenantService).findBySlug(slug);
      if (!tenant) throw new Error(`No tenant "${slug}"`);
      bar?.start(size, 0, { rows: 0 });
      const report = await app
        .get(AlumniImportService)
        .import({ tenantId: tenant.id, role: 'hr_admin', name: 'cli' }, createReadStream(file), {
          mode: opts.mode,
          encoding: opts.encoding,
          fileName: file,
          onProgress: (p) => bar?.update(p.bytesRead, { rows: p.rowsRead }),
        });
      bar?.update(size);
      bar?.stop();
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } catch (err) {
      bar?.stop();
      if (err instanceof AppException) {
        process.stdout.write(
          `${JSON.stringify({ code: err.code, message: err.message, details: err.details }, null, 2)}\n`,
        );
        process.exitCode = 2;
        return;
      }
      throw err;
    } finally {
      await app.close();
    }
  }

  @Option({
    flags: '--mode <mode>',
    description: 'all-or-nothing | valid-rows',
    defaultValue: 'all-or-nothing',
  })
  parseMode(v: string): Options['mode'] {
    if (v !== 'all-or-nothing' && v !== 'valid-rows')
      throw new Error('mode must be all-or-nothing or valid-rows');
    return v;
  }

  @Option({
    flags: '--encoding <encoding>',
    description: 'auto | utf-8 | shift_jis | cp932',
    defaultValue: 'auto',
  })
  parseEncoding(v: string): Options['encoding'] {
    if (!['auto', 'utf-8', 'shift_jis', 'cp932'].includes(v))
      throw new Error('encoding must be auto, utf-8, shift_jis or cp932');
    return v as Options['encoding'];
  }
}
