import { MigrationInterface, QueryRunner } from 'typeorm';

export class HrisSync1796186103580 implements MigrationInterface {
  name = 'HrisSync1796186103580';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "hris_sync_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "kind" text NOT NULL, "trigger" text NOT NULL, "status" text NOT NULL, "pages" integer NOT NULL DEFAULT '0', "records_read" integer NOT NULL DEFAULT '0', "inserted" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "rejected" integer NOT NULL DEFAULT '0', "suppressed" integer NOT NULL DEFAULT '0', "not_leavers" integer NOT NULL DEFAULT '0', "marked_deleted" integer NOT NULL DEFAULT '0', "problems" jsonb NOT NULL DEFAULT '[]', "problem_count" integer NOT NULL DEFAULT '0', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_44385605a62fc25e51af5257890" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_fb9ce965361616f17d0c029ef0" ON "hris_sync_runs" ("tenant_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "hris_employee_links" ("tenant_id" uuid NOT NULL, "kind" text NOT NULL, "external_id" text NOT NULL, "employee_number" text NOT NULL, "synced_emails" text array NOT NULL DEFAULT '{}', "synced_phones" text array NOT NULL DEFAULT '{}', "source_updated_at" text, "deleted_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7ccba8c8602502cc506f217f8b3" PRIMARY KEY ("tenant_id", "kind", "external_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "hris_inbox_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "kind" text NOT NULL, "delivery_id" text NOT NULL, "event" text NOT NULL, "action" text NOT NULL, "external_id" text, "raw_body" text, "status" text NOT NULL, "outcome" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_hris_inbox_delivery" UNIQUE ("tenant_id", "kind", "delivery_id"), CONSTRAINT "PK_4a9c0e82ce029f8483b6ac7a610" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_713cb5c14af65b1c41e5fae9dd" ON "hris_inbox_events" ("tenant_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "hris_connections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "kind" text NOT NULL, "api_base_url" text NOT NULL, "access_token_sealed" text NOT NULL, "webhook_token_sealed" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_hris_connections_tenant_kind" UNIQUE ("tenant_id", "kind"), CONSTRAINT "PK_9820d4fb6b635f0a93a688a6c9f" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "hris_connections"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_713cb5c14af65b1c41e5fae9dd"`);
    await queryRunner.query(`DROP TABLE "hris_inbox_events"`);
    await queryRunner.query(`DROP TABLE "hris_employee_links"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fb9ce965361616f17d0c029ef0"`);
    await queryRunner.query(`DROP TABLE "hris_sync_runs"`);
  }
}
