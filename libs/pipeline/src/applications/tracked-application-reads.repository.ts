import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TrackedApplicationEntity } from './tracked-application.entity';

/** A matched returnee's application, as listed for briefings. */
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

export interface ApplicationCandidateName {
  ats: string;
  applicationId: string;
  candidateName: string | null;
}

/** Read-only queries of tracked applications for other libs (the console); one query each. */
@Injectable()
export class TrackedApplicationReadsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findRecord(
    tenantId: string,
    ats: string,
    applicationId: string,
  ): Promise<TrackedApplicationEntity | null> {
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

  async returneeApplications(
    tenantId: string,
    jobs: { ats: string; jobId: string }[] | null,
    limit: number,
  ): Promise<ReturneeApplicationRow[]> {
    if (jobs !== null && jobs.length === 0) return [];
    const params: unknown[] = [tenantId, limit];
    let jobFilter = '';
    if (jobs) {
      params.push(
        jobs.map((j) => j.ats),
        jobs.map((j) => j.jobId),
      );
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

  async candidateNames(
    tenantId: string,
    refs: readonly { ats: string; applicationId: string }[],
  ): Promise<ApplicationCandidateName[]> {
    if (refs.length === 0) return [];
    return this.db.query(
      `SELECT ats, application_id AS "applicationId", candidate_name AS "candidateName"
       FROM tracked_applications
       WHERE tenant_id = $1 AND (ats, application_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [tenantId, refs.map((r) => r.ats), refs.map((r) => r.applicationId)],
    );
  }
}
