import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TransactionManager } from '@comeback/platform';
import { DataSource, QueryFailedError } from 'typeorm';
import { InvitationEntity } from './invitation.entity';

export type NewInvitation = Omit<
  InvitationEntity,
  'id' | 'sentAt' | 'openedAt' | 'openCount' | 'appliedAt' | 'applicationId'
>;

/** Postgres's unique_violation: the person was invited to this job already (maybe by a racing request). */
function isUniqueViolation(err: unknown): boolean {
  return (
    err instanceof QueryFailedError && (err.driverError as { code?: string } | undefined)?.code === '23505'
  );
}

@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(InvitationEntity);
  }

  /** Inserts the invitation; null when the person already has one for this job. */
  async insert(row: NewInvitation): Promise<InvitationEntity | null> {
    try {
      return await this.repo.save(this.repo.create(row));
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  find(tenantId: string, id: string): Promise<InvitationEntity | null> {
    return this.repo.findOneBy({ tenantId, id });
  }

  findById(id: string): Promise<InvitationEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Employee numbers already invited to the job (the rediscovery list shows them as invited). */
  async invitedForJob(tenantId: string, ats: string, jobId: string): Promise<Map<string, InvitationEntity>> {
    const rows = await this.repo.findBy({ tenantId, ats, jobId });
    return new Map(rows.map((r) => [r.employeeNumber, r]));
  }

  async exists(tenantId: string, ats: string, jobId: string, employeeNumber: string): Promise<boolean> {
    return this.repo.existsBy({ tenantId, ats, jobId, employeeNumber });
  }

  /** Counts a followed link; the first one sets `openedAt`. */
  async recordOpen(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE rediscovery_invitations SET open_count = open_count + 1, opened_at = coalesce(opened_at, $2)
        WHERE id = $1`,
      [id, at],
    );
  }

  /** The invitation whose marker the ATS kept on the application, for this tenant's job. */
  byMarker(tenantId: string, ats: string, jobId: string, marker: string): Promise<InvitationEntity | null> {
    return this.repo.findOneBy({ tenantId, ats, jobId, marker });
  }

  /** A followed invitation for this job sent to one of these e-mails (lower-cased). */
  async openedByEmail(
    tenantId: string,
    ats: string,
    jobId: string,
    emails: string[],
  ): Promise<InvitationEntity | null> {
    if (emails.length === 0) return null;
    return this.repo
      .createQueryBuilder('i')
      .where('i.tenant_id = :tenantId AND i.ats = :ats AND i.job_id = :jobId', { tenantId, ats, jobId })
      .andWhere('i.recipient_email = ANY(:emails)', { emails })
      .andWhere('i.opened_at IS NOT NULL')
      .orderBy('i.opened_at', 'DESC')
      .getOne();
  }

  /** Records the application that came through the invitation (once: a replay keeps the first). */
  async recordApplied(id: string, applicationId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE rediscovery_invitations SET applied_at = coalesce(applied_at, $3),
              application_id = coalesce(application_id, $2)
        WHERE id = $1`,
      [id, applicationId, at],
    );
  }

  /** Invitations sent in [from, to): the funnel's rows. */
  sentBetween(tenantId: string, from: Date, to: Date): Promise<InvitationEntity[]> {
    return this.repo
      .createQueryBuilder('i')
      .where('i.tenant_id = :tenantId AND i.sent_at >= :from AND i.sent_at < :to', { tenantId, from, to })
      .orderBy('i.sent_at', 'ASC')
      .getMany();
  }

  /** The newest invitations of the tenant (the console's list). */
  recent(tenantId: string, limit: number): Promise<InvitationEntity[]> {
    return this.repo.find({ where: { tenantId }, order: { sentAt: 'DESC' }, take: limit });
  }

  /** Erasure: every invitation of the person (e-mail, message) goes. */
  async erasePerson(tx: TransactionManager, tenantId: string, employeeNumber: string): Promise<number> {
    const res = await tx.getRepository(InvitationEntity).delete({ tenantId, employeeNumber });
    return res.affected ?? 0;
  }
}
