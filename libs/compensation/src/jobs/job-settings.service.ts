import { Injectable } from '@nestjs/common';
import { AuditActor, AuditService, NotFoundException } from '@comeback/platform';
import { JobSettingsRepository } from './job-settings.repository';

export interface JobPayTarget {
  jobFamily: string;
  jobLevel: string;
  location: string;
}

/** HR-set facts about ATS jobs: who is assigned (hiring managers) and which pay cohort an offer compares with. */
@Injectable()
export class JobSettingsService {
  constructor(
    private readonly repo: JobSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async isAssigned(tenantId: string, ats: string, jobId: string, userSubject: string): Promise<boolean> {
    return this.repo.isAssigned(tenantId, ats, jobId, userSubject);
  }

  async assignees(tenantId: string, ats: string, jobId: string): Promise<string[]> {
    return this.repo.assignees(tenantId, ats, jobId);
  }

  /** The jobs a user is assigned to (for the console's "my jobs"). */
  async jobsOf(tenantId: string, userSubject: string): Promise<{ ats: string; jobId: string }[]> {
    return this.repo.jobsOf(tenantId, userSubject);
  }

  /** Replaces the job's assignees. */
  async setAssignees(
    actor: AuditActor,
    ats: string,
    jobId: string,
    userSubjects: string[],
  ): Promise<string[]> {
    const unique = [...new Set(userSubjects)].sort();
    await this.repo.transaction(async (m) => {
      await this.repo.replaceAssignees(m, actor.tenantId, ats, jobId, unique);
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
    const row = await this.repo.findPayTarget(tenantId, ats, jobId);
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
    await this.repo.transaction(async (m) => {
      await this.repo.upsertPayTarget(m, actor.tenantId, ats, jobId, target, actor.name);
      await this.audit.record(
        actor,
        { action: 'job.pay_target', targetType: 'job', targetId: `${ats}:${jobId}`, details: { ...target } },
        m,
      );
    });
    return { jobFamily: target.jobFamily, jobLevel: target.jobLevel, location: target.location };
  }
}
