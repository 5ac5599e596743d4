import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MATCH_KEYS_VERSION, type AlumnusRecord } from '@comeback/domain';
import { APP_CONFIG, type AppConfig, type TenantSettings } from '@comeback/platform';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import { AlumnusEntity } from './alumnus.entity';
import { pgHashTextExtendedText } from './key-hash';
import { foldSearchText } from './search-text';

export interface AlumnusWrite {
  record: AlumnusRecord;
  matchKeys: string[];
  frequencyKeys: string[];
  searchText: string;
}

export interface AlumnusIdentityRow {
  id: string;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  previousFamilyNames: string[];
  birthDate: string | null;
  emails: string[];
  phones: string[];
  hireDate: string | null;
  leaveDate: string | null;
}

const IDENTITY_COLUMNS = `a.id, a.employee_number AS "employeeNumber", a.family_name AS "familyName", a.given_name AS "givenName",
  a.family_name_kana AS "familyNameKana", a.given_name_kana AS "givenNameKana", a.previous_family_names AS "previousFamilyNames",
  to_char(a.birth_date, 'YYYY-MM-DD') AS "birthDate", a.emails, a.phones,
  to_char(a.hire_date, 'YYYY-MM-DD') AS "hireDate", to_char(a.leave_date, 'YYYY-MM-DD') AS "leaveDate"`;

/** An import's key sink: see AlumniRepository.startBulkWrite. */
export interface BulkWrite {
  readonly tenantId: string;
  /** Where new keys go until finishBulkWrite: the tenant's unattached partition, or a temporary table. */
  readonly keyTable: string;
  readonly firstLoad: boolean;
  /** The tenant had nobody before this import: rows are plain inserts (a file never repeats a number). */
  readonly emptyTenant: boolean;
  /**
   * Rows and keys of an empty tenant go in by COPY, with ids made here and key hashes computed here (checked
   * against the server's at the start). Not on the embedded database, whose socket server has no COPY FROM STDIN.
   */
  readonly copy: boolean;
}

export interface AlumniPage {
  items: AlumnusEntity[];
  nextCursor: string | null;
}

export interface MatchLookup {
  settings: TenantSettings;
  /** The tenant's name (what a work-history entry calls the company, with its e-mail domains). */
  tenantName: string;
  alumniCount: number;
  corporateEmailDomains: string[];
  frequencies: Map<string, number>;
  /** Alumni under one of the probe keys (up to the per-key limit each). */
  hits: { key: string; alumnusId: string }[];
  /** Everyone born on the applicant's birth date (up to the same-day limit), with the name columns only. */
  sameDay: SameDayRow[];
}

/** A person born on the applicant's birth date, as the birth-date index holds them (no table read). */
export interface SameDayRow {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  previousFamilyNames: string[];
}

/** All SQL of the registry. Writes are set-based (one statement per batch of rows and their keys). */
/** One opted-in former employee as rediscovery reads them (sensitive columns stay in-process for the rules). */
export interface RediscoveryPoolRow {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  department: string | null;
  jobTitle: string | null;
  jobLevel: string | null;
  skills: string[];
  hireDate: string;
  leaveDate: string;
  departureReason: string;
  rehireRecommendation: string;
  performanceRatings: { year: number; rating: string }[];
  emails: string[];
}

