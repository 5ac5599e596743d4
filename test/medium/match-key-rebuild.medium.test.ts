import { Readable } from 'node:stream';
import type { TestingModule } from '@nestjs/testing';
import { MATCH_KEYS_VERSION } from '@comeback/domain';
import { AuditActor, JobHandlerRegistry, JobQueue, TenantService } from '@comeback/platform';
import {
  AlumniImportService,
  MatchingService,
  MatchKeyRebuildService,
  MatchKeyRebuildWorker,
} from '@comeback/registry';
import { syntheticRegistryLines } from '@comeback/fixtures';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../support/test-database';
import { openRegistryModule } from './support/registry-module';
import { REGISTRY_HEADER } from './support/medium-app';

// Kept with its reading in kana (コウヘイ); an applicant writing only the name "Kohei Hirayama" (no birth date,
// whose index the stored keys do not hold) reaches it through the stored name keys alone.
const KOHEI =
  'K1,平山,康平,ヒラヤマ,コウヘイ,,1987-06-14,kohei.h@example.jp,090-2468-1357,2012-04-01,2021-03-31,voluntary_career,yes,営業部,主任,G3,6100000,2020:A,,true';

describe('match keys rebuilt after their derivation changed (MATCH_KEYS_VERSION)', () => {
  let module: TestingModule;
  let drop: () => Promise<void>;
  let db: DataSource;
  let tenantId: string;

  const stored = (): Promise<unknown[]> =>
    db.query(
      `SELECT employee_number, frequency_keys, updated_at::text,
         ARRAY(SELECT DISTINCT h FROM unnest(match_key_hashes) h ORDER BY h)::text AS hashes,
         ARRAY(SELECT k.key_hash FROM alumni_match_keys k WHERE k.tenant_id = a.tenant_id AND k.alumnus_id = a.id ORDER BY 1)::text AS key_rows
       FROM alumni a WHERE tenant_id = $1 ORDER BY employee_number`,
      [tenantId],
    );
  const frequencies = (): Promise<unknown[]> =>
    db.query('SELECT key, count FROM alumni_name_frequencies WHERE tenant_id = $1 ORDER BY key', [tenantId]);
  const kohei = () =>
    module.get(MatchingService).match(tenantId, {
      firstName: 'Kohei',
      lastName: 'Hirayama',
      emails: ['new.address@example.com'],
      phones: [],
    });

  /** What an older derivation left behind: other keys (here none) for K1 and the first `n` people, counts
   * from those keys, and the older version on record. */
  const ageKeys = async (n: number): Promise<void> => {
    await db.query(
      `WITH old AS (SELECT id FROM alumni WHERE tenant_id = $1 AND (employee_number = 'K1' OR id IN (
           SELECT id FROM alumni WHERE tenant_id = $1 ORDER BY employee_number LIMIT $2)))
       , gone AS (DELETE FROM alumni_match_keys k USING old WHERE k.tenant_id = $1 AND k.alumnus_id = old.id)
       UPDATE alumni a SET match_key_hashes = '{}', frequency_keys = '{}' FROM old WHERE a.id = old.id`,
      [tenantId, n],
    );
    await db.query('DELETE FROM alumni_name_frequencies WHERE tenant_id = $1', [tenantId]);
    await db.query('UPDATE registry_stats SET match_keys_version = 1 WHERE tenant_id = $1', [tenantId]);
  };

  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    module = await openRegistryModule();
    db = module.get(DataSource);
    tenantId = (await module.get(TenantService).create({ slug: 'rekey', name: 'Rekey' })).id;
    const hr: AuditActor = { tenantId, role: 'hr_admin', name: 'hr@rekey' };
    const csv = `${REGISTRY_HEADER}\n${[...syntheticRegistryLines(200, 5)].slice(1).concat(KOHEI).join('\n')}\n`;
    const report = await module
      .get(AlumniImportService)
      .import(hr, Readable.from([csv]), { mode: 'all-or-nothing' });
    expect(report).toMatchObject({ status: 'completed', inserted: 201 });
  });
  afterAll(async () => {
    await module?.close();
    await drop?.();
  });

  it('records the version a first import used, and finds nothing to rebuild then', async () => {
    const rebuild = module.get(MatchKeyRebuildService);
    expect(await rebuild.staleTenants()).not.toContain(tenantId);
    const before = await stored();
    expect(await rebuild.rebuild(tenantId)).toEqual({
      tenantId,
      people: 201,
      changed: 0,
      version: MATCH_KEYS_VERSION,
    });
    expect(await stored()).toEqual(before);
  });

  it('re-derives keys an older version built: the applicant is found again, rows and counts as a fresh import', async () => {
    const fresh = await stored();
    const freshFrequencies = await frequencies();
    expect((await kohei()).candidates[0]?.employeeNumber).toBe('K1');

    await ageKeys(40);
    expect((await kohei()).candidates.map((c) => c.employeeNumber)).not.toContain('K1');

    const rebuild = module.get(MatchKeyRebuildService);
    expect(await rebuild.staleTenants()).toContain(tenantId);
    const result = await rebuild.rebuild(tenantId);
    expect(result).toEqual({ tenantId, people: 201, changed: 41, version: MATCH_KEYS_VERSION });

    // Byte for byte what the import wrote (and no record touched: updated_at unchanged).
    expect(await stored()).toEqual(fresh);
    expect(await frequencies()).toEqual(freshFrequencies);
    expect(await rebuild.staleTenants()).not.toContain(tenantId);
    expect((await kohei()).candidates[0]?.employeeNumber).toBe('K1');
  });

  it('is enqueued by every process after an upgrade and run once by whichever consumes jobs', async () => {
    const fresh = await stored();
    await ageKeys(10);
    const worker = module.get(MatchKeyRebuildWorker);
    const rebuild = module.get(MatchKeyRebuildService);
    expect(await worker.enqueueStale()).toBe(1);
    // A second process enqueues the same job: its id (tenant and version) makes it a no-op.
    expect(await worker.enqueueStale()).toBe(1);
    expect(await rebuild.isStale(tenantId)).toBe(true);
    expect(await module.get(JobQueue).counts()).toMatchObject({ waiting: 1, completed: 0 });

    await module.get(JobHandlerRegistry).start([], 1);
    for (let i = 0; i < 100 && (await rebuild.isStale(tenantId)); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await rebuild.isStale(tenantId)).toBe(false);
    expect(await stored()).toEqual(fresh);
    expect(await module.get(JobQueue).counts()).toMatchObject({ waiting: 0, completed: 1 });
    expect(await worker.enqueueStale()).toBe(0);
  });
});
