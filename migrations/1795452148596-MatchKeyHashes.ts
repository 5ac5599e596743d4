import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity keys become 64-bit hashes in one primary-key index (tenant, hash, alumnus); the foreign key and
 * the alumnus index go (the alumnus row now lists its own hashes), and the name+birth-date keys are no
 * longer stored because candidates by birth date come from an index on `alumni`. The table is partitioned
 * by tenant (no default partition): a tenant's first import loads its own partition without an index, builds
 * the index in one pass and attaches it (see AlumniRepository.startBulkWrite). Existing keys are carried over
 * by hashing them, one partition per tenant, so no re-import is needed.
 */
export class MatchKeyHashes1795452148596 implements MigrationInterface {
  name = 'MatchKeyHashes1795452148596';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alumni" ADD "match_key_hashes" bigint array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "alumni_match_keys" RENAME TO "alumni_match_keys_text"`);
    await queryRunner.query(
      `CREATE TABLE "alumni_match_keys" ("tenant_id" uuid NOT NULL, "key_hash" bigint NOT NULL, "alumnus_id" uuid NOT NULL,
         CONSTRAINT "PK_bd49a99fffc4bf59ce4fc981b6f" PRIMARY KEY ("tenant_id", "key_hash", "alumnus_id")) PARTITION BY LIST ("tenant_id")`,
    );
    const tenants = (await queryRunner.query(
      `SELECT DISTINCT "tenant_id" FROM "alumni_match_keys_text"`,
    )) as { tenant_id: string }[];
    for (const { tenant_id } of tenants) {
      await queryRunner.query(
        `CREATE TABLE "alumni_match_keys_t_${tenant_id.replace(/-/g, '')}" PARTITION OF "alumni_match_keys" FOR VALUES IN ('${tenant_id}')`,
      );
    }
    await queryRunner.query(
      `INSERT INTO "alumni_match_keys" ("tenant_id", "key_hash", "alumnus_id")
       SELECT DISTINCT "tenant_id", hashtextextended("key", 0), "alumnus_id" FROM "alumni_match_keys_text"
       WHERE "key" !~ '^(ft|fr|gt|gr):' ORDER BY 1, 2, 3`,
    );
    await queryRunner.query(
      `UPDATE "alumni" a SET "match_key_hashes" = k.hashes
       FROM (SELECT "alumnus_id", array_agg("key_hash") AS hashes FROM "alumni_match_keys" GROUP BY 1) k
       WHERE k."alumnus_id" = a."id"`,
    );
    await queryRunner.query(`DROP TABLE "alumni_match_keys_text"`);
    await queryRunner.query(
      `CREATE INDEX "ix_alumni_tenant_birth_date" ON "alumni" ("tenant_id", "birth_date") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Text keys cannot be recovered from hashes: the old table comes back empty and needs a re-import.
    await queryRunner.query(`DROP INDEX "public"."ix_alumni_tenant_birth_date"`);
    await queryRunner.query(`DROP TABLE "alumni_match_keys"`);
    await queryRunner.query(
      `CREATE TABLE "alumni_match_keys" ("tenant_id" uuid NOT NULL, "key" text NOT NULL, "alumnus_id" uuid NOT NULL, CONSTRAINT "PK_204d12a523f59c06649cc188701" PRIMARY KEY ("tenant_id", "key", "alumnus_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_alumni_match_keys_alumnus" ON "alumni_match_keys" ("alumnus_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "alumni_match_keys" ADD CONSTRAINT "FK_01208bd6d4460d2f33d0084d9c6" FOREIGN KEY ("alumnus_id") REFERENCES "alumni"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "alumni" DROP COLUMN "match_key_hashes"`);
  }
}
