import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PERSON_ROLES = ['hr_admin', 'recruiter', 'hiring_manager'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_LANGUAGES = ['ja', 'en'] as const;
export type PersonLanguage = (typeof PERSON_LANGUAGES)[number];
export type PersonStatus = 'active' | 'deactivated';

/** Someone of a tenant who signs in to the console. E-mail unique per tenant, compared case-insensitively. */
@Entity('people')
@Index(['tenantId', 'emailKey'], { unique: true })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  /** As the person typed it (shown, mailed to). */
  @Column({ type: 'text' })
  email!: string;

  /** Lower-cased, trimmed: the uniqueness and look-up key. */
  @Column({ type: 'text' })
  emailKey!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  language!: PersonLanguage;

  @Column({ type: 'text' })
  role!: PersonRole;

  @Column({ type: 'text', default: 'active' })
  status!: PersonStatus;

  /** argon2id (PHC string); null until the person chose one (SSO-only people never do). */
  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One signed-in browser. The console cookie names it; it is checked on every request. */
@Entity('person_sessions')
@Index(['personId'])
export class PersonSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  /** `password`, `sso` or `invitation`. */
  @Column({ type: 'text' })
  method!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}

/** An e-mailed, single-use, expiring link. Only the SHA-256 of its token is stored. */
@Entity('person_invitations')
@Index(['tokenHash'], { unique: true })
@Index(['tenantId', 'emailKey'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  emailKey!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: PersonRole;

  @Column({ type: 'text' })
  language!: PersonLanguage;

  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'text' })
  invitedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}

/** A password reset link: single use, expiring, only the SHA-256 of its token stored. */
@Entity('password_resets')
@Index(['tokenHash'], { unique: true })
export class PasswordResetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}

/** A tenant's OpenID Connect provider (Entra ID, Google Workspace, Okta, …). The client secret is sealed. */
@Entity('tenant_sso')
export class TenantSsoEntity {
  @Column({ type: 'uuid', primary: true })
  tenantId!: string;

  @Column({ type: 'text' })
  issuer!: string;

  @Column({ type: 'text' })
  clientId!: string;

  @Column({ type: 'text' })
  clientSecretSealed!: string;

  /** Password sign-in refused for this tenant's people. */
  @Column({ type: 'boolean', default: false })
  required!: boolean;

  /**
   * Accept the provider's e-mail claim when it carries no `email_verified` (Entra ID often sends none). Only for a
   * provider that is the company's own directory; an explicit `email_verified: false` is refused regardless.
   */
  @Column({ type: 'boolean', default: false })
  trustUnverifiedEmail!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
