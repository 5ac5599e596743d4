import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review budget's window per tenant (the latest decisions' best scores and whether each was automatic), so a
 * restarted process spends HR's budget from its first decision instead of the shipped threshold's. Scores only:
 * no names, no candidates.
 */
export class ReviewScoreWindows1796330000000 implements MigrationInterface {
  name = 'ReviewScoreWindows1796330000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "review_score_windows" (
        "tenant_id" uuid PRIMARY KEY REFERENCES "tenants"("id") ON DELETE CASCADE,
        "scores" double precision[] NOT NULL,
        "automatic" boolean[] NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "ck_review_score_windows_lengths" CHECK (cardinality("scores") = cardinality("automatic"))
      )`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "review_score_windows"`);
  }
}
