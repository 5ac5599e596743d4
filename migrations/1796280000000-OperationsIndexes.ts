import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `/metrics` reads, every scrape and across tenants, the deliveries still waiting and the write-backs claimed but
 * never recorded. Both are a handful of rows in tables that keep every delivery and step: partial indexes keep
 * those reads small however long the history grows.
 */
export class OperationsIndexes1796280000000 implements MigrationInterface {
  name = 'OperationsIndexes1796280000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_inbox_events_waiting" ON "inbox_events" ("received_at") WHERE "status" = 'received'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_writeback_steps_started" ON "writeback_steps" ("updated_at") WHERE "status" IN ('started', 'uncertain')`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inbox_events_processed" ON "inbox_events" ("tenant_id", "processed_at") WHERE "processed_at" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_inbox_events_processed"`);
    await queryRunner.query(`DROP INDEX "idx_writeback_steps_started"`);
    await queryRunner.query(`DROP INDEX "idx_inbox_events_waiting"`);
  }
}