@Injectable()
export class AlumniRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Opens a bulk write inside the caller's transaction (which it serialises per tenant). Inserted batch by
   * batch, a million people's keys would land on random pages of an index larger than PostgreSQL's buffer
   * cache, which was most of the import time. So new keys go to a table without an index and are indexed in
   * one pass by `finishBulkWrite`: on a tenant's first import that table is the tenant's own, not yet attached
   * partition (its primary key is then built by sorting, and the partition attached); later imports stage
   * changed keys in a temporary table and insert them in key order.
   */
  async startBulkWrite(manager: EntityManager, tenantId: string): Promise<BulkWrite> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('alumni-import'), hashtext($1))", [tenantId]);
    // Sorting several million keys in memory rather than on disk.
    await manager.query("SET LOCAL work_mem = '256MB'");
    await manager.query("SET LOCAL maintenance_work_mem = '256MB'");
    // The search trigram index takes new rows into its pending list and merges them in sorted runs: with the
    // default 4 MB list it merges every few thousand rows, which more than doubled the cost of each row.
    await manager.query("SET LOCAL gin_pending_list_limit = '64MB'");
    const partition = keyPartitionName(tenantId);
    const copy = !this.config.embedded && (await this.keyHashAgrees(manager));
    const [{ exists, empty }]: { exists: boolean; empty: boolean }[] = await manager.query(
      'SELECT to_regclass($1) IS NOT NULL AS exists, NOT EXISTS (SELECT 1 FROM alumni WHERE tenant_id = $2) AS empty',
      [partition, tenantId],
    );
    if (!exists) {
      // The CHECK lets ATTACH skip scanning the rows for the partition bound.
      await manager.query(
        `CREATE TABLE ${partition} (tenant_id uuid NOT NULL CHECK (tenant_id = ${quoteUuid(tenantId)}), key_hash bigint NOT NULL, alumnus_id uuid NOT NULL)`,
      );
      return { tenantId, keyTable: partition, firstLoad: true, emptyTenant: empty, copy };
    }
    await manager.query(
      'CREATE TEMP TABLE import_match_keys (tenant_id uuid NOT NULL, key_hash bigint NOT NULL, alumnus_id uuid NOT NULL) ON COMMIT DROP',
    );
    return { tenantId, keyTable: 'import_match_keys', firstLoad: false, emptyTenant: empty, copy };
  }

  /** Whether `pgHashTextExtendedText` gives the server's `hashtextextended(k, 0)` (a collation or version change would show). */
  private async keyHashAgrees(manager: EntityManager): Promise<boolean> {
    const probes = [
      '',
      'a',
      'e:hanako.sato@example.co.jp',
      'k:サトウハナコ',
      'n:佐藤花子𠮷',
      'p:+819012345678',
    ];
    const rows: { h: string }[] = await manager.query(
      'SELECT hashtextextended(k, 0)::text AS h FROM unnest($1::text[]) WITH ORDINALITY AS u(k, o) ORDER BY o',
      [probes],
    );
    return rows.length === probes.length && rows.every((r, i) => r.h === pgHashTextExtendedText(probes[i]));
  }

  /**
   * An empty tenant's batch by COPY: the same rows and key rows the INSERT path writes, without building a JSON
   * document, parsing it again in PostgreSQL and planning a statement per batch (most of an import's time).
   */
  private async copyBatch(manager: EntityManager, bulk: BulkWrite, rows: AlumnusWrite[]): Promise<number> {
    const client = (await manager.queryRunner!.connect()) as PoolClient;
    const tenant = bulk.tenantId;
    const alumni: string[] = [];
    const keys = new KeyRowWriter(tenant, rows.length);
    for (const { record: r, matchKeys, frequencyKeys, searchText } of rows) {
      const id = randomUUID();
      const hashes = [...new Set(matchKeys.map(pgHashTextExtendedText))];
      for (const h of hashes) keys.add(h, id);
      alumni.push(
        [
          id,
          tenant,
          copyText(r.employeeNumber),
          copyText(r.familyName),
          copyText(r.givenName),
          copyText(r.familyNameKana),
          copyText(r.givenNameKana),
          copyArray(r.previousFamilyNames),
          copyText(r.birthDate),
          copyArray(r.emails),
          copyArray(r.phones),
          copyText(r.hireDate),
          copyText(r.leaveDate),
          copyText(r.departureReason),
          copyText(r.rehireRecommendation),
          copyText(r.department),
          copyText(r.jobTitle),
          copyText(r.jobLevel),
          r.lastBaseSalary === null ? '\\N' : String(r.lastBaseSalary),
          copyText(JSON.stringify(r.performanceRatings ?? [])),
          copyArray(r.skills),
          r.networkOptIn ? 't' : 'f',
          copyArray(frequencyKeys),
          `{${hashes.join(',')}}`,
          copyText(searchText),
        ].join('\t') + '\n',
      );
    }
    await pipeline(
      Readable.from([alumni.join('')]),
      client.query(
        copyFrom(`COPY alumni (id, tenant_id, employee_number, family_name, given_name, family_name_kana, given_name_kana,
          previous_family_names, birth_date, emails, phones, hire_date, leave_date, departure_reason, rehire_recommendation,
          department, job_title, job_level, last_base_salary, performance_ratings, skills, network_opt_in, frequency_keys,
          match_key_hashes, search_text) FROM STDIN`),
      ),
    );
    await pipeline(
      Readable.from([keys.bytes()]),
      client.query(copyFrom(`COPY ${bulk.keyTable} (tenant_id, key_hash, alumnus_id) FROM STDIN`)),
    );
    return rows.length;
  }

  /**
   * After the import committed: marks the tenant's key pages and the new registry rows all-visible, so
   * candidate lookups and the same-day read of ix_alumni_tenant_birth_date are index-only scans (otherwise
   * every hit visits the table until autovacuum comes by). Cheap: the visibility map skips unchanged pages.
   */
  async vacuum(tenantId: string): Promise<void> {
    await this.dataSource.query(`VACUUM (ANALYZE) ${keyPartitionName(tenantId)}`);
    await this.dataSource.query('VACUUM alumni');
  }

  async finishBulkWrite(manager: EntityManager, bulk: BulkWrite): Promise<void> {
    // Searches read the whole pending list, so it is merged into the index before the import ends.
    await manager.query("SELECT gin_clean_pending_list('ix_alumni_search_text'::regclass)");
    if (bulk.firstLoad) {
      // One sort builds the primary key (PostgreSQL may use parallel workers), then the partition goes live.
      await manager.query(`ALTER TABLE ${bulk.keyTable} ADD PRIMARY KEY (tenant_id, key_hash, alumnus_id)`);
      await manager.query(
        `ALTER TABLE alumni_match_keys ATTACH PARTITION ${bulk.keyTable} FOR VALUES IN (${quoteUuid(bulk.tenantId)})`,
      );
      return;
    }
    await manager.query(
      `INSERT INTO alumni_match_keys (tenant_id, key_hash, alumnus_id)
       SELECT tenant_id, key_hash, alumnus_id FROM import_match_keys ORDER BY key_hash, alumnus_id ON CONFLICT DO NOTHING`,
    );
    await manager.query('DROP TABLE import_match_keys');
  }

  /**
   * Upserts a batch by employee number in one statement (between start/finishBulkWrite). For rows that
   * already existed only the keys that changed are touched: dropped keys are deleted, new ones staged. Keys
   * are hashed by PostgreSQL (`hashtextextended`), the same way probes are.
   */
  async upsertBatch(
    manager: EntityManager,
    bulk: BulkWrite,
    rows: AlumnusWrite[],
  ): Promise<{ inserted: number; updated: number }> {
    if (rows.length === 0) return { inserted: 0, updated: 0 };
    // Before the JSON below is built: the COPY path never reads it (it cost ~5% of a first import's CPU).
    if (bulk.emptyTenant && bulk.copy)
      return { inserted: await this.copyBatch(manager, bulk, rows), updated: 0 };
    const tenantId = bulk.tenantId;
    const json = JSON.stringify(
      rows.map(({ record: r, matchKeys, frequencyKeys, searchText }) => ({
        employee_number: r.employeeNumber,
        family_name: r.familyName,
        given_name: r.givenName,
        family_name_kana: r.familyNameKana,
        given_name_kana: r.givenNameKana,
        previous_family_names: r.previousFamilyNames,
        birth_date: r.birthDate,
        emails: r.emails,
        phones: r.phones,
        hire_date: r.hireDate,
        leave_date: r.leaveDate,
        departure_reason: r.departureReason,
        rehire_recommendation: r.rehireRecommendation,
        department: r.department,
        job_title: r.jobTitle,
        job_level: r.jobLevel,
        last_base_salary: r.lastBaseSalary,
        performance_ratings: r.performanceRatings,
        skills: r.skills,
        network_opt_in: r.networkOptIn,
        frequency_keys: frequencyKeys,
        match_keys: matchKeys,
        search_text: searchText,
      })),
    );
    // `json`, not `jsonb`: the batch is read once, so building jsonb values first would only add work.
    const input = `input AS (
         SELECT r.*, ARRAY(SELECT hashtextextended(k, 0) FROM unnest(r.match_keys) k) AS match_key_hashes
         FROM json_to_recordset($2::json) AS r(employee_number text, family_name text, given_name text, family_name_kana text,
           given_name_kana text, previous_family_names text[], birth_date date, emails text[], phones text[], hire_date date,
           leave_date date, departure_reason text, rehire_recommendation text, department text, job_title text, job_level text,
           last_base_salary bigint, performance_ratings jsonb, skills text[], network_opt_in boolean, frequency_keys text[],
           match_keys text[], search_text text))`;
    const insert = `INSERT INTO alumni (tenant_id, employee_number, family_name, given_name, family_name_kana, given_name_kana,
           previous_family_names, birth_date, emails, phones, hire_date, leave_date, departure_reason, rehire_recommendation,
           department, job_title, job_level, last_base_salary, performance_ratings, skills, network_opt_in, frequency_keys,
           match_key_hashes, search_text)
         SELECT $1, r.employee_number, r.family_name, r.given_name, r.family_name_kana, r.given_name_kana,
           coalesce(r.previous_family_names, '{}'), r.birth_date, coalesce(r.emails, '{}'), coalesce(r.phones, '{}'), r.hire_date, r.leave_date,
           r.departure_reason, r.rehire_recommendation, r.department, r.job_title, r.job_level, r.last_base_salary,
           coalesce(r.performance_ratings, '[]'), coalesce(r.skills, '{}'), r.network_opt_in, coalesce(r.frequency_keys, '{}'),
           r.match_key_hashes, r.search_text
         FROM input r`;
    if (bulk.emptyTenant) {
      // Nobody to update and no old keys: no look-up of earlier rows, no speculative insertion. A repeated
      // number would be a bug upstream, and the unique index fails the import rather than merging two people.
      const [counts]: { inserted: number }[] = await manager.query(
        `WITH ${input}, written AS (${insert} RETURNING id, match_key_hashes),
         staged_keys AS (
           INSERT INTO ${bulk.keyTable} (tenant_id, key_hash, alumnus_id)
           SELECT DISTINCT $1::uuid, h, w.id FROM written w, unnest(w.match_key_hashes) h)
         SELECT count(*)::int AS inserted FROM written`,
        [tenantId, json],
      );
      return { inserted: counts.inserted, updated: 0 };
    }
    const [counts]: { inserted: number; updated: number }[] = await manager.query(
      `WITH ${input},
       previous AS (
         SELECT a.id, a.match_key_hashes FROM alumni a JOIN input r ON a.tenant_id = $1 AND a.employee_number = r.employee_number),
       written AS (
         ${insert}
         ON CONFLICT (tenant_id, employee_number) DO UPDATE SET
           family_name = excluded.family_name, given_name = excluded.given_name, family_name_kana = excluded.family_name_kana,
           given_name_kana = excluded.given_name_kana, previous_family_names = excluded.previous_family_names,
           birth_date = excluded.birth_date, emails = excluded.emails, phones = excluded.phones, hire_date = excluded.hire_date,
           leave_date = excluded.leave_date, departure_reason = excluded.departure_reason,
           rehire_recommendation = excluded.rehire_recommendation, department = excluded.department, job_title = excluded.job_title,
           job_level = excluded.job_level, last_base_salary = excluded.last_base_salary,
           performance_ratings = excluded.performance_ratings, skills = excluded.skills, network_opt_in = excluded.network_opt_in,
           frequency_keys = excluded.frequency_keys, match_key_hashes = excluded.match_key_hashes,
           search_text = excluded.search_text, updated_at = now()
         RETURNING id, match_key_hashes, (xmax = 0) AS inserted),
       ${keyRowChanges(bulk.keyTable)}
       SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
      [tenantId, json],
    );
    return counts;
  }

  /**
   * Fresh statistics for the planner after a bulk change (a million new rows otherwise look like none). The
   * key partition is analysed by `vacuum` after commit; lookups always go to one partition, whose own
   * statistics the planner uses, so the partitioned parent needs none.
   */
  async analyze(manager: EntityManager): Promise<void> {
    await manager.query('ANALYZE alumni');
  }

  /** Recounts name frequencies, the alumni count and the e-mail domains after a bulk change. */
  async refreshStatistics(
    manager: EntityManager,
    tenantId: string,
  ): Promise<{ alumniCount: number; domainCounts: Map<string, number> }> {
    await this.recountFrequencies(manager, tenantId);
    const [{ n }]: { n: string }[] = await manager.query(
      'SELECT count(*) AS n FROM alumni WHERE tenant_id = $1',
      [tenantId],
    );
    const domains: { d: string; n: string }[] = await manager.query(
      `SELECT lower(split_part(e, '@', 2)) AS d, count(DISTINCT a.id) AS n
       FROM alumni a, unnest(a.emails) e WHERE a.tenant_id = $1 GROUP BY 1`,
      [tenantId],
    );
    return { alumniCount: Number(n), domainCounts: new Map(domains.map((r) => [r.d, Number(r.n)])) };
  }

  /** Name frequencies counted again from every person's frequency keys. */
  async recountFrequencies(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query('DELETE FROM alumni_name_frequencies WHERE tenant_id = $1', [tenantId]);
    await manager.query(
      `INSERT INTO alumni_name_frequencies (tenant_id, key, count)
       SELECT $1, k, count(*) FROM alumni a, unnest(a.frequency_keys) k WHERE a.tenant_id = $1 GROUP BY k`,
      [tenantId],
    );
  }

  /** Stores name frequencies counted while importing into an empty tenant (see RegistryStatisticsCounter). */
  async replaceFrequencies(
    manager: EntityManager,
    tenantId: string,
    frequencies: ReadonlyMap<string, number>,
  ): Promise<void> {
    await manager.query('DELETE FROM alumni_name_frequencies WHERE tenant_id = $1', [tenantId]);
    await manager.query(
      `INSERT INTO alumni_name_frequencies (tenant_id, key, count) SELECT $1, k, n FROM unnest($2::text[], $3::int[]) AS f(k, n)`,
      [tenantId, [...frequencies.keys()], [...frequencies.values()]],
    );
  }

  async saveStats(
    manager: EntityManager,
    tenantId: string,
    alumniCount: number,
    corporateEmailDomains: string[],
  ): Promise<void> {
    await manager.query(
      // A tenant's first statistics follow its first write: every key in it was derived by this version.
      `INSERT INTO registry_stats (tenant_id, alumni_count, corporate_email_domains, refreshed_at, match_keys_version)
       VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (tenant_id) DO UPDATE SET alumni_count = excluded.alumni_count,
         corporate_email_domains = excluded.corporate_email_domains, refreshed_at = now()`,
      [tenantId, alumniCount, corporateEmailDomains, MATCH_KEYS_VERSION],
    );
  }

  /** Tenants with people whose keys an older derivation than `version` built. */
  async tenantsWithMatchKeysBefore(version: number): Promise<string[]> {
    const rows: { tenant_id: string }[] = await this.dataSource.query(
      `SELECT s.tenant_id FROM registry_stats s
       WHERE s.match_keys_version < $1 AND EXISTS (SELECT 1 FROM alumni a WHERE a.tenant_id = s.tenant_id)
       ORDER BY s.tenant_id`,
      [version],
    );
    return rows.map((r) => r.tenant_id);
  }

  async matchKeysVersion(tenantId: string): Promise<number | null> {
    const rows: { v: number }[] = await this.dataSource.query(
      'SELECT match_keys_version AS v FROM registry_stats WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0]?.v ?? null;
  }

  async setMatchKeysVersion(manager: EntityManager, tenantId: string, version: number): Promise<void> {
    // No statistics row means nothing was ever written: the first write records the version it used.
    await manager.query('UPDATE registry_stats SET match_keys_version = $2 WHERE tenant_id = $1', [
      tenantId,
      version,
    ]);
  }

  /** One page of a tenant's identities in id order (a walk of the whole registry without OFFSET). */
  async identityPage(
    manager: EntityManager,
    tenantId: string,
    afterId: string | null,
    limit: number,
  ): Promise<AlumnusIdentityRow[]> {
    return manager.query(
      `SELECT ${IDENTITY_COLUMNS} FROM alumni a
       WHERE a.tenant_id = $1 AND ($2::uuid IS NULL OR a.id > $2::uuid) ORDER BY a.id LIMIT $3`,
      [tenantId, afterId, limit],
    );
  }

  /**
   * Stores keys derived again for people already in the registry (between start/finishBulkWrite): only people
   * whose keys changed are written, and of their key rows only the changed ones, as upsertBatch does. The
   * record itself and `updated_at` stay as they were. Returns how many people's keys changed.
   */
  async rekeyBatch(
    manager: EntityManager,
    bulk: BulkWrite,
    rows: { id: string; matchKeys: string[]; frequencyKeys: string[] }[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const json = JSON.stringify(
      rows.map((r) => ({ id: r.id, match_keys: r.matchKeys, frequency_keys: r.frequencyKeys })),
    );
    const [{ changed }]: { changed: number }[] = await manager.query(
      `WITH input AS (
         SELECT r.id, r.frequency_keys, ARRAY(SELECT hashtextextended(k, 0) FROM unnest(r.match_keys) k) AS match_key_hashes
         FROM json_to_recordset($2::json) AS r(id uuid, match_keys text[], frequency_keys text[])),
       previous AS (
         SELECT a.id, a.match_key_hashes, a.frequency_keys FROM alumni a JOIN input r ON a.tenant_id = $1 AND a.id = r.id),
       changed AS (
         SELECT r.* FROM input r JOIN previous p ON p.id = r.id
         WHERE NOT (r.match_key_hashes @> p.match_key_hashes AND r.match_key_hashes <@ p.match_key_hashes)
            OR r.frequency_keys IS DISTINCT FROM p.frequency_keys),
       written AS (
         UPDATE alumni a SET match_key_hashes = c.match_key_hashes, frequency_keys = c.frequency_keys
         FROM changed c WHERE a.tenant_id = $1 AND a.id = c.id
         RETURNING a.id, a.match_key_hashes),
       ${keyRowChanges(bulk.keyTable)}
       SELECT count(*)::int AS changed FROM written`,
      [bulk.tenantId, json],
    );
    return changed;
  }

  /** What scoring needs besides the candidates, in one query: registry size, company domains, name frequencies. */
  /**
   * Everything matching reads before scoring, in one round trip (an applicant is matched per webhook, so
   * round trips are the cost): the tenant's matching settings, the registry's size and detected company
   * domains, how many alumni carry each name key, and the candidate ids: up to `perKey` alumni per probe
   * key (index-only scans; the caller asks for one more than it accepts, to see which keys are too common
   * to mean anything) and up to `sameDay` alumni born on the applicant's birth date (`key` null).
   * Null when the tenant does not exist.
   */
  async matchLookup(
    tenantId: string,
    probe: { frequencyKeys: string[]; keys: string[]; birthDate: string | null },
    limits: { perKey: number; sameDay: number },
  ): Promise<MatchLookup | null> {
    const [row]: {
      settings: TenantSettings;
      name: string;
      alumni_count: number;
      domains: string[];
      freq: Record<string, number>;
      hits: [string, string][];
      same_day: [string, string, string, string | null, string | null, string[]][];
    }[] = await this.dataSource.query(
      `SELECT t.settings, t.name, coalesce(s.alumni_count, 0) AS alumni_count, coalesce(s.corporate_email_domains, '{}') AS domains,
           (SELECT coalesce(json_object_agg(f.key, f.count), '{}') FROM alumni_name_frequencies f
            WHERE f.tenant_id = $1 AND f.key = ANY($2::text[])) AS freq,
           (SELECT coalesce(json_agg(json_build_array(k, x.alumnus_id)), '[]') FROM unnest($3::text[]) k CROSS JOIN LATERAL (
              SELECT alumnus_id FROM alumni_match_keys WHERE tenant_id = $1 AND key_hash = hashtextextended(k, 0) LIMIT $5) x) AS hits,
           -- Served by ix_alumni_tenant_birth_date alone: it carries the name columns.
           (SELECT coalesce(json_agg(json_build_array(d.id, d.family_name, d.given_name, d.family_name_kana, d.given_name_kana,
                   d.previous_family_names)), '[]')
              FROM (SELECT id, family_name, given_name, family_name_kana, given_name_kana, previous_family_names FROM alumni
                     WHERE $4::date IS NOT NULL AND tenant_id = $1 AND birth_date = $4::date LIMIT $6) d) AS same_day
         FROM tenants t LEFT JOIN registry_stats s ON s.tenant_id = t.id WHERE t.id = $1`,
      [tenantId, probe.frequencyKeys, probe.keys, probe.birthDate, limits.perKey, limits.sameDay],
    );
    if (!row) return null;
    return {
      settings: row.settings,
      tenantName: row.name,
      alumniCount: row.alumni_count,
      corporateEmailDomains: row.domains,
      frequencies: new Map(Object.entries(row.freq)),
      hits: row.hits.map(([key, alumnusId]) => ({ key, alumnusId })),
      sameDay: row.same_day.map(([id, familyName, givenName, familyNameKana, givenNameKana, prev]) => ({
        id,
        familyName,
        givenName,
        familyNameKana,
        givenNameKana,
        previousFamilyNames: prev ?? [],
      })),
    };
  }

  /** Identity columns of the given alumni, in the order of `ids`. */
  async identitiesByIds(tenantId: string, ids: string[]): Promise<AlumnusIdentityRow[]> {
    if (ids.length === 0) return [];
    const rows: AlumnusIdentityRow[] = await this.dataSource.query(
      `SELECT ${IDENTITY_COLUMNS} FROM alumni a WHERE a.tenant_id = $1 AND a.id = ANY($2::uuid[])`,
      [tenantId, ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is AlumnusIdentityRow => r !== undefined);
  }

  /** The departments of opted-in former employees (an index-only read of `ix_alumni_rediscovery`). */
  async optedInDepartments(tenantId: string): Promise<string[]> {
    const rows: { department: string }[] = await this.dataSource.query(
      `SELECT DISTINCT department FROM alumni WHERE tenant_id = $1 AND network_opt_in AND department IS NOT NULL`,
      [tenantId],
    );
    return rows.map((r) => r.department);
  }

  /**
   * Rediscovery's prefilter: only people who consented to be contacted, in the given departments or levels (or
   * with one of the skills), with just the columns ranking and the eligibility rules read. The partial index
   * `ix_alumni_rediscovery` serves it (only opted-in rows are in it).
   */
  async rediscoveryPool(
    tenantId: string,
    filter: { departments: string[]; levels: string[]; skills: string[] },
  ): Promise<RediscoveryPoolRow[]> {
    return this.dataSource.query(
      `SELECT employee_number AS "employeeNumber", family_name AS "familyName", given_name AS "givenName",
              department, job_title AS "jobTitle", job_level AS "jobLevel", skills,
              to_char(hire_date, 'YYYY-MM-DD') AS "hireDate", to_char(leave_date, 'YYYY-MM-DD') AS "leaveDate",
              departure_reason AS "departureReason", rehire_recommendation AS "rehireRecommendation",
              performance_ratings AS "performanceRatings", emails
         FROM alumni
        WHERE tenant_id = $1 AND network_opt_in
          AND ($5 OR department = ANY($2::text[]) OR job_level = ANY($3::text[]) OR skills && $4::text[])`,
      [
        tenantId,
        filter.departments,
        filter.levels,
        filter.skills,
        // Nothing to narrow by (a job with neither department nor level): every opted-in person is ranked.
        filter.departments.length === 0 && filter.levels.length === 0 && filter.skills.length === 0,
      ],
    );
  }

  async findByEmployeeNumber(tenantId: string, employeeNumber: string): Promise<AlumnusEntity | null> {
    return this.dataSource.getRepository(AlumnusEntity).findOneBy({ tenantId, employeeNumber });
  }

  /** Keyset pagination by employee number; `q` matches names, kana and employee numbers. */
  async search(tenantId: string, opts: { q?: string; limit: number; after?: string }): Promise<AlumniPage> {
    const qb = this.dataSource
      .getRepository(AlumnusEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId', { tenantId })
      .orderBy('a.employee_number', 'ASC')
      .limit(opts.limit + 1);
    if (opts.q)
      qb.andWhere('(a.search_text LIKE :q OR a.employee_number = :exact)', {
        q: `%${escapeLike(foldSearchText(opts.q))}%`,
        exact: opts.q.trim(),
      });
    if (opts.after) qb.andWhere('a.employee_number > :after', { after: opts.after });
    const rows = await qb.getMany();
    const more = rows.length > opts.limit;
    const items = rows.slice(0, opts.limit);
    return { items, nextCursor: more ? items[items.length - 1].employeeNumber : null };
  }

  /** Erasure: the row and every identity key; frequencies drop by this person's keys. Returns who it was. */
  async erase(
    manager: EntityManager,
    tenantId: string,
    employeeNumber: string,
  ): Promise<AlumnusIdentityRow | null> {
    const rows: (AlumnusIdentityRow & { frequency_keys: string[]; match_key_hashes: string[] })[] =
      await manager.query(
        // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare DELETE … RETURNING.
        `WITH a AS (DELETE FROM alumni WHERE tenant_id = $1 AND employee_number = $2 RETURNING *)
       SELECT ${IDENTITY_COLUMNS}, a.frequency_keys, a.match_key_hashes FROM a`,
        [tenantId, employeeNumber],
      );
    if (rows.length === 0) return null;
    await manager.query(
      'DELETE FROM alumni_match_keys WHERE tenant_id = $1 AND key_hash = ANY($2::bigint[]) AND alumnus_id = $3',
      [tenantId, rows[0].match_key_hashes, rows[0].id],
    );
    await manager.query(
      'UPDATE alumni_name_frequencies SET count = count - 1 WHERE tenant_id = $1 AND key = ANY($2::text[])',
      [tenantId, rows[0].frequency_keys],
    );
    await manager.query('DELETE FROM alumni_name_frequencies WHERE tenant_id = $1 AND count <= 0', [
      tenantId,
    ]);
    await manager.query('UPDATE registry_stats SET alumni_count = alumni_count - 1 WHERE tenant_id = $1', [
      tenantId,
    ]);
    const { frequency_keys: _f, match_key_hashes: _m, ...identity } = rows[0];
    return identity;
  }
}

/** Bytes of one key row at most: "<tenant uuid>\t<int8, up to 20 characters>\t<alumnus uuid>\n". */
const KEY_ROW_BYTES = 37 + 21 + 37;

/**
 * A batch's key rows (about ten per registry row, all ASCII) in COPY's text format, written straight into
 * bytes: a string per key row joined at the end cost more than hashing the keys.
 */
class KeyRowWriter {
  private buf: Buffer;
  private length = 0;
  private readonly tenantPrefix: Buffer;

  constructor(tenantId: string, registryRows: number) {
    this.tenantPrefix = Buffer.from(`${tenantId}\t`, 'latin1');
    this.buf = Buffer.allocUnsafe(Math.max(16, registryRows * 12) * KEY_ROW_BYTES);
  }

  add(keyHash: string, alumnusId: string): void {
    if (this.length + KEY_ROW_BYTES > this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    this.length += this.tenantPrefix.copy(this.buf, this.length);
    this.length += this.buf.write(keyHash, this.length, 'latin1');
    this.buf[this.length++] = 0x09;
    this.length += this.buf.write(alumnusId, this.length, 'latin1');
    this.buf[this.length++] = 0x0a;
  }

  /** The rows written so far (only those bytes: the rest of the buffer was never initialised). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

/**
 * CTEs of an upsert or a re-key statement, after its `previous` (id, match_key_hashes before) and `written` (id,
 * match_key_hashes after; tenant in $1): key rows no longer derived are deleted, new ones staged in the bulk
 * write's key table (indexed by finishBulkWrite). People new to the registry have no `previous` row.
 */
function keyRowChanges(keyTable: string): string {
  return `dropped_keys AS (
         DELETE FROM alumni_match_keys k USING previous p, written w
         WHERE w.id = p.id AND k.tenant_id = $1 AND k.key_hash = ANY(p.match_key_hashes)
           AND k.alumnus_id = p.id AND NOT (k.key_hash = ANY(w.match_key_hashes))),
       staged_keys AS (
         INSERT INTO ${keyTable} (tenant_id, key_hash, alumnus_id)
         -- Keys are distinct text already; DISTINCT here (one hash over the batch, not one per row) guards the
         -- primary key against two keys of one person sharing a 64-bit hash.
         SELECT DISTINCT $1::uuid, h, w.id FROM written w LEFT JOIN previous p ON p.id = w.id, unnest(w.match_key_hashes) h
         WHERE p.id IS NULL OR NOT (h = ANY(p.match_key_hashes)))`;
}

/** A value in COPY's text format (null → \\N; backslash, tab, newline and carriage return escaped). */
const COPY_SPECIAL = /[\\\t\n\r]/u;

function copyText(v: string | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (!COPY_SPECIAL.test(v)) return v;
  return v.replace(/[\\\t\n\r]/gu, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** A text[] literal (every element quoted), then escaped for COPY; null or missing → {} like the INSERT path. */
function copyArray(values: readonly string[] | null | undefined): string {
  if (!values || values.length === 0) return '{}';
  return copyText(`{${values.map((v) => `"${v.replace(/[\\"]/gu, (c) => `\\${c}`)}"`).join(',')}}`);
}

/** Each tenant's keys live in their own partition of alumni_match_keys. */
export function keyPartitionName(tenantId: string): string {
  return `alumni_match_keys_t_${uuidHex(tenantId)}`;
}

function quoteUuid(id: string): string {
  return `'${uuidHex(id).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/u, '$1-$2-$3-$4-$5')}'`;
}

/** Identifiers and literals built from a tenant id are safe only because the id is checked to be a UUID here. */
function uuidHex(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu.test(id))
    throw new Error(`not a tenant id: ${id}`);
  return id.replace(/-/gu, '').toLowerCase();
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
