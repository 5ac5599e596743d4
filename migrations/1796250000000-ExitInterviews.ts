import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exit interview (退職面談) as a versioned part of a registry record, its history (who set what, when), the
 * leaver's own links (only token hashes), and `alumni.rejoined_at` for a leaver the HR system shows as rehired.
 * Everything hangs off `alumni(id)` with ON DELETE CASCADE: the registry's erasure removes it in its transaction.
 */
export class ExitInterviews1796250000000 implements MigrationInterface {
  name = 'ExitInterviews1796250000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "exit_interviews" ("alumnus_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT 0, "interviewer_email" text, "departure_category" text, "hr_detail" text, "rehire_recommendation" text, "welcome_back_said" boolean, "regrettable" boolean, "return_wish" text, "return_areas" text array NOT NULL DEFAULT '{}', "return_roles" text array NOT NULL DEFAULT '{}', "personal_emails" text array NOT NULL DEFAULT '{}', "personal_phones" text array NOT NULL DEFAULT '{}', "consent" text NOT NULL DEFAULT 'unknown', "consent_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_exit_interviews" PRIMARY KEY ("alumnus_id"), CONSTRAINT "FK_exit_interviews_alumnus" FOREIGN KEY ("alumnus_id") REFERENCES "alumni"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_exit_interviews_interviewer" ON "exit_interviews" ("tenant_id", "interviewer_email")`,
    );
    await queryRunner.query(
      `CREATE TABLE "exit_interview_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "alumnus_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "version" integer NOT NULL, "source" text NOT NULL, "actor" text NOT NULL, "actor_role" text NOT NULL, "actor_person_id" uuid, "changes" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_exit_interview_history" PRIMARY KEY ("id"), CONSTRAINT "uq_exit_interview_history_version" UNIQUE ("alumnus_id", "version"), CONSTRAINT "FK_exit_interview_history_alumnus" FOREIGN KEY ("alumnus_id") REFERENCES "alumni"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE TABLE "leaver_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "alumnus_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "token_hash" text NOT NULL, "purpose" text NOT NULL, "language" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_leaver_links" PRIMARY KEY ("id"), CONSTRAINT "uq_leaver_links_token_hash" UNIQUE ("token_hash"), CONSTRAINT "FK_leaver_links_alumnus" FOREIGN KEY ("alumnus_id") REFERENCES "alumni"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_leaver_links_alumnus" ON "leaver_links" ("alumnus_id")`);
    await queryRunner.query(`ALTER TABLE "alumni" ADD "rejoined_at" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alumni" DROP COLUMN "rejoined_at"`);
    await queryRunner.query(`DROP TABLE "leaver_links"`);
    await queryRunner.query(`DROP TABLE "exit_interview_history"`);
    await queryRunner.query(`DROP TABLE "exit_interviews"`);
  }
}
