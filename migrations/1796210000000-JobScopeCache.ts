import { MigrationInterface, QueryRunner } from 'typeorm';

/** A job's department as the ATS names it, cached per job like its stages: scope overrides by department match on it. */
export class JobScopeCache1796210000000 implements MigrationInterface {
  name = 'JobScopeCache1796210000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_scope_cache" (
        "tenant_id" uuid NOT NULL,
        "ats" text NOT NULL,
        "job_id" text NOT NULL,
        "department" text,
        "fetched_at" timestamptz NOT NULL,
        PRIMARY KEY ("tenant_id", "ats", "job_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_scope_cache"`);
  }
}
