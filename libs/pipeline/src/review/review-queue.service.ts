import { Inject, Injectable } from '@nestjs/common';
import { asAtsKind, type AtsApplication } from '@comeback/ats';
import { evidenceForViewer, type ApplicantIdentity, type ScoredCandidate } from '@comeback/domain';
import {
  AppException,
  AuditActor,
  canSeeSensitive,
  AuditService,
  ErrorCode,
  JobQueue,
  NotFoundException,
} from '@comeback/platform';
import type { ReviewItemEntity, ReviewStatus } from './review-item.entity';
import { ReviewQueueRepository } from './review-queue.repository';
import { MatchParametersService } from '@comeback/registry';

export type ReviewViewer = Pick<AuditActor, 'tenantId' | 'role'>;

/**
 * Evidence on sensitive fields (birth date) is HR-only: a recruiter sees which other fields agreed, never
 * whether the birth date did (security.md, "Who may learn what").
 */
function forViewer(item: ReviewItemEntity, viewer: Pick<AuditActor, 'role'>): ReviewItemEntity {
  if (canSeeSensitive(viewer)) return item;
  return {
    ...item,
    candidates: item.candidates.map((c) => ({ ...c, evidence: evidenceForViewer(c.evidence, false) })),
  };
}

@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly repo: ReviewQueueRepository,
    private readonly audit: AuditService,
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly parameters: MatchParametersService,
  ) {}

  /** Opens (or keeps) the one review item of an application; replays do not duplicate it. */
  async open(
    ats: string,
    tenantId: string,
    app: AtsApplication,
    /** What the matcher was given (custom fields read), for what the reviewer sees beside the ATS's own. */
    identity: ApplicantIdentity,
    candidates: readonly ScoredCandidate[],
  ): Promise<void> {
    await this.repo.insertIfAbsent({
      tenantId,
      ats,
      applicationId: app.applicationId,
      candidateId: app.candidateId,
      candidateName: [app.candidate.lastName, app.candidate.firstName].filter(Boolean).join(' '),
      status: 'open',
      candidates: candidates
        .slice(0, 5)
        .map((c) => ({ employeeNumber: c.employeeNumber, score: c.score, evidence: c.evidence })),
      applicant: {
        firstName: app.candidate.firstName,
        lastName: app.candidate.lastName,
        emails: app.candidate.emails,
        phones: app.candidate.phones,
        // What the applicant said their surname was (an ATS 旧姓 field), for a reviewer judging a surname change.
        formerFamilyNames: identity.formerFamilyNames ?? [],
        // The CV's employments, so a reviewer can set the months given beside the registry's hire and leave dates.
        workHistory: identity.workHistory ?? [],
        jobName: app.jobName,
      },
    });
  }

  /** Open (or decided) items as the viewer may see them (see `forViewer`). */
  async list(viewer: ReviewViewer, status: ReviewStatus, limit: number): Promise<ReviewItemEntity[]> {
    return (await this.repo.list(viewer.tenantId, status, limit)).map((i) => forViewer(i, viewer));
  }

  async get(viewer: ReviewViewer, id: string): Promise<ReviewItemEntity> {
    const item = await this.repo.find(viewer.tenantId, id);
    if (!item) throw new NotFoundException('Review item');
    return forViewer(item, viewer);
  }

  async rejectedEmployeeNumbers(tenantId: string, ats: string, candidateId: string): Promise<Set<string>> {
    return new Set(await this.repo.rejectedEmployeeNumbers(tenantId, ats, candidateId));
  }

  /** The former employee a person confirmed for this application, if any. */
  async confirmedEmployeeNumber(
    tenantId: string,
    ats: string,
    applicationId: string,
  ): Promise<string | null> {
    const item = await this.repo.confirmedFor(tenantId, ats, applicationId);
    return item?.decidedEmployeeNumber ?? null;
  }

  /** "Yes, this is them": the pipeline continues for this application with the chosen former employee. */
  async confirm(actor: AuditActor, id: string, employeeNumber: string): Promise<ReviewItemEntity> {
    const item = forViewer(await this.decide(actor, id, 'confirmed', employeeNumber), actor);
    await this.queue.enqueue(
      'application.evaluate',
      {
        tenantId: actor.tenantId,
        ats: asAtsKind(item.ats),
        applicationId: item.applicationId,
        candidateId: item.candidateId,
        reason: 'review_confirmed',
      },
      { jobId: `review:${item.id}` },
    );
    return item;
  }

  /**
   * "Not a returnee" after an automatic match: the pair is remembered exactly like a rejected review pair,
   * so the matcher never proposes this former employee for this candidate again.
   */
  async rememberWrongMatch(
    actor: AuditActor,
    ats: string,
    candidateId: string,
    employeeNumber: string,
  ): Promise<void> {
    await this.repo.transaction((m) =>
      this.repo.insertRejections(m, [
        { tenantId: actor.tenantId, ats, candidateId, employeeNumber, rejectedBy: actor.name },
      ]),
    );
  }

  /** Open review items of a tenant (home page counts). */
  countOpen(tenantId: string): Promise<number> {
    return this.repo.countOpen(tenantId);
  }

  /** "No, none of these": remembered, so the same pairs are never proposed again. */
  async reject(actor: AuditActor, id: string): Promise<ReviewItemEntity> {
    return forViewer(await this.decide(actor, id, 'rejected', null), actor);
  }

  private async decide(
    actor: AuditActor,
    id: string,
    status: 'confirmed' | 'rejected',
    employeeNumber: string | null,
  ): Promise<ReviewItemEntity> {
    const decided = await this.repo.transaction(async (m) => {
      const item = await this.repo.findForUpdate(m, actor.tenantId, id);
      if (!item) throw new NotFoundException('Review item');
      if (item.status !== 'open')
        throw new AppException(ErrorCode.Conflict, `This review item was already ${item.status}`);
      if (employeeNumber && !item.candidates.some((c) => c.employeeNumber === employeeNumber)) {
        throw new AppException(ErrorCode.ValidationFailed, 'Choose one of the proposed former employees');
      }
      await this.repo.recordDecision(m, item.id, {
        status,
        decidedEmployeeNumber: employeeNumber,
        decidedBy: actor.name,
        decidedAt: new Date(),
      });
      if (status === 'rejected') {
        await this.repo.insertRejections(
          m,
          item.candidates.map((c) => ({
            tenantId: actor.tenantId,
            ats: item.ats,
            candidateId: item.candidateId,
            employeeNumber: c.employeeNumber,
            rejectedBy: actor.name,
          })),
        );
        await this.repo.markApplicationReviewRejected(m, actor.tenantId, item.ats, item.applicationId);
      }
      await this.audit.record(
        actor,
        {
          action: `review.${status}`,
          targetType: 'review_item',
          targetId: item.id,
          details: { employeeNumber },
        },
        m,
      );
      return {
        ...item,
        status,
        decidedEmployeeNumber: employeeNumber,
        decidedBy: actor.name,
        decidedAt: new Date(),
      };
    });
    // HR's decisions are labelled pairs: every few of them, the tenant's field parameters learn from them.
    await this.parameters.noteReviewDecision(actor.tenantId);
    return decided;
  }
}
