import { Readable } from 'node:stream';
import type { TestingModule } from '@nestjs/testing';
import { alumnusFrequencyKeys, alumnusIndexKeys, type AlumnusRecord } from '@comeback/domain';
import { AuditActor, TenantService } from '@comeback/platform';
import { AlumniImportService, MatchingService, readAlumniCsv } from '@comeback/registry';
import { AlumniRepository } from '@comeback/registry/alumni/alumni.repository';
import { pgHashTextExtended, pgHashTextExtendedText } from '@comeback/registry/alumni/key-hash';
import { searchTextFor } from '@comeback/registry/alumni/search-text';
import { syntheticRegistryLines } from '@comeback/fixtures';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../support/test-database';
import { openRegistryModule } from './support/registry-module';
import { REGISTRY_HEADER } from './support/medium-app';

// Free-text fields with what COPY's text format and array literals must escape: backslash, quotes, braces,
// commas, a tab, a line break, the literal word NULL, characters outside the BMP.
const TRICKY = [
  'T1,佐藤,花子,サトウ,ハナコ,髙橋;山﨑,1990-02-03,hanako.t1@example.com;h.sato@example.jp,090-1234-5678,2015-04-01,2020-03-31,voluntary_career,yes,"営業\\部 ""東京"" {a,b}","課長	(兼務)",NULL,5400000,2019:A,"C\\+\\+;""quoted"";{x}",true',
  'T2,𠮷田,太郎,ヨシダ,タロウ,,,taro.t2@example.com,,2010-04-01,2021-03-31,voluntary_career,unknown,"line one\nline two",,,,,,false',
  'T3,Smith,John,,,,1985-12-31,,03-1234-5678,2011-04-01,2019-09-30,voluntary_career,no,\\N,\\,\\\\,,,,false',
];

describe('registry import by COPY (empty tenant)', () => {
  let module: TestingModule;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    module = await openRegistryModule();
  });
  afterAll(async () => {
    await module?.close();
    await drop?.();
  });

  it("computes PostgreSQL's hashtextextended(k, 0) for keys of every script and length", async () => {
    const alphabet = Array.from('abcXYZ09@.:-+ サトウさとう佐藤髙﨑𠮷ー・');
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const keys = Array.from({ length: 600 }, (_, i) =>
      Array.from({ length: i % 50 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''),
    );
    const rows: { h: string }[] = await module
      .get(DataSource)
      .query(
        'SELECT hashtextextended(k, 0)::text AS h FROM unnest($1::text[]) WITH ORDINALITY AS u(k, o) ORDER BY o',
        [keys],
      );
    expect(rows.map((r) => r.h)).toEqual(keys.map((k) => pgHashTextExtended(k).toString()));
    // The text form the import writes (printed without a BigInt) is the same number.
    expect(rows.map((r) => r.h)).toEqual(keys.map(pgHashTextExtendedText));
  });

  it('stores the same rows and key rows as the INSERT path, and the matcher finds people through them', async () => {
    const tenants = module.get(TenantService);
    const copied = await tenants.create({ slug: 'copied', name: 'Copied' });
    const inserted = await tenants.create({ slug: 'inserted', name: 'Inserted' });
    const csv = `${REGISTRY_HEADER}\n${[...syntheticRegistryLines(300, 11)].slice(1).concat(TRICKY).join('\n')}\n`;
    const hr: AuditActor = { tenantId: copied.id, role: 'hr_admin', name: 'hr@copied' };
    const report = await module
      .get(AlumniImportService)
      .import(hr, Readable.from([csv]), { mode: 'all-or-nothing' });
    expect(report).toMatchObject({ status: 'completed', inserted: 300 + TRICKY.length, updated: 0 });

    // The same records through the INSERT path (what non-empty tenants and the embedded database use).
    const records: AlumnusRecord[] = [];
    for await (const item of readAlumniCsv(Readable.from([csv]), { encoding: 'auto' }))
      if (item.kind === 'row') records.push(item.record);
    const repo = module.get(AlumniRepository);
    const ctx = { corporateEmailDomains: new Set<string>() };
    await repo.transaction(async (m) => {
      const bulk = await repo.startBulkWrite(m, inserted.id);
      expect(bulk).toMatchObject({ emptyTenant: true, copy: true });
      await repo.upsertBatch(
        m,
        { ...bulk, copy: false },
        records.map((record) => ({
          record,
          matchKeys: alumnusIndexKeys(record, ctx),
          frequencyKeys: alumnusFrequencyKeys(record),
          searchText: searchTextFor(record),
        })),
      );
      await repo.finishBulkWrite(m, bulk);
    });

    const db = module.get(DataSource);
    const stored = (tenantId: string): Promise<unknown[]> =>
      db.query(
        `SELECT employee_number, family_name, given_name, family_name_kana, given_name_kana, previous_family_names, birth_date::text,
           emails, phones, hire_date::text, leave_date::text, departure_reason, rehire_recommendation, department, job_title,
           job_level, last_base_salary::text, performance_ratings, skills, network_opt_in, frequency_keys, search_text,
           ARRAY(SELECT DISTINCT h FROM unnest(match_key_hashes) h ORDER BY h)::text AS hashes,
           ARRAY(SELECT k.key_hash FROM alumni_match_keys k WHERE k.tenant_id = a.tenant_id AND k.alumnus_id = a.id ORDER BY 1)::text AS key_rows
         FROM alumni a WHERE tenant_id = $1 ORDER BY employee_number`,
        [tenantId],
      );
    const viaCopy = await stored(copied.id);
    expect(viaCopy).toHaveLength(records.length);
    expect(viaCopy).toEqual(await stored(inserted.id));
    const t1 = viaCopy.find((r) => (r as { employee_number: string }).employee_number === 'T1');
    expect(t1).toMatchObject({
      department: '営業\\部 "東京" {a,b}',
      previous_family_names: ['髙橋', '山﨑'],
    });

    const outcome = await module.get(MatchingService).match(copied.id, {
      firstName: 'Hanako',
      lastName: 'Sato',
      emails: ['h.sato@example.jp'],
      phones: ['+81 90-1234-5678'],
      birthDate: '1990-02-03',
    });
    expect(outcome.decision).toBe('match');
    expect(outcome.candidates[0]?.employeeNumber).toBe('T1');
  });
});
