import { Command, CommandRunner, Option } from 'nest-commander';
import { TenantService } from '@comeback/platform';
import { MatchParametersService } from '@comeback/registry';
import { openServices } from '../app-context';

/**
 * Re-estimates the matcher's field parameters (m/u per field, EM over the comparison vectors the matcher saw
 * plus HR's review decisions) for one tenant or all that have data. Also runs hourly, after imports and every
 * few review decisions; this is for an operator who wants it now.
 */
@Command({
  name: 'match-parameters:estimate',
  description: "Re-estimate a tenant's matcher field parameters from its own data (EM)",
})
export class MatchParametersCommand extends CommandRunner {
  async run(_: string[], opts: { tenant?: string }): Promise<void> {
    const app = await openServices();
    try {
      const params = app.get(MatchParametersService);
      if (!opts.tenant) {
        process.stdout.write(`${JSON.stringify({ tenants: await params.reestimateAll() })}\n`);
        return;
      }
      const tenant = await app.get(TenantService).findBySlug(opts.tenant);
      if (!tenant) throw new Error(`No tenant with slug ${opts.tenant}`);
      const s = await params.reestimate(tenant.id);
      process.stdout.write(
        `${JSON.stringify({ tenant: opts.tenant, source: s.source, pairs: s.pairs, labelled: s.labelled, lambda: s.estimate.lambda, weights: s.weights })}\n`,
      );
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--tenant <slug>', description: 'only this tenant (default: every tenant with data)' })
  parseTenant(v: string): string {
    return v;
  }
}
