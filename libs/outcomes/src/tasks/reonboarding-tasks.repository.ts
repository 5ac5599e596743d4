import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PlannedReonboardingTask } from '@comeback/domain/outcomes';

/** A task as listed: the returnee's name and the job (identity and job are for every role), never more. */
export interface ReonboardingTaskRow {
  id: string;
  ats: string;
  applicationId: string;
  jobId: string;
  jobName: string | null;
  candidateName: string | null;
  phase: string;
  titleEn: string;
  titleJa: string;
  dueOn: string;
  assigneeSubject: string | null;
  doneAt: Date | null;
}

const COLUMNS = `t.id, t.ats, t.application_id AS "applicationId", t.job_id AS "jobId", a.job_name AS "jobName",
  a.candidate_name AS "candidateName", t.phase, t.title_en AS "titleEn", t.title_ja AS "titleJa",
  to_char(t.due_on, 'YYYY-MM-DD') AS "dueOn", t.assignee_subject AS "assigneeSubject", t.done_at AS "doneAt"`;
const FROM = `FROM reonboarding_tasks t
  LEFT JOIN tracked_applications a ON a.tenant_id = t.tenant_id AND a.ats = t.ats AND a.application_id = t.application_id`;

/** The SQL of `reonboarding_tasks`. */
@Injectable()
export class ReonboardingTasksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts the plan; tasks already there (a replayed hire) stay as they are. Returns how many were new. */
  async insertPlan(
    o: { tenantId: string; outcomeId: string; ats: string; applicationId: string; jobId: string },
    assigneeSubject: string | null,
    plan: readonly PlannedReonboardingTask[],
  ): Promise<number> {
    if (plan.length === 0) return 0;
    const rows: unknown[] = await this.db.query(
      `INSERT INTO reonboarding_tasks (tenant_id, outcome_id, ats, application_id, job_id, task_key, phase, title_en, title_ja, due_on, assignee_subject)
       SELECT $1, $2, $3, $4, $5, k, p, en, ja, d::date, $6
       FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::text[]) AS x(k, p, en, ja, d)
       ON CONFLICT (tenant_id, ats, application_id, task_key) DO NOTHING RETURNING id`,
      [
        o.tenantId,
        o.outcomeId,
        o.ats,
        o.applicationId,
        o.jobId,
        assigneeSubject,
        plan.map((t) => t.key),
        plan.map((t) => t.when),
        plan.map((t) => t.item.en),
        plan.map((t) => t.item.ja),
        plan.map((t) => t.dueOn),
      ],
    );
    return rows.length;
  }

  /** Every task of the tenant (HR), or those assigned to `subject` or on jobs assigned to them (a hiring manager). */
  list(
    tenantId: string,
    scope: { subject: string; jobs: { ats: string; jobId: string }[] } | null,
    limit: number,
  ): Promise<ReonboardingTaskRow[]> {
    if (!scope)
      return this.db.query(
        `SELECT ${COLUMNS} ${FROM} WHERE t.tenant_id = $1 ORDER BY (t.done_at IS NOT NULL), t.due_on, t.task_key LIMIT $2`,
        [tenantId, limit],
      );
    return this.db.query(
      `SELECT ${COLUMNS} ${FROM}
       WHERE t.tenant_id = $1 AND (t.assignee_subject = $3
         OR (t.ats, t.job_id) IN (SELECT * FROM unnest($4::text[], $5::text[])))
       ORDER BY (t.done_at IS NOT NULL), t.due_on, t.task_key LIMIT $2`,
      [tenantId, limit, scope.subject, scope.jobs.map((j) => j.ats), scope.jobs.map((j) => j.jobId)],
    );
  }

  async get(tenantId: string, id: string): Promise<ReonboardingTaskRow | null> {
    const rows: ReonboardingTaskRow[] = await this.db.query(
      `SELECT ${COLUMNS} ${FROM} WHERE t.tenant_id = $1 AND t.id = $2`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  async setDone(tenantId: string, id: string, done: boolean, by: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE reonboarding_tasks SET done_at = $3, done_by = $4 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, done ? at : null, done ? by : null],
    );
  }

  /** A hire undone: its open tasks go (done ones stay as a record). */
  async deleteOpen(outcomeId: string): Promise<void> {
    await this.db.query('DELETE FROM reonboarding_tasks WHERE outcome_id = $1 AND done_at IS NULL', [
      outcomeId,
    ]);
  }

  async countOpenDue(tenantId: string, subject: string | null, onOrBefore: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM reonboarding_tasks
       WHERE tenant_id = $1 AND done_at IS NULL AND due_on <= $2::date AND ($3::text IS NULL OR assignee_subject = $3)`,
      [tenantId, onOrBefore, subject],
    );
    return rows[0]?.n ?? 0;
  }
}
