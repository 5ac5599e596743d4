import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidates each matcher decision showed, best first, as the accuracy report reads them: score and whether
 * their contacts on file all changed (no one's identity). Decisions stored before have none (NULL) and are read
 * from their best score alone, as the report did until now.
 */
export class MatchCandidates1796360000000 implements MigrationInterface {
  name = 'MatchCandidates1796360000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tracked_applications" ADD "match_candidates" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "tracked_applications" ADD CONSTRAINT "ck_tracked_applications_match_candidates_array"
         CHECK ("match_candidates" IS NULL OR jsonb_typeof("match_candidates") = 'array')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "tracked_applications" DROP CONSTRAINT "ck_tracked_applications_match_candidates_array"`,
    );
    await queryRunner.query(`ALTER TABLE "tracked_applications" DROP COLUMN "match_candidates"`);
  }
}
