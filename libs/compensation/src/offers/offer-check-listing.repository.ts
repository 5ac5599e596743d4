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
