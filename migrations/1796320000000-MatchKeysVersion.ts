import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which key derivation built a tenant's stored match keys. Registries imported before this column existed were
 * keyed by version 1; a rebuild (`match-keys:rebuild`) re-derives them and records the version it used.
 */
export class MatchKeysVersion1796320000000 implements MigrationInterface {
  name = 'MatchKeysVersion1796320000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "registry_stats" ADD "match_keys_version" integer NOT NULL DEFAULT 1`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registry_stats" DROP COLUMN "match_keys_version"`);
  }
}
