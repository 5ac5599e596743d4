import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, Repository } from 'typeorm';
import type { TransactionManager } from '@comeback/platform';
import {
  InvitationEntity,
  PasswordResetEntity,
  PersonEntity,
  PersonSessionEntity,
  TenantSsoEntity,
  type PersonRole,
  type PersonStatus,
} from './entities/person.entity';

/** Every query of the people lib: people, sessions, invitations, password resets, SSO settings. */
@Injectable()
export class PeopleRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @InjectRepository(PersonSessionEntity) private readonly sessions: Repository<PersonSessionEntity>,
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    @InjectRepository(PasswordResetEntity) private readonly resets: Repository<PasswordResetEntity>,
    @InjectRepository(TenantSsoEntity) private readonly sso: Repository<TenantSsoEntity>,
  ) {}

  transaction<T>(work: (tx: TransactionManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  // --- people

  findByEmail(tenantId: string, emailKey: string): Promise<PersonEntity | null> {
    return this.people.findOneBy({ tenantId, emailKey });
  }

  findById(tenantId: string, id: string): Promise<PersonEntity | null> {
    return this.people.findOneBy({ tenantId, id });
  }

  list(tenantId: string): Promise<PersonEntity[]> {
    return this.people.find({ where: { tenantId }, order: { displayName: 'ASC' }, take: 1000 });
  }

  countActiveAdmins(tenantId: string): Promise<number> {
    return this.people.countBy({ tenantId, role: 'hr_admin', status: 'active' });
  }

  async insertPerson(
    tx: TransactionManager,
    p: Pick<
      PersonEntity,
      'tenantId' | 'email' | 'emailKey' | 'displayName' | 'language' | 'role' | 'passwordHash'
    >,
  ): Promise<PersonEntity> {
    return tx
      .getRepository(PersonEntity)
      .save(tx.getRepository(PersonEntity).create({ ...p, status: 'active' }));
  }

  async setRole(tenantId: string, id: string, role: PersonRole): Promise<void> {
    await this.people.update({ tenantId, id }, { role });
  }

  async setStatus(tx: TransactionManager, tenantId: string, id: string, status: PersonStatus): Promise<void> {
    await tx.getRepository(PersonEntity).update({ tenantId, id }, { status });
  }

  async setPasswordHash(tx: TransactionManager, tenantId: string, id: string, hash: string): Promise<void> {
    await tx.getRepository(PersonEntity).update({ tenantId, id }, { passwordHash: hash });
  }

  // --- sessions

  async openSession(
    tx: TransactionManager | null,
    s: Pick<PersonSessionEntity, 'tenantId' | 'personId' | 'method' | 'expiresAt'>,
  ): Promise<PersonSessionEntity> {
    const repo = tx ? tx.getRepository(PersonSessionEntity) : this.sessions;
    return repo.save(repo.create(s));
  }

  /** The session's person when the session is open and unexpired and the person active. */
  async liveSession(tenantId: string, sessionId: string, personId: string): Promise<PersonEntity | null> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT p.id, p.role, p.display_name, p.email FROM person_sessions s JOIN people p ON p.id = s.person_id
        WHERE s.id = $1 AND s.tenant_id = $2 AND s.person_id = $3 AND s.ended_at IS NULL AND s.expires_at > now()
          AND p.tenant_id = $2 AND p.status = 'active'`,
      [sessionId, tenantId, personId],
    );
    const r = rows[0];
    if (!r) return null;
    return Object.assign(new PersonEntity(), {
      id: r.id as string,
      tenantId,
      role: r.role as PersonRole,
      displayName: r.display_name as string,
      email: r.email as string,
    });
  }

  async endSession(tenantId: string, sessionId: string): Promise<void> {
    await this.sessions.update({ tenantId, id: sessionId, endedAt: IsNull() }, { endedAt: new Date() });
  }

  async endSessionsOf(tx: TransactionManager, tenantId: string, personId: string): Promise<void> {
    await tx
      .getRepository(PersonSessionEntity)
      .update({ tenantId, personId, endedAt: IsNull() }, { endedAt: new Date() });
  }

  // --- invitations

  async insertInvitation(
    i: Omit<InvitationEntity, 'id' | 'createdAt' | 'usedAt'>,
  ): Promise<InvitationEntity> {
    return this.invitations.save(this.invitations.create({ ...i, usedAt: null }));
  }

  /** An unused, unexpired invitation by its token's hash. */
  findOpenInvitation(tokenHash: string): Promise<InvitationEntity | null> {
    return this.invitations.findOneBy({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) });
  }

  /** The newest open invitation for an e-mail (SSO first sign-in of an invited person). */
  findOpenInvitationFor(tenantId: string, emailKey: string): Promise<InvitationEntity | null> {
    return this.invitations.findOne({
      where: { tenantId, emailKey, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
  }

  listOpenInvitations(tenantId: string): Promise<InvitationEntity[]> {
    return this.invitations.find({
      where: { tenantId, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
      take: 500,
    });
  }

  /** Claims the invitation: true for exactly one caller, and only while it is unused and unexpired. */
  async useInvitation(tx: TransactionManager, id: string): Promise<boolean> {
    const r = await tx
      .getRepository(InvitationEntity)
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL AND expires_at > now()', { id })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  // --- password resets

  async insertReset(r: Omit<PasswordResetEntity, 'id' | 'createdAt' | 'usedAt'>): Promise<void> {
    await this.resets.insert({ ...r, usedAt: null });
  }

  findOpenReset(tokenHash: string): Promise<PasswordResetEntity | null> {
    return this.resets.findOneBy({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) });
  }

  async useReset(tx: TransactionManager, id: string): Promise<boolean> {
    const r = await tx
      .getRepository(PasswordResetEntity)
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL AND expires_at > now()', { id })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  // --- SSO

  findSso(tenantId: string): Promise<TenantSsoEntity | null> {
    return this.sso.findOneBy({ tenantId });
  }

  allSso(): Promise<TenantSsoEntity[]> {
    return this.sso.find();
  }

  async setSsoSecret(tenantId: string, clientSecretSealed: string): Promise<void> {
    await this.sso.update({ tenantId }, { clientSecretSealed });
  }

  async saveSso(row: Omit<TenantSsoEntity, 'updatedAt'>): Promise<void> {
    await this.sso.upsert(row, ['tenantId']);
  }

  async deleteSso(tenantId: string): Promise<void> {
    await this.sso.delete({ tenantId });
  }
}
