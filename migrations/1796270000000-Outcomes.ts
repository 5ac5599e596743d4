import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes (issue 16): the ATS's verdict on tracked applications (`hired_at`, `rejected_at`, and `created_at` so
 * the time to offer can be measured), one row per hire reported by the ATS (every hire, returnee or not: the
 * returnees' share of mid-career hires needs both), and the re-onboarding tasks of a returnee's hiring manager.
 * Written by hand; new columns are nullable or defaulted, so existing rows stay valid.
 */
export class Outcomes1796270000000 implements MigrationInterface {
  name = 'Outcomes1796270000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "tracked_applications" ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         ADD "hired_at" TIMESTAMP WITH TIME ZONE, ADD "rejected_at" TIMESTAMP WITH TIME ZONE`,
    );
    await q.query(
      `CREATE TABLE "hire_outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL,
         "ats" text NOT NULL, "application_id" text NOT NULL, "job_id" text NOT NULL, "employee_number" text,
         "returnee" boolean NOT NULL, "fast_tracked" boolean NOT NULL, "hired_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         "applied_at" TIMESTAMP WITH TIME ZONE, "offer_at" TIMESTAMP WITH TIME ZONE, "starts_on" date,
         "days_to_offer" real, "stages_skipped" integer NOT NULL DEFAULT 0, "days_saved" real NOT NULL DEFAULT 0,
         "offer_amount" bigint, "compa_ratio" real, "market_ratio" real, "incumbent_compa_ratio" real,
         "unhired_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "uq_hire_outcomes_application" UNIQUE ("tenant_id", "ats", "application_id"),
         CONSTRAINT "PK_hire_outcomes" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_hire_outcomes_tenant_hired" ON "hire_outcomes" ("tenant_id", "hired_at")`,
    );
    await q.query(
      `CREATE TABLE "reonboarding_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL,
         "outcome_id" uuid NOT NULL, "ats" text NOT NULL, "application_id" text NOT NULL, "job_id" text NOT NULL,
         "task_key" text NOT NULL, "phase" text NOT NULL, "title_en" text NOT NULL, "title_ja" text NOT NULL, "due_on" date NOT NULL, "assignee_subject" text, "done_at" TIMESTAMP WITH TIME ZONE,
         "done_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "uq_reonboarding_tasks_key" UNIQUE ("tenant_id", "ats", "application_id", "task_key"),
         CONSTRAINT "PK_reonboarding_tasks" PRIMARY KEY ("id"),
         CONSTRAINT "FK_reonboarding_tasks_outcome" FOREIGN KEY ("outcome_id") REFERENCES "hire_outcomes"("id") ON DELETE CASCADE)`,
    );
    await q.query(
      `CREATE INDEX "IDX_reonboarding_tasks_assignee" ON "reonboarding_tasks" ("tenant_id", "assignee_subject", "due_on")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reonboarding_tasks"`);
    await q.query(`DROP TABLE "hire_outcomes"`);
    await q.query(
      `ALTER TABLE "tracked_applications" DROP COLUMN "rejected_at", DROP COLUMN "hired_at", DROP COLUMN "created_at"`,
    );
  }
}
