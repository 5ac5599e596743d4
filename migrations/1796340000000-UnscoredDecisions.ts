import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications the matcher found no candidate for were stored with match score 0, which the accuracy report reads
 * as even odds of a returnee: half an expected returnee each (1,147 of matching-dev's 3,000 applicants). Such
 * decisions now store no score; this clears the old zeros. A real best-candidate score of exactly 0.00 is
 * cleared too: it becomes "no candidate", a shift of well under one expected returnee per thousand decisions.
 */
export class UnscoredDecisions1796340000000 implements MigrationInterface {
  name = 'UnscoredDecisions1796340000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "tracked_applications" SET "match_score" = NULL WHERE "outcome" = 'not_alumni' AND "match_score" = 0`,
    );
  }

  public async down(): Promise<void> {
    // Nothing to undo: a cleared zero and a decision without a candidate are the same thing.
  }
}
