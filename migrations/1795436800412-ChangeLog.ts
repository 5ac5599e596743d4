import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChangeLog1795436800412 implements MigrationInterface {
  name = 'ChangeLog1795436800412';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "change_log_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "department" text, "effective_date" date NOT NULL, "category" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL DEFAULT '', "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_46398b56e742a0b320f908872e7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d11d13dd9d18d7bdafc458d3dd" ON "change_log_entries" ("tenant_id", "effective_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "job_departments" ("tenant_id" uuid NOT NULL, "ats" text NOT NULL, "job_id" text NOT NULL, "department" text NOT NULL, "updated_by" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_548d8d97cac8670be5e49f8fdc6" PRIMARY KEY ("tenant_id", "ats", "job_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_departments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d11d13dd9d18d7bdafc458d3dd"`);
    await queryRunner.query(`DROP TABLE "change_log_entries"`);
  }
}
