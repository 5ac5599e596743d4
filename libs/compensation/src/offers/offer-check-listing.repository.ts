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

/** The accepted offer's pay position, from its latest fairness check (HR-only figures). */
export interface PayAtHire {
  amount: number;
  /** Offer ÷ band midpoint (null without a band). */
  compaRatio: number | null;
  /** Offer ÷ market P50 for the job's family, level and location on the check's date (null without one). */
  marketRatio: number | null;
  /** The incumbent cohort's median ÷ the same band midpoint (null without cohort or band). */
  incumbentCompaRatio: number | null;
  checkedAt: Date;
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

  /** The real offer's check where there is one, else our latest proposal (what-ifs are never an offer). */
  async payAtHire(tenantId: string, ats: string, applicationId: string): Promise<PayAtHire | null> {
    const rows: {
      amount: string;
      compaRatio: number | null;
      bandMid: number | null;
      cohortP50: number | null;
      marketP50: string | null;
      checkedAt: Date;
    }[] = await this.db.query(
      `SELECT o.amount, (o.detail->'position'->>'compaRatio')::float8 AS "compaRatio",
         (o.inputs->'band'->>'mid')::float8 AS "bandMid",
         (o.detail->'cohort'->'statistics'->>'p50')::float8 AS "cohortP50",
         (SELECT b.p50 FROM market_benchmarks b
           WHERE b.tenant_id = o.tenant_id AND b.job_family = o.target->>'jobFamily' AND b.job_level = o.target->>'jobLevel'
             AND b.location = o.target->>'location' AND b.effective_date <= o.created_at::date
           ORDER BY b.effective_date DESC LIMIT 1) AS "marketP50",
         o.created_at AS "checkedAt"
       FROM offer_checks o
       WHERE o.tenant_id = $1 AND o.ats = $2 AND o.application_id = $3 AND o.kind <> 'what_if'
       ORDER BY (o.kind = 'ats_offer') DESC, o.created_at DESC LIMIT 1`,
      [tenantId, ats, applicationId],
    );
    const r = rows[0];
    if (!r) return null;
    const amount = Number(r.amount);
    const round3 = (v: number): number => Math.round(v * 1000) / 1000;
    return {
      amount,
      compaRatio: r.compaRatio,
      marketRatio: r.marketP50 ? round3(amount / Number(r.marketP50)) : null,
      incumbentCompaRatio: r.cohortP50 && r.bandMid ? round3(r.cohortP50 / r.bandMid) : null,
      checkedAt: r.checkedAt,
    };
  }
}
