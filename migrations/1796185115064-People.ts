import { MigrationInterface, QueryRunner } from 'typeorm';

export class People1796185115064 implements MigrationInterface {
  name = 'People1796185115064';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "machine_tokens" ("jti" uuid NOT NULL, "tenant_id" uuid NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0482aaaa1192b40f218680e0bea" PRIMARY KEY ("jti"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5d43bb76e1ccd65f0e1100ded4" ON "machine_tokens" ("tenant_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "email" text NOT NULL, "email_key" text NOT NULL, "display_name" text NOT NULL, "language" text NOT NULL, "role" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "password_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_36756085405256ee42a3288f3c" ON "people" ("tenant_id", "email_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "person_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "person_id" uuid NOT NULL, "method" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_354ad9712c162cb1c8c2dee40c7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bd8f1ab5978efee3a7a5f409b9" ON "person_sessions" ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "person_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "email" text NOT NULL, "email_key" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "language" text NOT NULL, "token_hash" text NOT NULL, "invited_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3c859dfaa66d183ebb550a1c0d4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_64c0b980e100b9da1d43703109" ON "person_invitations" ("tenant_id", "email_key") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b3ffbaeec05fec1a562d5f0640" ON "person_invitations" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "password_resets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "person_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4816377aa98211c1de34469e742" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_323290a9239ad3d397ad78018e" ON "password_resets" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "tenant_sso" ("tenant_id" uuid NOT NULL, "issuer" text NOT NULL, "client_id" text NOT NULL, "client_secret_sealed" text NOT NULL, "required" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0b8b6dfc24a42d11cb2bc92adc7" PRIMARY KEY ("tenant_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "audit_entries" ADD "actor_person_id" uuid`);
    await queryRunner.query(`ALTER TABLE "audit_entries" ADD "actor_email" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entries" DROP COLUMN "actor_email"`);
    await queryRunner.query(`ALTER TABLE "audit_entries" DROP COLUMN "actor_person_id"`);
    await queryRunner.query(`DROP TABLE "tenant_sso"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_323290a9239ad3d397ad78018e"`);
    await queryRunner.query(`DROP TABLE "password_resets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b3ffbaeec05fec1a562d5f0640"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_64c0b980e100b9da1d43703109"`);
    await queryRunner.query(`DROP TABLE "person_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bd8f1ab5978efee3a7a5f409b9"`);
    await queryRunner.query(`DROP TABLE "person_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_36756085405256ee42a3288f3c"`);
    await queryRunner.query(`DROP TABLE "people"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5d43bb76e1ccd65f0e1100ded4"`);
    await queryRunner.query(`DROP TABLE "machine_tokens"`);
  }
}
