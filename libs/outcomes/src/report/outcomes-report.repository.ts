import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The report's counts that are not hires: the registry and the returnees' applications. */
@Injectable()
export class OutcomesReportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The registry as it stands: former employees, and those who consented to be contacted (`network_opt_in`). */
  async registry(tenantId: string): Promise<{ alumni: number; consented: number }> {
    const rows: { alumni: number; consented: number }[] = await this.db.query(
      `SELECT count(*)::int AS alumni, count(*) FILTER (WHERE network_opt_in)::int AS consented
       FROM alumni WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows[0] ?? { alumni: 0, consented: 0 };
  }

  /** Applications matched to a former employee that reached us in [from, to), and how many were fast-tracked. */
  async returneeApplications(
    tenantId: string,
    from: Date,
    to: Date,
  ): Promise<{ applications: number; fastTracked: number }> {
    const rows: { applications: number; fastTracked: number }[] = await this.db.query(
      `SELECT count(*)::int AS applications, count(*) FILTER (WHERE outcome = 'fast_tracked')::int AS "fastTracked"
       FROM tracked_applications
       WHERE tenant_id = $1 AND employee_number IS NOT NULL
         AND outcome NOT IN ('not_alumni', 'review_rejected', 'match_undone')
         AND created_at >= $2 AND created_at < $3`,
      [tenantId, from, to],
    );
    return rows[0] ?? { applications: 0, fastTracked: 0 };
  }

  /** Whether leave dates come from an HR system (otherwise from CSV imports). */
  async hrSystemConnected(tenantId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM hris_connections WHERE tenant_id = $1 LIMIT 1',
      [tenantId],
    );
    return rows.length > 0;
  }
}
