import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-tenant matcher parameters estimated from the tenant's own data (issue 14): the comparison vectors the
 * matcher saw (one row per distinct vector with its count — no names, no values, only agree/disagree per
 * field), and the latest EM estimate with the weights it yields (null: the shipped defaults stand).
 */
export class MatchParameters1796230000000 implements MigrationInterface {
  name = 'MatchParameters1796230000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_comparison_patterns" (
        "tenant_id" uuid NOT NULL REFERENCES "tenants"("id") ON DELETE CASCADE,
        "pattern" text NOT NULL,
        "count" bigint NOT NULL DEFAULT 0,
        CONSTRAINT "pk_match_comparison_patterns" PRIMARY KEY ("tenant_id", "pattern")
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "match_parameters" (
        "tenant_id" uuid PRIMARY KEY REFERENCES "tenants"("id") ON DELETE CASCADE,
        "source" text NOT NULL,
        "estimate" jsonb NOT NULL,
        "weights" jsonb,
        "pairs" integer NOT NULL DEFAULT 0,
        "labelled" integer NOT NULL DEFAULT 0,
        "estimated_at" timestamptz NOT NULL DEFAULT now()
      )`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "match_parameters"`);
    await queryRunner.query(`DROP TABLE "match_comparison_patterns"`);
  }
}
