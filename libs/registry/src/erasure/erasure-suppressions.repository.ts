import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { TransactionManager } from '@comeback/platform';
import { Repository } from 'typeorm';
import { ErasureSuppressionEntity } from './erasure-suppression.entity';

@Injectable()
export class ErasureSuppressionsRepository {
  constructor(
    @InjectRepository(ErasureSuppressionEntity) private readonly rows: Repository<ErasureSuppressionEntity>,
  ) {}

  async insert(tx: TransactionManager, tenantId: string, keyHashes: string[]): Promise<string> {
    const saved = await tx.getRepository(ErasureSuppressionEntity).save({ tenantId, keyHashes });
    return saved.id;
  }

  /** Every suppressed hash of the tenant (the list is small: one row per erased person). */
  async allHashes(tenantId: string): Promise<Set<string>> {
    const rows: { h: string }[] = await this.rows.query(
      'SELECT DISTINCT unnest(key_hashes) AS h FROM erasure_suppressions WHERE tenant_id = $1',
      [tenantId],
    );
    return new Set(rows.map((r) => r.h));
  }

  /** Deletes the suppressions holding any of `hashes`; returns their ids. */
  async deleteMatching(tenantId: string, hashes: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.rows.query(
      `WITH lifted AS (DELETE FROM erasure_suppressions WHERE tenant_id = $1 AND key_hashes && $2::text[] RETURNING id) SELECT id FROM lifted`,
      [tenantId, hashes],
    );
    return rows.map((r) => r.id);
  }
}
