import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  AppException,
  AuditService,
  ErrorCode,
  NotFoundException,
  TenantService,
  ValidationFailedException,
  type AuditActor,
} from '@comeback/platform';
import {
  PERSON_LANGUAGES,
  PERSON_ROLES,
  type InvitationEntity,
  type PersonEntity,
  type PersonLanguage,
  type PersonRole,
} from './entities/person.entity';
import { emailKey, hashOneTimeToken, newOneTimeToken } from './one-time-token';
import { PasswordHasher, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-hasher';
import { PeopleMailer } from './people-mailer';
import { PeopleRepository } from './people.repository';

const INVITATION_DAYS = 7;
const EMAIL = /^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+$/;

export interface InvitationInput {
  email: string;
  displayName: string;
  role: PersonRole;
  language: PersonLanguage;
}

export function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH)
    throw new AppException(
      ErrorCode.ValidationFailed,
      `The password must have ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`,
      { field: 'password', reason: 'password_length' },
    );
}

/** People of a tenant: invitations, roles, deactivation. Every change is audited under the person who made it. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly rows: PeopleRepository,
    private readonly tenants: TenantService,
    private readonly hasher: PasswordHasher,
    private readonly mailer: PeopleMailer,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(tenantId: string): Promise<PersonEntity[]> {
    return this.rows.list(tenantId);
  }

  openInvitations(tenantId: string): Promise<InvitationEntity[]> {
    return this.rows.listOpenInvitations(tenantId);
  }

  /** The active person with this e-mail (any letter case), or null: how people the ATS names are found here. */
  async findActiveByEmail(tenantId: string, email: string): Promise<PersonEntity | null> {
    const person = await this.rows.findByEmail(tenantId, emailKey(email));
    return person?.status === 'active' ? person : null;
  }

  async get(tenantId: string, id: string): Promise<PersonEntity> {
    const p = await this.rows.findById(tenantId, id);
    if (!p) throw new NotFoundException('Person');
    return p;
  }

  /** E-mails a single-use link (7 days). Returns the link too: the CLI prints it for the first HR admin. */
  async invite(
    actor: AuditActor,
    input: InvitationInput,
  ): Promise<{ invitation: InvitationEntity; link: string }> {
    const email = input.email.trim();
    if (!EMAIL.test(email) || email.length > 254)
      throw new ValidationFailedException('email is not an e-mail address');
    const displayName = input.displayName.trim();
    if (!displayName || displayName.length > 200)
      throw new ValidationFailedException('displayName must be 1–200 characters');
    if (!PERSON_ROLES.includes(input.role))
      throw new ValidationFailedException(`role must be one of ${PERSON_ROLES.join(', ')}`);
    if (!PERSON_LANGUAGES.includes(input.language))
      throw new ValidationFailedException('language must be ja or en');
    if (await this.rows.findByEmail(actor.tenantId, emailKey(email)))
      throw new AppException(
        ErrorCode.Conflict,
        'Someone with this e-mail address already exists in this tenant',
      );
    const tenant = await this.tenants.get(actor.tenantId);
    const token = newOneTimeToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86400_000);
    const invitation = await this.rows.insertInvitation({
      tenantId: actor.tenantId,
      email,
      emailKey: emailKey(email),
      displayName,
      role: input.role,
      language: input.language,
      tokenHash: hashOneTimeToken(token),
      invitedBy: actor.name,
      expiresAt,
    });
    const link = await this.mailer.invitation({
      tenantId: actor.tenantId,
      tenantSlug: tenant.slug,
      to: email,
      language: input.language,
      role: input.role,
      inviter: actor.name,
      token,
      expiresAt,
    });
    await this.audit.record(actor, {
      action: 'person.invite',
      targetType: 'invitation',
      targetId: invitation.id,
      details: { role: input.role },
    });
    return { invitation, link };
  }

  /** The open invitation a link points at, or null (unknown, used or expired: one answer for all three). */
  async invitationFor(token: string): Promise<InvitationEntity | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    return this.rows.findOpenInvitation(hashOneTimeToken(token));
  }

  /**
   * Uses the invitation once and creates the person (with a password, or none for SSO). Null when the link was
   * already used, expired, or someone else took the e-mail meanwhile.
   */
  async acceptInvitation(
    invitation: InvitationEntity,
    input: { displayName?: string; password: string | null },
  ): Promise<PersonEntity | null> {
    if (input.password !== null) checkPassword(input.password);
    const displayName = (input.displayName ?? '').trim() || invitation.displayName;
    if (displayName.length > 200) throw new ValidationFailedException('displayName must be 1–200 characters');
    const hash = input.password === null ? null : await this.hasher.hash(input.password);
    const person = await this.rows.transaction(async (tx) => {
      if (!(await this.rows.useInvitation(tx, invitation.id))) return null;
      if (await this.rows.findByEmail(invitation.tenantId, invitation.emailKey)) return null;
      return this.rows.insertPerson(tx, {
        tenantId: invitation.tenantId,
        email: invitation.email,
        emailKey: invitation.emailKey,
        displayName,
        language: invitation.language,
        role: invitation.role,
        passwordHash: hash,
      });
    });
    if (person)
      await this.audit.record(actorOf(person), {
        action: 'person.join',
        targetType: 'person',
        targetId: person.id,
        details: { invitationId: invitation.id, role: person.role },
      });
    return person;
  }

  async changeRole(actor: AuditActor, id: string, role: PersonRole): Promise<PersonEntity> {
    if (!PERSON_ROLES.includes(role))
      throw new ValidationFailedException(`role must be one of ${PERSON_ROLES.join(', ')}`);
    const person = await this.get(actor.tenantId, id);
    if (person.role === role) return person;
    if (person.role === 'hr_admin' && person.status === 'active') await this.keepOneAdmin(actor.tenantId);
    await this.rows.setRole(actor.tenantId, id, role);
    await this.audit.record(actor, {
      action: 'person.role',
      targetType: 'person',
      targetId: id,
      details: { from: person.role, to: role },
    });
    return { ...person, role };
  }

  /** Deactivates and ends every session of the person in the same transaction: their next request is refused. */
  async deactivate(actor: AuditActor, id: string): Promise<void> {
    const person = await this.get(actor.tenantId, id);
    if (person.id === actor.personId)
      throw new AppException(ErrorCode.Conflict, 'You cannot deactivate yourself');
    if (person.status === 'deactivated') return;
    if (person.role === 'hr_admin') await this.keepOneAdmin(actor.tenantId);
    await this.rows.transaction(async (tx) => {
      await this.rows.setStatus(tx, actor.tenantId, id, 'deactivated');
      await this.rows.endSessionsOf(tx, actor.tenantId, id);
      await this.audit.record(actor, { action: 'person.deactivate', targetType: 'person', targetId: id }, tx);
    });
  }

  async reactivate(actor: AuditActor, id: string): Promise<void> {
    const person = await this.get(actor.tenantId, id);
    if (person.status === 'active') return;
    await this.rows.transaction(async (tx) => {
      await this.rows.setStatus(tx, actor.tenantId, id, 'active');
      await this.audit.record(actor, { action: 'person.reactivate', targetType: 'person', targetId: id }, tx);
    });
  }

  /**
   * The embedded demo's people, one per role, with known passwords printed by the demo. Refused outside the
   * embedded mode: a known password must never exist in a real installation.
   */
  async createDemoPeople(
    tenantId: string,
    people: readonly {
      email: string;
      displayName: string;
      role: PersonRole;
      language: PersonLanguage;
      password: string;
    }[],
  ): Promise<void> {
    if (!this.config.embedded)
      throw new AppException(ErrorCode.Forbidden, 'Demo people exist only in embedded mode');
    for (const p of people) {
      const hash = await this.hasher.hash(p.password);
      await this.rows.transaction((tx) =>
        this.rows.insertPerson(tx, {
          tenantId,
          email: p.email,
          emailKey: emailKey(p.email),
          displayName: p.displayName,
          language: p.language,
          role: p.role,
          passwordHash: hash,
        }),
      );
    }
  }

  private async keepOneAdmin(tenantId: string): Promise<void> {
    if ((await this.rows.countActiveAdmins(tenantId)) <= 1)
      throw new AppException(ErrorCode.Conflict, 'The tenant must keep at least one active HR administrator');
  }
}

/** A person acting for themselves (joining, signing in, resetting their password). */
export function actorOf(
  p: Pick<PersonEntity, 'id' | 'tenantId' | 'role' | 'displayName' | 'email'>,
): AuditActor {
  return { tenantId: p.tenantId, role: p.role, name: p.displayName, personId: p.id, email: p.email };
}
