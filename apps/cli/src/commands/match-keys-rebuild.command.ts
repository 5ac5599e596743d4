import { Command, CommandRunner, Option } from 'nest-commander';
import { TenantService } from '@comeback/platform';
import { MatchKeyRebuildService } from '@comeback/registry';
import { openServices } from '../app-context';

/**
 * Derives the stored match keys again after an upgrade changed how they are derived (MATCH_KEYS_VERSION):
 * by default for every tenant whose keys are older, or for one tenant. Safe to repeat: it writes only what
 * changed and waits for a running import of the same tenant.
 */
@Command({
  name: 'match-keys:rebuild',
  description: "Re-derive stored match keys with this version's rules (every stale tenant, or one)",
})
export class MatchKeysRebuildCommand extends CommandRunner {
  async run(_: string[], opts: { tenant?: string }): Promise<void> {
    const app = await openServices();
    try {
      const rebuild = app.get(MatchKeyRebuildService);
      if (!opts.tenant) {
        process.stdout.write(`${JSON.stringify({ rebuilt: await rebuild.rebuildStale() })}\n`);
        return;
      }
      const tenant = await app.get(TenantService).findBySlug(opts.tenant);
      if (!tenant) throw new Error(`No tenant with slug ${opts.tenant}`);
      process.stdout.write(`${JSON.stringify({ rebuilt: [await rebuild.rebuild(tenant.id)] })}\n`);
    } finally {
      await app.close();
    }
  }

  @Option({
    flags: '--tenant <slug>',
    description: 'only this tenant (default: every tenant with older keys)',
  })
  parseTenant(v: string): string {
    return v;
  }
}
