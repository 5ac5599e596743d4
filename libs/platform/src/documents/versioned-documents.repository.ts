import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { VersionedDocumentEntity, VersionedDocumentRow } from './versioned-document.entity';

export type NewVersionedDocument = Pick<
  VersionedDocumentRow,
  'tenantId' | 'version' | 'status' | 'document' | 'comment' | 'createdBy'
>;

/** All SQL of versioned documents, for any kind (its entity names the table). Every query is scoped by tenant. */
@Injectable()
export class VersionedDocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findActive(entity: VersionedDocumentEntity, tenantId: string): Promise<VersionedDocumentRow | null> {
    return this.db.getRepository(entity).findOneBy({ tenantId, status: 'active' });
  }

  findVersion(
    entity: VersionedDocumentEntity,
    tenantId: string,
    version: number,
  ): Promise<VersionedDocumentRow | null> {
    return this.db.getRepository(entity).findOneBy({ tenantId, version });
  }

  /** Newest first. */
  list(entity: VersionedDocumentEntity, tenantId: string): Promise<VersionedDocumentRow[]> {
    return this.db.getRepository(entity).find({ where: { tenantId }, order: { version: 'DESC' } });
  }

  /** Inserts `document` as the active version 1, unless the tenant already has a version 1 (a concurrent seed). */
  async seedActive(
    entity: VersionedDocumentEntity,
    tenantId: string,
    document: Record<string, unknown>,
    comment: string,
  ): Promise<void> {
    const table = this.db.getMetadata(entity).tablePath;
    await this.db.query(
      `INSERT INTO ${table} (tenant_id, version, status, document, comment, created_by, activated_by, activated_at)
       VALUES ($1, 1, 'active', $2, $3, 'system', 'system', now())
       ON CONFLICT DO NOTHING`,
      [tenantId, JSON.stringify(document), comment],
    );
  }

  /** Holds a transaction-scoped advisory lock on `key` (serialises version numbering per tenant). */
  async lock(m: EntityManager, key: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  }

  async nextVersion(m: EntityManager, entity: VersionedDocumentEntity, tenantId: string): Promise<number> {
    const table = m.connection.getMetadata(entity).tablePath;
    const [{ next }]: { next: number }[] = await m.query(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM ${table} WHERE tenant_id = $1`,
      [tenantId],
    );
    return next;
  }

  async insert(
    m: EntityManager,
    entity: VersionedDocumentEntity,
    row: NewVersionedDocument,
  ): Promise<VersionedDocumentRow> {
    const repo = m.getRepository(entity);
    const created = repo.create(row);
    await repo.save(created);
    return created;
  }

  /** Records a dry run on the version's row (replacing an earlier one: the latest dry run is the one that counts). */
  async recordDryRun(
    entity: VersionedDocumentEntity,
    tenantId: string,
    id: string,
    run: { by: string; at: Date; hash: string },
  ): Promise<void> {
    await this.db
      .getRepository(entity)
      .update({ tenantId, id }, { dryRunBy: run.by, dryRunAt: run.at, dryRunHash: run.hash });
  }

  /** The version's row, locked until the transaction ends (activation checks its dry run against this). */
  findForUpdate(
    m: EntityManager,
    entity: VersionedDocumentEntity,
    tenantId: string,
    id: string,
  ): Promise<VersionedDocumentRow | null> {
    return m.getRepository(entity).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Retires the tenant's active version and makes `id` the active one. */
  async activate(
    m: EntityManager,
    entity: VersionedDocumentEntity,
    tenantId: string,
    id: string,
    by: string,
    at: Date,
  ): Promise<void> {
    const r = m.getRepository(entity);
    await r.update({ tenantId, status: 'active' }, { status: 'retired' });
    await r.update({ id }, { status: 'active', activatedBy: by, activatedAt: at });
  }
}
