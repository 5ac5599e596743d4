import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TrackedApplicationEntity } from '@comeback/pipeline';
import { DataSource } from 'typeorm';

export interface ReturneeApplicationRow {
  ats: string;
  applicationId: string;
  jobId: string;
  jobName: string | null;
  candidateName: string | null;
  employeeNumber: string;
  outcome: string;
  currentStageName: string | null;
  updatedAt: Date;
}

export interface LatestOfferCheckRow {
  id: string;
  ats: string;
  applicationId: string;
  jobId: string;
  kind: string;
  result: 'pass' | 'warn' | 'fail';
  createdAt: Date;
  candidateName: string | null;
}

/**
 * Read-only listings for the console (one query each). Reads the pipeline's and compensation's tables by SQL,
 * so the console needs no new methods in those libs; writes always go through their services.
 */
@Injectable()
export class ConsoleReadRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The tracked application with its HR-only parts; callers decide what a viewer sees. */
  async application(tenantId: string, ats: string, applicationId: string): Promise<TrackedApplicationEntity | null> {
    const rows: TrackedApplicationEntity[] = await this.db.query(
      `SELECT id, tenant_id AS "tenantId", ats, application_id AS "applicationId", candidate_id AS "candidateId", job_id AS "jobId",
         job_name AS "jobName", candidate_name AS "candidateName", current_stage_id AS "currentStageId",
         current_stage_name AS "currentStageName", outcome, employee_number AS "employeeNumber", match_score AS "matchScore",
         eligibility, tier, policy_version AS "policyVersion", recruiter_summary AS "recruiterSummary", note_body AS "noteBody",
         rule_results AS "ruleResults", fast_track AS "fastTrack", work_history AS "workHistory", updated_at AS "updatedAt"
       FROM tracked_applications WHERE tenant_id = $1 AND ats = $2 AND application_id = $3`,
      [tenantId, ats, applicationId],
    );
    return rows[0] ?? null;
  }

  /** Matched returnees' applications, newest first; limited to `jobs` when given (a hiring manager's jobs). */
  async returneeApplications(tenantId: string, jobs: { ats: string; jobId: string }[] | null, limit = 200): Promise<ReturneeApplicationRow[]> {
    if (jobs !== null && jobs.length === 0) return [];
    const params: unknown[] = [tenantId, limit];
    let jobFilter = '';
    if (jobs) {
      params.push(jobs.map((j) => j.ats), jobs.map((j) => j.jobId));
      jobFilter = 'AND (ats, job_id) IN (SELECT * FROM unnest($3::text[], $4::text[]))';
    }
    return this.db.query(
      `SELECT ats, application_id AS "applicationId", job_id AS "jobId", job_name AS "jobName", candidate_name AS "candidateName",
         employee_number AS "employeeNumber", outcome, current_stage_name AS "currentStageName", updated_at AS "updatedAt"
       FROM tracked_applications
       WHERE tenant_id = $1 AND employee_number IS NOT NULL ${jobFilter}
       ORDER BY updated_at DESC LIMIT $2`,
      params,
    );
  }

  /** The latest fairness check per application (HR's offers page). */
  async latestOfferChecks(tenantId: string, limit = 200): Promise<LatestOfferCheckRow[]> {
    return this.db.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (o.ats, o.application_id) o.id, o.ats, o.application_id AS "applicationId", o.job_id AS "jobId", o.kind,
           o.result, o.created_at AS "createdAt", t.candidate_name AS "candidateName"
         FROM offer_checks o
         LEFT JOIN tracked_applications t ON t.tenant_id = o.tenant_id AND t.ats = o.ats AND t.application_id = o.application_id
         WHERE o.tenant_id = $1
         ORDER BY o.ats, o.application_id, o.created_at DESC) latest
       ORDER BY "createdAt" DESC LIMIT $2`,
      [tenantId, limit],
    );
  }
}
