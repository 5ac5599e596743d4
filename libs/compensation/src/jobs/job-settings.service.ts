import { Injectable } from '@nestjs/common';
import { AuditActor, AuditService, NotFoundException } from '@comeback/platform';
import type { JobAssignmentSource } from '../entities/job-settings.entity';
import { JobSettingsRepository } from './job-settings.repository';

export interface JobAssignmentDetails {
  userSubjects: string[];
  assignments: { userSubject: string; source: JobAssignmentSource }[];
  removedByHand: string[];
  lastSyncedAt: string | null;
}

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

  /** The job's assignments with their source, HR's remembered removals and when the ATS was last read. */
  async assignmentDetails(tenantId: string, ats: string, jobId: string): Promise<JobAssignmentDetails> {
    const [assignments, removedByHand, lastSyncedAt] = await Promise.all([
      this.repo.assignments(tenantId, ats, jobId),
      this.repo.removals(tenantId, ats, jobId),
      this.repo.lastSyncedAt(tenantId, ats, jobId),
    ]);
    return {
      userSubjects: assignments.map((a) => a.userSubject),
      assignments,
      removedByHand,
      lastSyncedAt: lastSyncedAt?.toISOString() ?? null,
    };
  }

  /**
   * HR sets the job's assignees by hand. Against what is there now: a newcomer becomes a manual assignment
   * (kept whatever the ATS says); someone left out is removed and remembered, so a sync from the ATS does not
   * bring them back. Unchanged rows keep their source.
   */
  async setAssignees(
    actor: AuditActor,
    ats: string,
    jobId: string,
    userSubjects: string[],
  ): Promise<string[]> {
    const unique = [...new Set(userSubjects.map((s) => s.trim()))].filter((s) => s !== '').sort();
    const current = (await this.repo.assignments(actor.tenantId, ats, jobId)).map((a) => a.userSubject);
    const added = unique.filter((s) => !current.includes(s));
    const removed = current.filter((s) => !unique.includes(s));
    await this.repo.transaction(async (m) => {
      await this.repo.applyManualChange(
        m,
        { tenantId: actor.tenantId, ats, jobId },
        added,
        removed,
        actor.name,
      );
      await this.audit.record(
        actor,
        {
          action: 'job.assign',
          targetType: 'job',
          targetId: `${ats}:${jobId}`,
          details: { userSubjects: unique, added, removed },
        },
        m,
      );
    });
    return unique;
  }

  knownJobs(tenantId: string): Promise<{ ats: string; jobId: string; jobName: string | null }[]> {
    return this.repo.knownJobs(tenantId);
  }

  /** HR adds one person by hand (kept whatever the ATS says). */
  async addAssignee(actor: AuditActor, ats: string, jobId: string, userSubject: string): Promise<string[]> {
    const current = await this.repo.assignees(actor.tenantId, ats, jobId);
    return this.setAssignees(actor, ats, jobId, [...current, userSubject]);
  }

  /** HR removes one person by hand (remembered: the next sync from the ATS does not bring them back). */
  async removeAssignee(
    actor: AuditActor,
    ats: string,
    jobId: string,
    userSubject: string,
  ): Promise<string[]> {
    const current = await this.repo.assignees(actor.tenantId, ats, jobId);
    return this.setAssignees(
      actor,
      ats,
      jobId,
      current.filter((s) => s !== userSubject),
    );
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
