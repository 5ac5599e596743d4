import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { CandidateOdds } from '@comeback/domain';
import type { TransactionManager } from '@comeback/platform';
import { DataSource, Repository } from 'typeorm';
import { TrackedApplicationEntity } from '../applications/tracked-application.entity';
import { MatchRejectionEntity, ReviewItemEntity, ReviewStatus } from './review-item.entity';

export type NewReviewItem = Pick<
  ReviewItemEntity,
  | 'tenantId'
  | 'ats'
  | 'applicationId'
  | 'candidateId'
  | 'candidateName'
  | 'status'
  | 'candidates'
  | 'applicant'
>;

export type NewMatchRejection = Pick<
  MatchRejectionEntity,
  'tenantId' | 'ats' | 'candidateId' | 'employeeNumber' | 'rejectedBy'
>;

export type ReviewDecision = Pick<
  ReviewItemEntity,
  'status' | 'decidedEmployeeNumber' | 'decidedBy' | 'decidedAt'
>;

/** One matcher decision as the accuracy report reads it. */
export interface RecentDecision {
  outcome: string;
  score: number | null;
  /** The candidates shown, best first; null where not kept (decisions stored before) or none. */
  candidates: CandidateOdds[] | null;
  reviewStatus: ReviewStatus | null;
}
@Injectable()
export class ReviewQueueRepository {
  constructor(
    @InjectRepository(ReviewItemEntity) private readonly items: Repository<ReviewItemEntity>,
    @InjectRepository(MatchRejectionEntity) private readonly rejections: Repository<MatchRejectionEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  transaction<T>(work: (m: TransactionManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * The tenant's latest matcher decisions as the accuracy report needs them: what was decided (an application
   * with a review item went to review; a matched outcome without one was an automatic flag), the best score,
   * and HR's verdict (review status; "not a returnee" is the match_undone outcome).
   */
  async recentDecisions(tenantId: string, limit: number): Promise<RecentDecision[]> {
    const rows: RecentDecision[] = await this.db.query(
      `SELECT t.outcome, t.match_score AS score, t.match_candidates AS candidates,
                r.status AS "reviewStatus"
           FROM tracked_applications t
           LEFT JOIN review_items r
             ON r.tenant_id = t.tenant_id AND r.ats = t.ats AND r.application_id = t.application_id
          WHERE t.tenant_id = $1
          ORDER BY t.updated_at DESC
          LIMIT $2`,
      [tenantId, limit],
    );
    return rows;
  }

  /** Inserts the item unless the application already has one (replays do not duplicate it). */
  async insertIfAbsent(item: NewReviewItem): Promise<void> {
    await this.items
      .createQueryBuilder()
      .insert()
      .values({ ...item, applicant: item.applicant as object })
      .orIgnore()
      .execute();
  }

  list(tenantId: string, status: ReviewStatus, limit: number): Promise<ReviewItemEntity[]> {
    return this.items.find({ where: { tenantId, status }, order: { createdAt: 'ASC' }, take: limit });
  }

  find(tenantId: string, id: string): Promise<ReviewItemEntity | null> {
    return this.items.findOneBy({ tenantId, id });
  }

  async confirmedFor(tenantId: string, ats: string, applicationId: string): Promise<ReviewItemEntity | null> {
    return this.items.findOneBy({ tenantId, ats, applicationId, status: 'confirmed' });
  }

  async rejectedEmployeeNumbers(tenantId: string, ats: string, candidateId: string): Promise<string[]> {
    const rows = await this.rejections.find({
      where: { tenantId, ats, candidateId },
      select: { employeeNumber: true },
    });
    return rows.map((r) => r.employeeNumber);
  }

  /** The item, locked for the rest of the transaction so two decisions cannot race. */
  findForUpdate(m: TransactionManager, tenantId: string, id: string): Promise<ReviewItemEntity | null> {
    return m
      .getRepository(ReviewItemEntity)
      .findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async recordDecision(m: TransactionManager, id: string, decision: ReviewDecision): Promise<void> {
    await m.getRepository(ReviewItemEntity).update(id, decision);
  }

  countOpen(tenantId: string): Promise<number> {
    return this.items.countBy({ tenantId, status: 'open' });
  }

  async insertRejections(m: TransactionManager, rows: NewMatchRejection[]): Promise<void> {
    await m
      .getRepository(MatchRejectionEntity)
      .createQueryBuilder()
      .insert()
      .values(rows)
      .orIgnore()
      .execute();
  }

  async markApplicationReviewRejected(
    m: TransactionManager,
    tenantId: string,
    ats: string,
    applicationId: string,
  ): Promise<void> {
    await m
      .getRepository(TrackedApplicationEntity)
      .update({ tenantId, ats, applicationId }, { outcome: 'review_rejected' });
  }
}
