import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Which tenant's job failed for good (the job itself stays in the queue). */
@Injectable()
export class FailedJobsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A job of the tenant failed for good (again, after a retry: then its time moves). */
  async record(tenantId: string, jobId: string, jobName: string): Promise<void> {
    await this.db.query(
      `INSERT INTO failed_jobs (tenant_id, job_id, job_name) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, job_id) DO UPDATE SET failed_at = now(), job_name = excluded.job_name`,
      [tenantId, jobId, jobName],
    );
  }

  /** The tenant's failed job ids, newest first. */
  async ids(tenantId: string, limit: number): Promise<string[]> {
    const rows: { job_id: string }[] = await this.db.query(
      `SELECT job_id FROM failed_jobs WHERE tenant_id = $1 ORDER BY failed_at DESC LIMIT $2`,
      [tenantId, limit],
    );
    return rows.map((r) => r.job_id);
  }

  async remove(tenantId: string, jobIds: readonly string[]): Promise<void> {
    if (jobIds.length === 0) return;
    await this.db.query(`DELETE FROM failed_jobs WHERE tenant_id = $1 AND job_id = ANY($2::text[])`, [
      tenantId,
      jobIds,
    ]);
  }
}
