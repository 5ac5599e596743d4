import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal invitations (one per person and job, the funnel's timestamps, the marker the ATS keeps) and the
 * partial index rediscovery's prefilter reads: only former employees who consented to be contacted are in it,
 * by department (the usual filter) with their level beside it.
 */
export class RediscoveryInvitations1796260000000 implements MigrationInterface {
  name = 'RediscoveryInvitations1796260000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rediscovery_invitations" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "tenant_id" uuid NOT NULL,
         "ats" text NOT NULL,
         "job_id" text NOT NULL,
         "job_title" text NOT NULL,
         "employee_number" text NOT NULL,
         "recipient_email" text NOT NULL,
         "language" text NOT NULL,
         "message" text NOT NULL,
         "marker" text NOT NULL,
         "apply_url" text NOT NULL,
         "invited_by" text NOT NULL,
         "invited_by_role" text NOT NULL,
         "sent_at" timestamptz NOT NULL DEFAULT now(),
         "expires_at" timestamptz NOT NULL,
         "opened_at" timestamptz,
         "open_count" integer NOT NULL DEFAULT 0,
         "applied_at" timestamptz,
         "application_id" text,
         CONSTRAINT "PK_rediscovery_invitations" PRIMARY KEY ("id"),
         CONSTRAINT "uq_rediscovery_invitations_person_job" UNIQUE ("tenant_id", "ats", "job_id", "employee_number"),
         CONSTRAINT "ck_rediscovery_invitations_language" CHECK ("language" IN ('ja', 'en'))
       )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_rediscovery_invitations_marker" ON "rediscovery_invitations" ("marker")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rediscovery_invitations_tenant_sent" ON "rediscovery_invitations" ("tenant_id", "sent_at")`,
    );
    // The marker-less path on Greenhouse: a clicked invitation for this job and the applicant's e-mail.
    await queryRunner.query(
      `CREATE INDEX "ix_rediscovery_invitations_job_email" ON "rediscovery_invitations" ("tenant_id", "ats", "job_id", "recipient_email")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_alumni_rediscovery" ON "alumni" ("tenant_id", "department", "job_level") WHERE "network_opt_in"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_alumni_rediscovery"`);
    await queryRunner.query(`DROP TABLE "rediscovery_invitations"`);
  }
}
