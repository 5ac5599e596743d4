import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A connection holds a list of webhook signing secrets (Greenhouse: one webhook per event, each with its own
 * secret key). Each element is sealed on its own under the same associated data as the single secret was
 * (`ats_connections.<kind>.webhook_secret`), so an existing sealed value moves across unchanged.
 */
export class WebhookSecretLists1796200000000 implements MigrationInterface {
  name = 'WebhookSecretLists1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ats_connections" ADD "webhook_secrets_sealed" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `UPDATE "ats_connections" SET "webhook_secrets_sealed" = ARRAY["webhook_secret_sealed"] WHERE "webhook_secret_sealed" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "ats_connections" DROP COLUMN "webhook_secret_sealed"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ats_connections" ADD "webhook_secret_sealed" text`);
    // Only the first secret survives a downgrade: the old schema had room for one.
    await queryRunner.query(
      `UPDATE "ats_connections" SET "webhook_secret_sealed" = "webhook_secrets_sealed"[1] WHERE cardinality("webhook_secrets_sealed") > 0`,
    );
    await queryRunner.query(`ALTER TABLE "ats_connections" DROP COLUMN "webhook_secrets_sealed"`);
  }
}
