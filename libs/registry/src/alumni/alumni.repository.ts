import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlumnusRecord } from '@comeback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AlumnusEntity } from './alumnus.entity';

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
}

export interface AlumniPage {
  items: AlumnusEntity[];
  nextCursor: string | null;
}

/** All SQL of the registry. Writes are set-based (one statement per batch) so imports run near COPY speed. */
@Injectable()
export class AlumniRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Upserts a batch by employee number and replaces the identity keys of every row written. */
  async upsertBatch(manager: EntityManager, tenantId: string, rows: AlumnusWrite[]): Promise<{ inserted: number; updated: number }> {
    if (rows.length === 0) return { inserted: 0, updated: 0 };
    const json = JSON.stringify(
      rows.map(({ record: r, frequencyKeys, searchText }) => ({
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
        search_text: searchText,
      })),
    );
    const written: { id: string; employee_number: string; inserted: boolean }[] = await manager.query(
      `INSERT INTO alumni (tenant_id, employee_number, family_name, given_name, family_name_kana, given_name_kana,
         previous_family_names, birth_date, emails, phones, hire_date, leave_date, departure_reason, rehire_recommendation,
         department, job_title, job_level, last_base_salary, performance_ratings, skills, network_opt_in, frequency_keys, search_text)
       SELECT $1, r.employee_number, r.family_name, r.given_name, r.family_name_kana, r.given_name_kana,
         coalesce(r.previous_family_names, '{}'), r.birth_date, coalesce(r.emails, '{}'), coalesce(r.phones, '{}'), r.hire_date, r.leave_date,
         r.departure_reason, r.rehire_recommendation, r.department, r.job_title, r.job_level, r.last_base_salary,
         coalesce(r.performance_ratings, '[]'), coalesce(r.skills, '{}'), r.network_opt_in, coalesce(r.frequency_keys, '{}'), r.search_text
       FROM jsonb_to_recordset($2::jsonb) AS r(employee_number text, family_name text, given_name text, family_name_kana text,
         given_name_kana text, previous_family_names text[], birth_date date, emails text[], phones text[], hire_date date,
         leave_date date, departure_reason text, rehire_recommendation text, department text, job_title text, job_level text,
         last_base_salary bigint, performance_ratings jsonb, skills text[], network_opt_in boolean, frequency_keys text[], search_text text)
       ON CONFLICT (tenant_id, employee_number) DO UPDATE SET
         family_name = excluded.family_name, given_name = excluded.given_name, family_name_kana = excluded.family_name_kana,
         given_name_kana = excluded.given_name_kana, previous_family_names = excluded.previous_family_names,
         birth_date = excluded.birth_date, emails = excluded.emails, phones = excluded.phones, hire_date = excluded.hire_date,
         leave_date = excluded.leave_date, departure_reason = excluded.departure_reason,
         rehire_recommendation = excluded.rehire_recommendation, department = excluded.department, job_title = excluded.job_title,
         job_level = excluded.job_level, last_base_salary = excluded.last_base_salary,
         performance_ratings = excluded.performance_ratings, skills = excluded.skills, network_opt_in = excluded.network_opt_in,
         frequency_keys = excluded.frequency_keys, search_text = excluded.search_text, updated_at = now()
       RETURNING id, employee_number, (xmax = 0) AS inserted`,
      [tenantId, json],
    );
    const updatedIds = written.filter((w) => !w.inserted).map((w) => w.id);
    if (updatedIds.length > 0) {
      await manager.query('DELETE FROM alumni_match_keys WHERE alumnus_id = ANY($1::uuid[])', [updatedIds]);
    }
    const idByNumber = new Map(written.map((w) => [w.employee_number, w.id]));
    const keys: string[] = [];
    const ids: string[] = [];
    for (const row of rows) {
      const id = idByNumber.get(row.record.employeeNumber)!;
      for (const k of row.matchKeys) {
        keys.push(k);
        ids.push(id);
      }
    }
    await manager.query(
      `INSERT INTO alumni_match_keys (tenant_id, key, alumnus_id)
       SELECT $1, k, id FROM unnest($2::text[], $3::uuid[]) AS t(k, id) ON CONFLICT DO NOTHING`,
      [tenantId, keys, ids],
    );
    return { inserted: written.length - updatedIds.length, updated: updatedIds.length };
  }

  /** Recounts name frequencies, the alumni count and the e-mail domains after a bulk change. */
  async refreshStatistics(manager: EntityManager, tenantId: string): Promise<{ alumniCount: number; domainCounts: Map<string, number> }> {
    await manager.query('DELETE FROM alumni_name_frequencies WHERE tenant_id = $1', [tenantId]);
    await manager.query(
      `INSERT INTO alumni_name_frequencies (tenant_id, key, count)
       SELECT $1, k, count(*) FROM alumni a, unnest(a.frequency_keys) k WHERE a.tenant_id = $1 GROUP BY k`,
      [tenantId],
    );
    const [{ n }]: { n: string }[] = await manager.query('SELECT count(*) AS n FROM alumni WHERE tenant_id = $1', [tenantId]);
    const domains: { d: string; n: string }[] = await manager.query(
      `SELECT lower(split_part(e, '@', 2)) AS d, count(DISTINCT a.id) AS n
       FROM alumni a, unnest(a.emails) e WHERE a.tenant_id = $1 GROUP BY 1`,
      [tenantId],
    );
    return { alumniCount: Number(n), domainCounts: new Map(domains.map((r) => [r.d, Number(r.n)])) };
  }

  async saveStats(manager: EntityManager, tenantId: string, alumniCount: number, corporateEmailDomains: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO registry_stats (tenant_id, alumni_count, corporate_email_domains, refreshed_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (tenant_id) DO UPDATE SET alumni_count = excluded.alumni_count,
         corporate_email_domains = excluded.corporate_email_domains, refreshed_at = now()`,
      [tenantId, alumniCount, corporateEmailDomains],
    );
  }

  async getStats(tenantId: string): Promise<{ alumniCount: number; corporateEmailDomains: string[] }> {
    const rows: { alumni_count: number; corporate_email_domains: string[] }[] = await this.dataSource.query(
      'SELECT alumni_count, corporate_email_domains FROM registry_stats WHERE tenant_id = $1',
      [tenantId],
    );
    return { alumniCount: rows[0]?.alumni_count ?? 0, corporateEmailDomains: rows[0]?.corporate_email_domains ?? [] };
  }

  /** Candidates = alumni sharing at least one probe key, most shared keys first. One index range scan per key. */
  async findCandidates(tenantId: string, probeKeys: string[], limit: number): Promise<AlumnusIdentityRow[]> {
    if (probeKeys.length === 0) return [];
    return this.dataSource.query(
      `WITH hits AS (
         SELECT alumnus_id, count(*) AS n FROM alumni_match_keys
         WHERE tenant_id = $1 AND key = ANY($2::text[]) GROUP BY alumnus_id ORDER BY n DESC LIMIT $3)
       SELECT a.id, a.employee_number AS "employeeNumber", a.family_name AS "familyName", a.given_name AS "givenName",
         a.family_name_kana AS "familyNameKana", a.given_name_kana AS "givenNameKana",
         a.previous_family_names AS "previousFamilyNames", to_char(a.birth_date, 'YYYY-MM-DD') AS "birthDate",
         a.emails, a.phones
       FROM hits JOIN alumni a ON a.id = hits.alumnus_id ORDER BY hits.n DESC`,
      [tenantId, probeKeys, limit],
    );
  }

  async frequencies(tenantId: string, keys: string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows: { key: string; count: number }[] = await this.dataSource.query(
      'SELECT key, count FROM alumni_name_frequencies WHERE tenant_id = $1 AND key = ANY($2::text[])',
      [tenantId, keys],
    );
    return new Map(rows.map((r) => [r.key, r.count]));
  }

  async findByEmployeeNumber(tenantId: string, employeeNumber: string): Promise<AlumnusEntity | null> {
    return this.dataSource.getRepository(AlumnusEntity).findOneBy({ tenantId, employeeNumber });
  }

  async findByIds(tenantId: string, ids: string[]): Promise<AlumnusEntity[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(AlumnusEntity).createQueryBuilder('a').where('a.tenant_id = :tenantId AND a.id IN (:...ids)', { tenantId, ids }).getMany();
  }

  /** Keyset pagination by employee number; `q` matches names, kana and employee numbers. */
  async search(tenantId: string, opts: { q?: string; limit: number; after?: string }): Promise<AlumniPage> {
    const qb = this.dataSource
      .getRepository(AlumnusEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId', { tenantId })
      .orderBy('a.employee_number', 'ASC')
      .limit(opts.limit + 1);
    if (opts.q) qb.andWhere("(a.search_text LIKE :q OR a.employee_number = :exact)", { q: `%${escapeLike(opts.q.toLowerCase())}%`, exact: opts.q });
    if (opts.after) qb.andWhere('a.employee_number > :after', { after: opts.after });
    const rows = await qb.getMany();
    const more = rows.length > opts.limit;
    const items = rows.slice(0, opts.limit);
    return { items, nextCursor: more ? items[items.length - 1].employeeNumber : null };
  }

  /** Erasure: the row and (by cascade) every identity key; frequencies drop by this person's keys. */
  async erase(manager: EntityManager, tenantId: string, employeeNumber: string): Promise<{ id: string } | null> {
    const rows: { id: string; frequency_keys: string[] }[] = await manager.query(
      'DELETE FROM alumni WHERE tenant_id = $1 AND employee_number = $2 RETURNING id, frequency_keys',
      [tenantId, employeeNumber],
    );
    if (rows.length === 0) return null;
    await manager.query(
      'UPDATE alumni_name_frequencies SET count = count - 1 WHERE tenant_id = $1 AND key = ANY($2::text[])',
      [tenantId, rows[0].frequency_keys],
    );
    await manager.query('DELETE FROM alumni_name_frequencies WHERE tenant_id = $1 AND count <= 0', [tenantId]);
    await manager.query('UPDATE registry_stats SET alumni_count = alumni_count - 1 WHERE tenant_id = $1', [tenantId]);
    return { id: rows[0].id };
  }

  async countKeys(tenantId: string, alumnusId: string): Promise<number> {
    const [{ n }]: { n: string }[] = await this.dataSource.query('SELECT count(*) AS n FROM alumni_match_keys WHERE tenant_id = $1 AND alumnus_id = $2', [tenantId, alumnusId]);
    return Number(n);
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
