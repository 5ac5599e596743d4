import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TransactionManager } from '@comeback/platform';
import { DataSource } from 'typeorm';
import { JobAssignmentEntity, JobPayTargetEntity } from '../entities/job-settings.entity';

@Injectable()
export class JobSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: TransactionManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  isAssigned(tenantId: string, ats: string, jobId: string, userSubject: string): Promise<boolean> {
    return this.db.getRepository(JobAssignmentEntity).existsBy({ tenantId, ats, jobId, userSubject });
  }

  /** The job's assignees' subjects, sorted. */
  async assignees(tenantId: string, ats: string, jobId: string): Promise<string[]> {
    const rows = await this.db
      .getRepository(JobAssignmentEntity)
      .find({ where: { tenantId, ats, jobId }, order: { userSubject: 'ASC' } });
    return rows.map((r) => r.userSubject);
  }

  async jobsOf(tenantId: string, userSubject: string): Promise<{ ats: string; jobId: string }[]> {
    const rows = await this.db
      .getRepository(JobAssignmentEntity)
      .find({ where: { tenantId, userSubject }, order: { ats: 'ASC', jobId: 'ASC' } });
    return rows.map((r) => ({ ats: r.ats, jobId: r.jobId }));
  }

  async replaceAssignees(
    m: TransactionManager,
    tenantId: string,
    ats: string,
    jobId: string,
    userSubjects: string[],
  ): Promise<void> {
    await m.query('DELETE FROM job_assignments WHERE tenant_id = $1 AND ats = $2 AND job_id = $3', [
      tenantId,
      ats,
      jobId,
    ]);
    if (userSubjects.length > 0) {
      await m.query(
        `INSERT INTO job_assignments (tenant_id, ats, job_id, user_subject) SELECT $1, $2, $3, s FROM unnest($4::text[]) AS s`,
        [tenantId, ats, jobId, userSubjects],
      );
    }
  }

  findPayTarget(tenantId: string, ats: string, jobId: string): Promise<JobPayTargetEntity | null> {
    return this.db.getRepository(JobPayTargetEntity).findOneBy({ tenantId, ats, jobId });
  }

  async upsertPayTarget(
    m: TransactionManager,
    tenantId: string,
    ats: string,
    jobId: string,
    target: { jobFamily: string; jobLevel: string; location: string },
    updatedBy: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO job_pay_targets (tenant_id, ats, job_id, job_family, job_level, location, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (tenant_id, ats, job_id) DO UPDATE SET job_family = excluded.job_family, job_level = excluded.job_level,
         location = excluded.location, updated_by = excluded.updated_by, updated_at = now()`,
      [tenantId, ats, jobId, target.jobFamily, target.jobLevel, target.location, updatedBy],
    );
  }
}
