import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether each decision in a tenant's review-budget window went to review, so the budget can correct its aim by
 * what it actually spent. Windows stored before have none (NULL): not known, no correction until they are
 * replaced by decisions that carry it.
 */
export class ReviewScoreWindowsReviewed1796350000000 implements MigrationInterface {
  name = 'ReviewScoreWindowsReviewed1796350000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "review_score_windows" ADD "reviewed" boolean[]`);
    await queryRunner.query(
      `ALTER TABLE "review_score_windows" ADD CONSTRAINT "ck_review_score_windows_reviewed_length"
         CHECK ("reviewed" IS NULL OR cardinality("reviewed") = cardinality("scores"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "review_score_windows" DROP CONSTRAINT "ck_review_score_windows_reviewed_length"`,
    );
    await queryRunner.query(`ALTER TABLE "review_score_windows" DROP COLUMN "reviewed"`);
  }
}
