import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the matcher's best candidate had contacts on file of which none agreed: the accuracy report weighs such
 * decisions' scores (returnees who change one contact usually change all). Decisions stored before have none
 * (NULL): not known, read as their score alone, as the report did until now.
 */
export class MatchContactsChanged1796360000000 implements MigrationInterface {
  name = 'MatchContactsChanged1796360000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tracked_applications" ADD "match_contacts_changed" boolean`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tracked_applications" DROP COLUMN "match_contacts_changed"`);
  }
}
