import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One application's most recent fairness check, for listings. */
export interface LatestOfferCheck {
  id: string;
  ats: string;
  applicationId: string;
  jobId: string;
  kind: string;
  result: 'pass' | 'warn' | 'fail';
  createdAt: Date;
}

@Injectable()
export class OfferCheckListingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Applications whose latest check warned or failed and has no HR approval yet. */
  async awaitingApproval(tenantId: string): Promise<number> {
    const rows: { n: string }[] = await this.db.query(
      `SELECT count(*) AS n FROM (
         SELECT DISTINCT ON (o.ats, o.application_id) o.id, o.result
         FROM offer_checks o WHERE o.tenant_id = $1
         ORDER BY o.ats, o.application_id, o.created_at DESC) latest
       WHERE latest.result <> 'pass'
         AND NOT EXISTS (SELECT 1 FROM offer_approvals a WHERE a.offer_check_id = latest.id)`,
      [tenantId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The latest check per application, newest first. */
  async latestPerApplication(tenantId: string, limit: number): Promise<LatestOfferCheck[]> {
    return this.db.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (o.ats, o.application_id) o.id, o.ats, o.application_id AS "applicationId", o.job_id AS "jobId", o.kind,
           o.result, o.created_at AS "createdAt"
         FROM offer_checks o
         WHERE o.tenant_id = $1
         ORDER BY o.ats, o.application_id, o.created_at DESC) latest
       ORDER BY "createdAt" DESC LIMIT $2`,
      [tenantId, limit],
    );
  }
}
