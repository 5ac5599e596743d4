import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A policy version may be activated only after a dry run of exactly its content. The dry run is recorded on the
 * version's row (who, when, a hash of the content run), so every api process, and one after a restart, sees it.
 */
export class PolicyDryRuns1796310000000 implements MigrationInterface {
  name = 'PolicyDryRuns1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['eligibility_policies', 'fairness_policies']) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD "dry_run_by" text, ADD "dry_run_at" TIMESTAMP WITH TIME ZONE, ADD "dry_run_hash" text`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['fairness_policies', 'eligibility_policies']) {
      await queryRunner.query(
        `ALTER TABLE "${table}" DROP COLUMN "dry_run_hash", DROP COLUMN "dry_run_at", DROP COLUMN "dry_run_by"`,
      );
    }
  }
}
