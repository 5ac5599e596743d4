import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MATCH_KEYS_VERSION } from '@comeback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AlumnusEntity } from '../alumni/alumnus.entity';

/** The few statements a record-by-record source (an HR system) needs besides the bulk upsert. */
@Injectable()
export class AlumniSyncRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findMany(
    manager: EntityManager,
    tenantId: string,
    employeeNumbers: string[],
  ): Promise<AlumnusEntity[]> {
    if (employeeNumbers.length === 0) return [];
    return manager
      .getRepository(AlumnusEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId AND a.employee_number IN (:...employeeNumbers)', {
        tenantId,
        employeeNumbers,
      })
      .getMany();
  }

  /**
   * Name frequencies and the registry count follow a few changed people incrementally: recounting a
   * million-row registry for one webhook would cost seconds.
   */
  async adjustStatistics(
    manager: EntityManager,
    tenantId: string,
    removedKeys: string[],
    addedKeys: string[],
    insertedPeople: number,
  ): Promise<void> {
    const delta = new Map<string, number>();
    for (const k of removedKeys) delta.set(k, (delta.get(k) ?? 0) - 1);
    for (const k of addedKeys) delta.set(k, (delta.get(k) ?? 0) + 1);
    const changed = [...delta].filter(([, n]) => n !== 0);
    if (changed.length > 0) {
      await manager.query(
        `INSERT INTO alumni_name_frequencies (tenant_id, key, count)
         SELECT $1, k, n FROM unnest($2::text[], $3::int[]) AS f(k, n)
         ON CONFLICT (tenant_id, key) DO UPDATE SET count = alumni_name_frequencies.count + excluded.count`,
        [tenantId, changed.map(([k]) => k), changed.map(([, n]) => n)],
      );
      await manager.query('DELETE FROM alumni_name_frequencies WHERE tenant_id = $1 AND count <= 0', [
        tenantId,
      ]);
    }
    if (insertedPeople > 0) {
      await manager.query(
        // A first write into the tenant: every key in it was derived by this version.
        `INSERT INTO registry_stats (tenant_id, alumni_count, corporate_email_domains, refreshed_at, match_keys_version)
         VALUES ($1, $2, '{}', now(), $3)
         ON CONFLICT (tenant_id) DO UPDATE SET alumni_count = registry_stats.alumni_count + excluded.alumni_count`,
        [tenantId, insertedPeople, MATCH_KEYS_VERSION],
      );
    }
  }

  /** Sets (a date) or clears (null) `rejoined_at` of these people; returns the numbers that changed. */
  async setRejoined(
    manager: EntityManager,
    tenantId: string,
    employeeNumbers: string[],
    on: string | null,
  ): Promise<string[]> {
    if (employeeNumbers.length === 0) return [];
    const rows: { employee_number: string }[] = await manager.query(
      `WITH u AS (UPDATE alumni SET rejoined_at = $3::date, updated_at = now()
         WHERE tenant_id = $1 AND employee_number = ANY($2::text[]) AND rejoined_at IS DISTINCT FROM $3::date
         RETURNING employee_number)
       SELECT employee_number FROM u`,
      [tenantId, employeeNumbers, on],
    );
    return rows.map((r) => r.employee_number);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
