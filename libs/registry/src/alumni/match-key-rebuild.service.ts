import { Injectable, Logger } from '@nestjs/common';
import { alumnusFrequencyKeys, alumnusIndexKeys, MATCH_KEYS_VERSION } from '@comeback/domain';
import { TenantService } from '@comeback/platform';
import { NameReadingService } from '../matching/name-readings';
import { AlumniRepository } from './alumni.repository';
import { indexContext } from './index-context';

/** People re-keyed per statement: one page read, one UPDATE of the changed ones. */
const REBUILD_PAGE = 2000;

export interface MatchKeyRebuild {
  tenantId: string;
  people: number;
  changed: number;
  version: number;
}

/**
 * Derives every stored match key of a tenant again with today's code (MATCH_KEYS_VERSION). Keys are computed
 * once, at import; when their derivation improves (a skeleton rule, a reading table), people already in the
 * registry keep the old keys until this runs, and an applicant spelled the new way does not find them. Takes
 * the tenant's import lock, so it never interleaves with an import or a sync, and writes only what changed.
 */
@Injectable()
export class MatchKeyRebuildService {
  private readonly logger = new Logger(MatchKeyRebuildService.name);

  constructor(
    private readonly alumni: AlumniRepository,
    private readonly tenants: TenantService,
    private readonly nameReadings: NameReadingService,
  ) {}

  /** Tenants whose stored keys an older derivation built. */
  staleTenants(): Promise<string[]> {
    return this.alumni.tenantsWithMatchKeysBefore(MATCH_KEYS_VERSION);
  }

  async isStale(tenantId: string): Promise<boolean> {
    const version = await this.alumni.matchKeysVersion(tenantId);
    return version !== null && version < MATCH_KEYS_VERSION;
  }

  async rebuildStale(): Promise<MatchKeyRebuild[]> {
    const out: MatchKeyRebuild[] = [];
    for (const tenantId of await this.staleTenants()) out.push(await this.rebuild(tenantId));
    return out;
  }

  async rebuild(tenantId: string): Promise<MatchKeyRebuild> {
    const ctx = indexContext(await this.tenants.get(tenantId), this.nameReadings);
    const result = await this.alumni.transaction(async (manager) => {
      const bulk = await this.alumni.startBulkWrite(manager, tenantId);
      let people = 0;
      let changed = 0;
      let after: string | null = null;
      for (;;) {
        const page = await this.alumni.identityPage(manager, tenantId, after, REBUILD_PAGE);
        if (page.length === 0) break;
        const rows = page.map((a) => ({
          id: a.id,
          matchKeys: alumnusIndexKeys(a, ctx),
          frequencyKeys: alumnusFrequencyKeys(a),
        }));
        changed += await this.alumni.rekeyBatch(manager, bulk, rows);
        people += page.length;
        after = page[page.length - 1].id;
      }
      await this.alumni.finishBulkWrite(manager, bulk);
      // Name frequencies are counted from the frequency keys: recounted when any changed.
      if (changed > 0) await this.alumni.recountFrequencies(manager, tenantId);
      await this.alumni.setMatchKeysVersion(manager, tenantId, MATCH_KEYS_VERSION);
      return { tenantId, people, changed, version: MATCH_KEYS_VERSION };
    });
    this.logger.log(result, 'Match keys rebuilt');
    return result;
  }
}
