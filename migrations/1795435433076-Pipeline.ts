import { MigrationInterface, QueryRunner } from 'typeorm';

export class Pipeline1795435433076 implements MigrationInterface {
  name = 'Pipeline1795435433076';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_stage_cache" ("tenant_id" uuid NOT NULL, "ats" text NOT NULL, "job_id" text NOT NULL, "stages" jsonb NOT NULL, "job_name" text, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_123a486d07743165c44ec5b0b31" PRIMARY KEY ("tenant_id", "ats", "job_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "job_stage_mappings" ("tenant_id" uuid NOT NULL, "ats" text NOT NULL, "job_id" text NOT NULL, "mapping" jsonb NOT NULL, "updated_by" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa367b9b6c9a022ff66ca5c259d" PRIMARY KEY ("tenant_id", "ats", "job_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "review_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "ats" text NOT NULL, "application_id" text NOT NULL, "candidate_id" text NOT NULL, "candidate_name" text, "status" text NOT NULL, "candidates" jsonb NOT NULL, "applicant" jsonb NOT NULL, "decided_employee_number" text, "decided_by" text, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_review_items_application" UNIQUE ("tenant_id", "ats", "application_id"), CONSTRAINT "PK_417e5a69fd5f01f31e3c0303dfe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_33026fef84bb08c12c60247ae2" ON "review_items" ("tenant_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "match_rejections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "ats" text NOT NULL, "candidate_id" text NOT NULL, "employee_number" text NOT NULL, "rejected_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_match_rejections" UNIQUE ("tenant_id", "ats", "candidate_id", "employee_number"), CONSTRAINT "PK_3d6f9b92127cdd8201725715698" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "eligibility_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "version" integer NOT NULL, "status" text NOT NULL, "document" jsonb NOT NULL, "comment" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "activated_by" text, "activated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_eligibility_policies_version" UNIQUE ("tenant_id", "version"), CONSTRAINT "PK_7beb7a6ca7cb857805dfb9c5a18" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_eligibility_policies_active" ON "eligibility_policies" ("tenant_id") WHERE status = 'active'`,
    );
    await queryRunner.query(
      `CREATE TABLE "inbox_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "ats" text NOT NULL, "event_id" text NOT NULL, "kind" text NOT NULL, "raw_body" text NOT NULL, "status" text NOT NULL, "outcome" text, "error" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_inbox_events_delivery" UNIQUE ("tenant_id", "ats", "event_id"), CONSTRAINT "PK_774766668269f8c2c12f13649fc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7e70542d7276e3a9473b9d7cbe" ON "inbox_events" ("tenant_id", "status", "received_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ats_connections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "kind" text NOT NULL, "api_base_url" text NOT NULL, "auth_url" text, "client_id" text, "secret_sealed" text NOT NULL, "webhook_secret_sealed" text NOT NULL, "acting_user_id" text, "offer_salary_field" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_ats_connections_tenant_kind" UNIQUE ("tenant_id", "kind"), CONSTRAINT "PK_2255177107fd87108e607f1d4bf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "backfill_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "ats" text NOT NULL, "status" text NOT NULL, "cursor" text, "pages" integer NOT NULL DEFAULT '0', "applications_queued" integer NOT NULL DEFAULT '0', "error" text, "started_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_147984adae07af3d1761a0a0554" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "tracked_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "ats" text NOT NULL, "application_id" text NOT NULL, "candidate_id" text NOT NULL, "job_id" text NOT NULL, "job_name" text, "candidate_name" text, "current_stage_id" text, "current_stage_name" text, "outcome" text NOT NULL, "employee_number" text, "match_score" real, "eligibility" text, "tier" text, "policy_version" integer, "recruiter_summary" text, "note_body" text, "rule_results" jsonb, "fast_track" jsonb, "work_history" jsonb NOT NULL DEFAULT '[]', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_tracked_applications" UNIQUE ("tenant_id", "ats", "application_id"), CONSTRAINT "PK_7efeeb4f438cefbfca1d834b97c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_88bdffb94873983df9a2559281" ON "tracked_applications" ("tenant_id", "outcome", "updated_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "writeback_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "ats" text NOT NULL, "application_id" text NOT NULL, "step" text NOT NULL, "status" text NOT NULL, "detail" jsonb NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_writeback_steps" UNIQUE ("tenant_id", "ats", "application_id", "step"), CONSTRAINT "PK_6001eb36538b678fbb3c1254fb5" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "writeback_steps"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_88bdffb94873983df9a2559281"`);
    await queryRunner.query(`DROP TABLE "tracked_applications"`);
    await queryRunner.query(`DROP TABLE "backfill_runs"`);
    await queryRunner.query(`DROP TABLE "ats_connections"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7e70542d7276e3a9473b9d7cbe"`);
    await queryRunner.query(`DROP TABLE "inbox_events"`);
    await queryRunner.query(`DROP INDEX "public"."uq_eligibility_policies_active"`);
    await queryRunner.query(`DROP TABLE "eligibility_policies"`);
    await queryRunner.query(`DROP TABLE "match_rejections"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_33026fef84bb08c12c60247ae2"`);
    await queryRunner.query(`DROP TABLE "review_items"`);
    await queryRunner.query(`DROP TABLE "job_stage_mappings"`);
    await queryRunner.query(`DROP TABLE "job_stage_cache"`);
  }
}
