import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OfferApprovalEntity, OfferCheckEntity } from '../entities/offer-check.entity';

export type NewOfferCheck = Omit<OfferCheckEntity, 'id' | 'createdAt'>;

/** All SQL of offer checks and approvals. Every query is scoped by tenant. */
@Injectable()
export class OfferChecksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insert(check: NewOfferCheck, m?: EntityManager): Promise<OfferCheckEntity> {
    const repo = (m ?? this.db.manager).getRepository(OfferCheckEntity);
    return repo.save(repo.create(check));
  }

  /** Idempotent per (offer id, version): returns the stored check, and whether this call created it. */
  async insertAtsOffer(check: NewOfferCheck): Promise<{ row: OfferCheckEntity; created: boolean }> {
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(OfferCheckEntity)
      .values(check)
      .orIgnore()
      .returning('id')
      .execute();
    const created = (result.raw as unknown[]).length > 0;
    const row = await this.findByOffer(check.tenantId, check.ats, check.offerId!, check.offerVersion!);
    if (!row) throw new Error('offer check vanished after insert');
    return { row, created };
  }

  findByOffer(
    tenantId: string,
    ats: string,
    offerId: string,
    offerVersion: string,
  ): Promise<OfferCheckEntity | null> {
    return this.db.getRepository(OfferCheckEntity).findOneBy({ tenantId, ats, offerId, offerVersion });
  }

  findById(tenantId: string, id: string): Promise<OfferCheckEntity | null> {
    return this.db.getRepository(OfferCheckEntity).findOneBy({ tenantId, id });
  }

  async listForApplication(
    tenantId: string,
    ats: string,
    applicationId: string,
    limit = 200,
  ): Promise<{ check: OfferCheckEntity; approval: OfferApprovalEntity | null }[]> {
    const checks = await this.db
      .getRepository(OfferCheckEntity)
      .find({ where: { tenantId, ats, applicationId }, order: { createdAt: 'DESC' }, take: limit });
    if (checks.length === 0) return [];
    const approvals = await this.db
      .getRepository(OfferApprovalEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId AND a.offer_check_id IN (:...ids)', {
        tenantId,
        ids: checks.map((c) => c.id),
      })
      .getMany();
    const byCheck = new Map(approvals.map((a) => [a.offerCheckId, a]));
    return checks.map((check) => ({ check, approval: byCheck.get(check.id) ?? null }));
  }

  findApproval(tenantId: string, offerCheckId: string): Promise<OfferApprovalEntity | null> {
    return this.db.getRepository(OfferApprovalEntity).findOneBy({ tenantId, offerCheckId });
  }

  /** Inserts HR's decision unless one exists; null when the check was already decided. */
  async insertApproval(
    m: EntityManager,
    a: Omit<OfferApprovalEntity, 'id' | 'createdAt'>,
  ): Promise<OfferApprovalEntity | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO offer_approvals (tenant_id, offer_check_id, approved_by, approved_by_subject, reason, decision)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (offer_check_id) DO NOTHING RETURNING id`,
      [a.tenantId, a.offerCheckId, a.approvedBy, a.approvedBySubject, a.reason, a.decision],
    );
    if (rows.length === 0) return null;
    return m.getRepository(OfferApprovalEntity).findOneByOrFail({ id: rows[0].id });
  }

  /** The latest proposal or ATS offer check of every application: the offers a policy change would affect. */
  async openChecks(tenantId: string): Promise<OfferCheckEntity[]> {
    return this.db
      .getRepository(OfferCheckEntity)
      .createQueryBuilder('c')
      .distinctOn(['c.ats', 'c.application_id'])
      .where("c.tenant_id = :tenantId AND c.kind IN ('proposal', 'ats_offer')", { tenantId })
      .orderBy('c.ats')
      .addOrderBy('c.application_id')
      .addOrderBy('c.created_at', 'DESC')
      .getMany();
  }
}
