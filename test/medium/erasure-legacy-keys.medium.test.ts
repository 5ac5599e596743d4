import { Readable } from 'node:stream';
import type { TestingModule } from '@nestjs/testing';
import { AuditActor, TenantService } from '@comeback/platform';
import { AlumniImportService, SuppressionHasher } from '@comeback/registry';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../support/test-database';
import { openRegistryModule } from './support/registry-module';
import { REGISTRY_HEADER } from './support/medium-app';

/**
 * An erasure made before match-key version 2 left hashes of keys spelt the old way (郷原 ゴウハラ: fr:gohara, now
 * fr:goara). A later source row that carries nothing else of the person (a kana surname, the birth date) must
 * still be held back: the import checks the old spelling too.
 */
describe('erasure suppressions stored under an older key version', () => {
  let module: TestingModule;
  let drop: () => Promise<void>;
  let tenantId: string;
  let hr: AuditActor;

  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    module = await openRegistryModule();
    tenantId = (await module.get(TenantService).create({ slug: 'erased-v1', name: 'Erased v1' })).id;
    hr = { tenantId, role: 'hr_admin', name: 'hr@erased-v1' };
  });
  afterAll(async () => {
    await module?.close();
    await drop?.();
  });

  const row = (employeeNumber: string, family: string, kana: string, birthDate: string) =>
    `${employeeNumber},${family},光,${kana},ヒカル,,${birthDate},,,2010-04-01,2019-03-31,voluntary_career,yes,営業部,主任,G2,5000000,,,false`;
  const importRows = (...rows: string[]) =>
    module
      .get(AlumniImportService)
      .import(hr, Readable.from([`${REGISTRY_HEADER}\n${rows.join('\n')}\n`]), { mode: 'valid-rows' });

  it('holds back a row whose only link to the erased person is the family reading as version 1 spelt it', async () => {
    // What an erasure under version 1 stored for 郷原 光 (ゴウハラ), born 1979-03-08: among others, fr:gohara.
    const hasher = await module.get(SuppressionHasher).forTenant(tenantId);
    await module
      .get(DataSource)
      .query('INSERT INTO erasure_suppressions (tenant_id, key_hashes) VALUES ($1, $2)', [
        tenantId,
        hasher.hash(tenantId, ['ft:郷原|1979-03-08', 'fr:gohara|1979-03-08']),
      ]);
    const report = await importRows(
      // The person again, surname written in katakana only, no number, no contact.
      row('X1', 'ゴウハラ', '', '1979-03-08'),
      // Someone else with the same reading, born another day: imported.
      row('X2', 'ゴウハラ', '', '1985-10-21'),
    );
    expect(report).toMatchObject({ inserted: 1 });
    const kept: { employee_number: string }[] = await module
      .get(DataSource)
      .query('SELECT employee_number FROM alumni WHERE tenant_id = $1', [tenantId]);
    expect(kept.map((r) => r.employee_number)).toEqual(['X2']);
  });
});
