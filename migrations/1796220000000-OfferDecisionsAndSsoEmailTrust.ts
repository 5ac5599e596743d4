import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An HR decision on a warn/fail offer check may now be a decline as well as an approval (who and why either way);
 * existing rows are approvals. A tenant may trust its OIDC provider's e-mail claim without `email_verified`
 * (Entra ID often sends none); off unless HR turns it on.
 */
export class OfferDecisionsAndSsoEmailTrust1796220000000 implements MigrationInterface {
  name = 'OfferDecisionsAndSsoEmailTrust1796220000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "offer_approvals" ADD "decision" text NOT NULL DEFAULT 'approved' CONSTRAINT "chk_offer_approvals_decision" CHECK ("decision" IN ('approved', 'declined'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "tenant_sso" ADD "trust_unverified_email" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tenant_sso" DROP COLUMN "trust_unverified_email"`);
    await queryRunner.query(`DELETE FROM "offer_approvals" WHERE "decision" = 'declined'`);
    await queryRunner.query(`ALTER TABLE "offer_approvals" DROP COLUMN "decision"`);
  }
}
