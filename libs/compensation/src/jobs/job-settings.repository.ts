import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TransactionManager } from '@comeback/platform';
import { DataSource } from 'typeorm';
import {
  JobAssignmentEntity,
  JobAssignmentRemovalEntity,
  JobAssignmentSource,
  JobHiringTeamSyncEntity,
  JobPayTargetEntity,
} from '../entities/job-settings.entity';

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

  /** Jobs the tenant has seen (tracked applications) or assigned people to, with a name when one is known. */
  async knownJobs(tenantId: string): Promise<{ ats: string; jobId: string; jobName: string | null }[]> {
    const rows: { ats: string; job_id: string; job_name: string | null }[] = await this.db.query(
      `SELECT ats, job_id, max(job_name) AS job_name FROM (
         SELECT ats, job_id, job_name FROM tracked_applications WHERE tenant_id = $1
         UNION ALL SELECT ats, job_id, NULL FROM job_assignments WHERE tenant_id = $1
       ) j GROUP BY ats, job_id ORDER BY ats, max(job_name) NULLS LAST, job_id LIMIT 1000`,
      [tenantId],
    );
    return rows.map((r) => ({ ats: r.ats, jobId: r.job_id, jobName: r.job_name }));
  }

  /** The job's assignments with where each came from, sorted by subject. */
  async assignments(
    tenantId: string,
    ats: string,
    jobId: string,
  ): Promise<{ userSubject: string; source: JobAssignmentSource }[]> {
    const rows = await this.db
      .getRepository(JobAssignmentEntity)
      .find({ where: { tenantId, ats, jobId }, order: { userSubject: 'ASC' } });
    return rows.map((r) => ({ userSubject: r.userSubject, source: r.source }));
  }

  /** Subjects HR removed from the job by hand (sync does not add them back). */
  async removals(tenantId: string, ats: string, jobId: string): Promise<string[]> {
    const rows = await this.db
      .getRepository(JobAssignmentRemovalEntity)
      .find({ where: { tenantId, ats, jobId }, order: { userSubject: 'ASC' } });
    return rows.map((r) => r.userSubject);
  }

  /** HR's hand edit: `added` become manual assignments (a remembered removal is forgotten), `removed` are remembered. */
  async applyManualChange(
    m: TransactionManager,
    key: { tenantId: string; ats: string; jobId: string },
    added: string[],
    removed: string[],
    by: string,
  ): Promise<void> {
    const k = [key.tenantId, key.ats, key.jobId];
    if (added.length > 0) {
      await m.query(
        `INSERT INTO job_assignments (tenant_id, ats, job_id, user_subject, source)
         SELECT $1, $2, $3, s, 'manual' FROM unnest($4::text[]) AS s
         ON CONFLICT (tenant_id, ats, job_id, user_subject) DO UPDATE SET source = 'manual'`,
        [...k, added],
      );
      await m.query(
        `DELETE FROM job_assignment_removals
         WHERE tenant_id = $1 AND ats = $2 AND job_id = $3 AND user_subject = ANY($4::text[])`,
        [...k, added],
      );
    }
    if (removed.length > 0) {
      await m.query(
        `DELETE FROM job_assignments WHERE tenant_id = $1 AND ats = $2 AND job_id = $3 AND user_subject = ANY($4::text[])`,
        [...k, removed],
      );
      await m.query(
        `INSERT INTO job_assignment_removals (tenant_id, ats, job_id, user_subject, removed_by)
         SELECT $1, $2, $3, s, $5 FROM unnest($4::text[]) AS s
         ON CONFLICT (tenant_id, ats, job_id, user_subject) DO UPDATE SET removed_by = excluded.removed_by, removed_at = now()`,
        [...k, removed, by],
      );
    }
  }

  /**
   * The ATS's hiring team, already matched and without HR's removals: ATS-sourced rows no longer in it go,
   * new ones come in as 'ats'; manual rows stay whatever the ATS says. Returns what changed.
   */
  async applyAtsTeam(
    m: TransactionManager,
    key: { tenantId: string; ats: string; jobId: string },
    subjects: string[],
  ): Promise<{ added: string[]; removed: string[] }> {
    const k = [key.tenantId, key.ats, key.jobId];
    // Wrapped in a SELECT: a bare DELETE … RETURNING comes back from TypeORM as [rows, count].
    const removed: { user_subject: string }[] = await m.query(
      `WITH gone AS (
         DELETE FROM job_assignments
         WHERE tenant_id = $1 AND ats = $2 AND job_id = $3 AND source = 'ats' AND NOT (user_subject = ANY($4::text[]))
         RETURNING user_subject)
       SELECT user_subject FROM gone`,
      [...k, subjects],
    );
    const added: { user_subject: string }[] = await m.query(
      `INSERT INTO job_assignments (tenant_id, ats, job_id, user_subject, source)
       SELECT $1, $2, $3, s, 'ats' FROM unnest($4::text[]) AS s
       ON CONFLICT (tenant_id, ats, job_id, user_subject) DO NOTHING
       RETURNING user_subject`,
      [...k, subjects],
    );
    return {
      added: added.map((r) => r.user_subject).sort(),
      removed: removed.map((r) => r.user_subject).sort(),
    };
  }

  /**
   * Claims the job's next sync: true when it was never synced or last synced at least `minIntervalMs` ago (and
   * records now), false when another process synced it more recently. One statement, so two workers cannot
   * both claim it.
   */
  async claimSync(tenantId: string, ats: string, jobId: string, minIntervalMs: number): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO job_hiring_team_syncs (tenant_id, ats, job_id, synced_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (tenant_id, ats, job_id) DO UPDATE SET synced_at = now()
       WHERE job_hiring_team_syncs.synced_at <= now() - ($4::double precision * interval '1 millisecond')
       RETURNING job_id`,
      [tenantId, ats, jobId, minIntervalMs],
    );
    return rows.length > 0;
  }

  /** Marks the job as synced now (an on-demand sync). */
  async markSynced(tenantId: string, ats: string, jobId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO job_hiring_team_syncs (tenant_id, ats, job_id, synced_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (tenant_id, ats, job_id) DO UPDATE SET synced_at = now()`,
      [tenantId, ats, jobId],
    );
  }

  async lastSyncedAt(tenantId: string, ats: string, jobId: string): Promise<Date | null> {
    const row = await this.db.getRepository(JobHiringTeamSyncEntity).findOneBy({ tenantId, ats, jobId });
    return row?.syncedAt ?? null;
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
