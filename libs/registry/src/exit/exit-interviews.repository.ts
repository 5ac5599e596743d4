import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AlumnusEntity } from '../alumni/alumnus.entity';
import { ExitInterviewEntity, ExitInterviewHistoryEntity, LeaverLinkEntity } from './exit-interview.entity';

/** A leaver and their exit interview (absent until someone fills it). */
export interface LeaverRow {
  alumnus: AlumnusEntity;
  interview: ExitInterviewEntity | null;
}

@Injectable()
export class ExitInterviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async alumnus(tenantId: string, alumnusId: string, manager?: EntityManager): Promise<AlumnusEntity | null> {
    return (manager ?? this.dataSource.manager)
      .getRepository(AlumnusEntity)
      .findOne({ where: { tenantId, id: alumnusId } });
  }

  async alumnusByNumber(tenantId: string, employeeNumber: string): Promise<AlumnusEntity | null> {
    return this.dataSource.getRepository(AlumnusEntity).findOne({ where: { tenantId, employeeNumber } });
  }

  /** The row, locked for the caller's transaction (two saves at once make two versions, one after the other). */
  async forUpdate(manager: EntityManager, tenantId: string, alumnusId: string): Promise<ExitInterviewEntity> {
    await manager.query(
      `INSERT INTO exit_interviews (alumnus_id, tenant_id) VALUES ($1, $2) ON CONFLICT (alumnus_id) DO NOTHING`,
      [alumnusId, tenantId],
    );
    const row = await manager
      .getRepository(ExitInterviewEntity)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.alumnus_id = :alumnusId AND e.tenant_id = :tenantId', { alumnusId, tenantId })
      .getOne();
    if (!row) throw new Error('exit interview row vanished inside its transaction');
    return row;
  }

  async find(tenantId: string, alumnusId: string): Promise<ExitInterviewEntity | null> {
    return this.dataSource.getRepository(ExitInterviewEntity).findOne({ where: { tenantId, alumnusId } });
  }

  async save(manager: EntityManager, row: ExitInterviewEntity): Promise<void> {
    await manager.getRepository(ExitInterviewEntity).save(row);
  }

  async addHistory(manager: EntityManager, entry: Omit<ExitInterviewHistoryEntity, 'id' | 'createdAt'>) {
    await manager.getRepository(ExitInterviewHistoryEntity).save(entry);
  }

  async history(tenantId: string, alumnusId: string): Promise<ExitInterviewHistoryEntity[]> {
    return this.dataSource
      .getRepository(ExitInterviewHistoryEntity)
      .find({ where: { tenantId, alumnusId }, order: { version: 'DESC' }, take: 200 });
  }

  /**
   * Leavers with their interview, newest registry records first (a leaver the HR system just sent on top): all of them for HR, or only those whose
   * interviewer is `interviewerEmail` (a hiring manager's own list).
   */
  async leavers(tenantId: string, opts: { interviewerEmail?: string; limit: number }): Promise<LeaverRow[]> {
    const qb = this.dataSource
      .getRepository(AlumnusEntity)
      .createQueryBuilder('a')
      .leftJoinAndMapOne('a.exitInterview', ExitInterviewEntity, 'e', 'e.alumnus_id = a.id')
      .where('a.tenant_id = :tenantId', { tenantId })
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.leaveDate', 'DESC')
      .take(opts.limit);
    if (opts.interviewerEmail !== undefined)
      qb.andWhere('e.interviewer_email = :email', { email: opts.interviewerEmail });
    const rows = (await qb.getMany()) as (AlumnusEntity & { exitInterview?: ExitInterviewEntity })[];
    return rows.map((r) => {
      const { exitInterview, ...alumnus } = r;
      return { alumnus, interview: exitInterview ?? null };
    });
  }

  async linkByHash(tokenHash: string): Promise<LeaverLinkEntity | null> {
    return this.dataSource
      .getRepository(LeaverLinkEntity)
      .findOne({ where: { tokenHash, revokedAt: IsNull() } });
  }

  /** Revoked ones too: tells a replaced link (stale) from one that never existed (tampered). */
  async anyLinkByHash(tokenHash: string): Promise<LeaverLinkEntity | null> {
    return this.dataSource.getRepository(LeaverLinkEntity).findOne({ where: { tokenHash } });
  }

  async insertLinkIn(
    manager: EntityManager,
    row: Pick<
      LeaverLinkEntity,
      'alumnusId' | 'tenantId' | 'tokenHash' | 'purpose' | 'language' | 'expiresAt'
    >,
  ): Promise<void> {
    await manager.getRepository(LeaverLinkEntity).insert(row);
  }

  async touchLink(id: string): Promise<void> {
    await this.dataSource.getRepository(LeaverLinkEntity).update({ id }, { lastUsedAt: new Date() });
  }

  /** A new link replaces the person's earlier ones: only the latest mail works. */
  async revokeLinks(manager: EntityManager, tenantId: string, alumnusId: string): Promise<void> {
    await manager
      .getRepository(LeaverLinkEntity)
      .update({ tenantId, alumnusId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * Erasure: the leaver e-mails kept in the outbox (embedded mode) name the person's address. The interview, its
   * history and the links cascade from the registry row itself.
   */
  async eraseLeaverMail(manager: EntityManager, tenantId: string, identifiers: string[]): Promise<void> {
    await manager.query(
      `DELETE FROM mail_outbox WHERE tenant_id = $1 AND kind = 'leaver_link' AND lower(recipient) = ANY($2::text[])`,
      [tenantId, identifiers.map((i) => i.toLowerCase())],
    );
  }

  /** What each person's exit interview says they might come back for (areas and roles), by employee number. */
  async returnInterests(tenantId: string, employeeNumbers: string[]): Promise<Map<string, string[]>> {
    if (employeeNumbers.length === 0) return new Map();
    const rows: { employee_number: string; return_areas: string[]; return_roles: string[] }[] =
      await this.dataSource.query(
        `SELECT a.employee_number, e.return_areas, e.return_roles
           FROM exit_interviews e JOIN alumni a ON a.id = e.alumnus_id AND a.tenant_id = e.tenant_id
          WHERE e.tenant_id = $1 AND a.employee_number = ANY($2::text[])`,
        [tenantId, employeeNumbers],
      );
    return new Map(rows.map((r) => [r.employee_number, [...r.return_areas, ...r.return_roles]]));
  }
}
