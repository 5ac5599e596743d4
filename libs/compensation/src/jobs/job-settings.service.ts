import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditActor, AuditService, NotFoundException } from '@comeback/platform';
import { DataSource } from 'typeorm';
import { JobAssignmentEntity, JobPayTargetEntity } from '../entities/job-settings.entity';

export interface JobPayTarget {
  jobFamily: string;
  jobLevel: string;
  location: string;
}

/** HR-set facts about ATS jobs: who is assigned (hiring managers) and which pay cohort an offer compares with. */
@Injectable()
export class JobSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async isAssigned(tenantId: string, ats: string, jobId: string, userSubject: string): Promise<boolean> {
    return this.db.getRepository(JobAssignmentEntity).existsBy({ tenantId, ats, jobId, userSubject });
  }

  async assignees(tenantId: string, ats: string, jobId: string): Promise<string[]> {
    const rows = await this.db
      .getRepository(JobAssignmentEntity)
      .find({ where: { tenantId, ats, jobId }, order: { userSubject: 'ASC' } });
    return rows.map((r) => r.userSubject);
  }

  /** The jobs a user is assigned to (for the console's "my jobs"). */
  async jobsOf(tenantId: string, userSubject: string): Promise<{ ats: string; jobId: string }[]> {
    const rows = await this.db
      .getRepository(JobAssignmentEntity)
      .find({ where: { tenantId, userSubject }, order: { ats: 'ASC', jobId: 'ASC' } });
    return rows.map((r) => ({ ats: r.ats, jobId: r.jobId }));
  }

  /** Replaces the job's assignees. */
  async setAssignees(
    actor: AuditActor,
    ats: string,
    jobId: string,
    userSubjects: string[],
  ): Promise<string[]> {
    const unique = [...new Set(userSubjects)].sort();
    await this.db.transaction(async (m) => {
      await m.query('DELETE FROM job_assignments WHERE tenant_id = $1 AND ats = $2 AND job_id = $3', [
        actor.tenantId,
        ats,
        jobId,
      ]);
      if (unique.length > 0) {
        await m.query(
          `INSERT INTO job_assignments (tenant_id, ats, job_id, user_subject) SELECT $1, $2, $3, s FROM unnest($4::text[]) AS s`,
          [actor.tenantId, ats, jobId, unique],
        );
      }
      await this.audit.record(
        actor,
        {
          action: 'job.assign',
          targetType: 'job',
          targetId: `${ats}:${jobId}`,
          details: { userSubjects: unique },
        },
        m,
      );
    });
    return unique;
  }

  async payTarget(tenantId: string, ats: string, jobId: string): Promise<JobPayTarget | null> {
    const row = await this.db.getRepository(JobPayTargetEntity).findOneBy({ tenantId, ats, jobId });
    return row ? { jobFamily: row.jobFamily, jobLevel: row.jobLevel, location: row.location } : null;
  }

  async getPayTarget(tenantId: string, ats: string, jobId: string): Promise<JobPayTarget> {
    const t = await this.payTarget(tenantId, ats, jobId);
    if (!t) throw new NotFoundException('Pay target for this job');
    return t;
  }

  async setPayTarget(
    actor: AuditActor,
    ats: string,
    jobId: string,
    target: JobPayTarget,
  ): Promise<JobPayTarget> {
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO job_pay_targets (tenant_id, ats, job_id, job_family, job_level, location, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (tenant_id, ats, job_id) DO UPDATE SET job_family = excluded.job_family, job_level = excluded.job_level,
           location = excluded.location, updated_by = excluded.updated_by, updated_at = now()`,
        [actor.tenantId, ats, jobId, target.jobFamily, target.jobLevel, target.location, actor.name],
      );
      await this.audit.record(
        actor,
        { action: 'job.pay_target', targetType: 'job', targetId: `${ats}:${jobId}`, details: { ...target } },
        m,
      );
    });
    return { jobFamily: target.jobFamily, jobLevel: target.jobLevel, location: target.location };
  }
}
