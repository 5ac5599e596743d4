import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching looks up everyone born on the applicant's birth date (a few dozen in a million) to find those who
 * share a name part with them. With the name columns in the index that is an index-only read; only the few
 * kept are then fetched from the table, instead of every same-day row at random places in a large heap.
 */
export class SameDayNamesIndex1796290000000 implements MigrationInterface {
  name = 'SameDayNamesIndex1796290000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_alumni_tenant_birth_date"`);
    await queryRunner.query(
      `CREATE INDEX "ix_alumni_tenant_birth_date" ON "alumni" ("tenant_id", "birth_date")
         INCLUDE ("id", "family_name", "given_name", "family_name_kana", "given_name_kana", "previous_family_names")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_alumni_tenant_birth_date"`);
    await queryRunner.query(
      `CREATE INDEX "ix_alumni_tenant_birth_date" ON "alumni" ("tenant_id", "birth_date") `,
    );
  }
}
