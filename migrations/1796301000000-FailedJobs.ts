import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which tenant each job that failed for good belongs to. The queue keeps failed jobs in one list for all tenants,
 * newest first; reading only its head let a busy tenant's failures hide another tenant's. The job itself (its
 * error, its attempts) stays in the queue: a row here only names it, and goes once the job is retried to
 * completion or removed.
 */
export class FailedJobs1796301000000 implements MigrationInterface {
  name = 'FailedJobs1796301000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "failed_jobs" (
         "tenant_id" uuid NOT NULL REFERENCES "tenants"("id") ON DELETE CASCADE,
         "job_id" text NOT NULL,
         "job_name" text NOT NULL,
         "failed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_failed_jobs" PRIMARY KEY ("tenant_id", "job_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_failed_jobs_tenant_failed_at" ON "failed_jobs" ("tenant_id", "failed_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "failed_jobs"`);
  }
}
