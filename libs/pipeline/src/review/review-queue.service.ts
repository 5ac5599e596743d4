import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AtsApplication } from '@comeback/ats';
import type { ScoredCandidate } from '@comeback/domain';
import { AppException, AuditActor, AuditService, ErrorCode, JobQueue, NotFoundException } from '@comeback/platform';
import { DataSource, Repository } from 'typeorm';
import { TrackedApplicationEntity } from '../applications/tracked-application.entity';
import { MatchRejectionEntity, ReviewItemEntity, ReviewStatus } from './review-item.entity';

@Injectable()
export class ReviewQueueService {
  constructor(
    @InjectRepository(ReviewItemEntity) private readonly items: Repository<ReviewItemEntity>,
    @InjectRepository(MatchRejectionEntity) private readonly rejections: Repository<MatchRejectionEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  /** Opens (or keeps) the one review item of an application; replays do not duplicate it. */
  async open(ats: string, tenantId: string, app: AtsApplication, candidates: readonly ScoredCandidate[]): Promise<void> {
    await this.items
      .createQueryBuilder()
      .insert()
      .values({
        tenantId,
        ats,
        applicationId: app.applicationId,
        candidateId: app.candidateId,
        candidateName: [app.candidate.lastName, app.candidate.firstName].filter(Boolean).join(' '),
        status: 'open',
        candidates: candidates.slice(0, 5).map((c) => ({ employeeNumber: c.employeeNumber, score: c.score, evidence: c.evidence })),
        applicant: { firstName: app.candidate.firstName, lastName: app.candidate.lastName, emails: app.candidate.emails, phones: app.candidate.phones, jobName: app.jobName } as object,
      })
      .orIgnore()
      .execute();
  }

  async list(tenantId: string, status: ReviewStatus, limit: number): Promise<ReviewItemEntity[]> {
    return this.items.find({ where: { tenantId, status }, order: { createdAt: 'ASC' }, take: limit });
  }

  async get(tenantId: string, id: string): Promise<ReviewItemEntity> {
    const item = await this.items.findOneBy({ tenantId, id });
    if (!item) throw new NotFoundException('Review item');
    return item;
  }

  async rejectedEmployeeNumbers(tenantId: string, ats: string, candidateId: string): Promise<Set<string>> {
    const rows = await this.rejections.find({ where: { tenantId, ats, candidateId }, select: { employeeNumber: true } });
    return new Set(rows.map((r) => r.employeeNumber));
  }

  /** The former employee a person confirmed for this application, if any. */
  async confirmedEmployeeNumber(tenantId: string, ats: string, applicationId: string): Promise<string | null> {
    const item = await this.items.findOneBy({ tenantId, ats, applicationId, status: 'confirmed' });
    return item?.decidedEmployeeNumber ?? null;
  }

  /** "Yes, this is them": the pipeline continues for this application with the chosen former employee. */
  async confirm(actor: AuditActor, id: string, employeeNumber: string): Promise<ReviewItemEntity> {
    const item = await this.decide(actor, id, 'confirmed', employeeNumber);
    await this.queue.enqueue(
      'application.evaluate',
      { tenantId: actor.tenantId, ats: item.ats, applicationId: item.applicationId, candidateId: item.candidateId, reason: 'review_confirmed' },
      { jobId: `review:${item.id}` },
    );
    return item;
  }

  /** "No, none of these": remembered, so the same pairs are never proposed again. */
  async reject(actor: AuditActor, id: string): Promise<ReviewItemEntity> {
    return this.decide(actor, id, 'rejected', null);
  }

  private async decide(actor: AuditActor, id: string, status: 'confirmed' | 'rejected', employeeNumber: string | null): Promise<ReviewItemEntity> {
    return this.db.transaction(async (m) => {
      const item = await m.getRepository(ReviewItemEntity).findOne({ where: { tenantId: actor.tenantId, id }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw new NotFoundException('Review item');
      if (item.status !== 'open') throw new AppException(ErrorCode.Conflict, `This review item was already ${item.status}`);
      if (employeeNumber && !item.candidates.some((c) => c.employeeNumber === employeeNumber)) {
        throw new AppException(ErrorCode.ValidationFailed, 'Choose one of the proposed former employees');
      }
      await m.getRepository(ReviewItemEntity).update(item.id, { status, decidedEmployeeNumber: employeeNumber, decidedBy: actor.name, decidedAt: new Date() });
      if (status === 'rejected') {
        await m
          .getRepository(MatchRejectionEntity)
          .createQueryBuilder()
          .insert()
          .values(item.candidates.map((c) => ({ tenantId: actor.tenantId, ats: item.ats, candidateId: item.candidateId, employeeNumber: c.employeeNumber, rejectedBy: actor.name })))
          .orIgnore()
          .execute();
        await m.getRepository(TrackedApplicationEntity).update({ tenantId: actor.tenantId, ats: item.ats, applicationId: item.applicationId }, { outcome: 'review_rejected' });
      }
      await this.audit.record(actor, { action: `review.${status}`, targetType: 'review_item', targetId: item.id, details: { employeeNumber } }, m);
      return { ...item, status, decidedEmployeeNumber: employeeNumber, decidedBy: actor.name, decidedAt: new Date() };
    });
  }
}
