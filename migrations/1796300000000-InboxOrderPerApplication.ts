import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A backlog drains in the order each application's deliveries were received: every delivery carries its
 * application's id and a receipt number (`seq`), and `held` marks one that waits for an earlier delivery of the
 * same application to finish (that one hands it on). The columns are added without a default that would rewrite
 * the table; deliveries still waiting get their application and number here, in the order they were received.
 */
export class InboxOrderPerApplication1796300000000 implements MigrationInterface {
  name = 'InboxOrderPerApplication1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "inbox_events_seq" AS bigint`);
    await queryRunner.query(
      `ALTER TABLE "inbox_events" ADD COLUMN "application_id" text, ADD COLUMN "seq" bigint,
         ADD COLUMN "held" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER SEQUENCE "inbox_events_seq" OWNED BY "inbox_events"."seq"`);
    await queryRunner.query(
      `ALTER TABLE "inbox_events" ALTER COLUMN "seq" SET DEFAULT nextval('inbox_events_seq')`,
    );
    await queryRunner.query(
      `UPDATE "inbox_events" i
          SET "application_id" = coalesce(w.event -> 'application' ->> 'applicationId', w.event ->> 'applicationId'),
              "seq" = w.n
         FROM (SELECT id, event, nextval('inbox_events_seq') AS n
                 FROM (SELECT id, event FROM "inbox_events" WHERE "status" = 'received' ORDER BY "received_at") o) w
        WHERE i.id = w.id`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inbox_events_application_waiting" ON "inbox_events" ("tenant_id", "ats", "application_id", "seq")
        WHERE "status" = 'received'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_inbox_events_application_waiting"`);
    await queryRunner.query(
      `ALTER TABLE "inbox_events" DROP COLUMN "held", DROP COLUMN "seq", DROP COLUMN "application_id"`,
    );
  }
}
