import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { ErasedPerson, TransactionManager } from '@comeback/platform';
import { HireOutcomeEntity } from './hire-outcome.entity';

export type HireOutcomeFields = Omit<HireOutcomeEntity, 'id' | 'createdAt' | 'unhiredAt'>;

/** The SQL of `hire_outcomes`. */
@Injectable()
export class HireOutcomesRepository {
  constructor(
    @InjectRepository(HireOutcomeEntity) private readonly repo: Repository<HireOutcomeEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** One row per application: a repeated hire event (a replay, a re-hire after an unhire) overwrites it. */
  async upsert(fields: HireOutcomeFields): Promise<HireOutcomeEntity> {
    await this.repo.upsert({ ...fields, unhiredAt: null }, ['tenantId', 'ats', 'applicationId']);
    return this.repo.findOneByOrFail({
      tenantId: fields.tenantId,
      ats: fields.ats,
      applicationId: fields.applicationId,
    });
  }

  async markUnhired(tenantId: string, ats: string, applicationId: string, at: Date): Promise<string | null> {
    const r = await this.repo
      .createQueryBuilder()
      .update()
      .set({ unhiredAt: at })
      .where('tenant_id = :tenantId AND ats = :ats AND application_id = :applicationId', {
        tenantId,
        ats,
        applicationId,
      })
      .returning('id')
      .execute();
    return (r.raw as { id: string }[])[0]?.id ?? null;
  }

  find(tenantId: string, ats: string, applicationId: string): Promise<HireOutcomeEntity | null> {
    return this.repo.findOneBy({ tenantId, ats, applicationId });
  }

  /** Hires in [from, to) that stand (not undone). */
  inPeriod(tenantId: string, from: Date, to: Date): Promise<HireOutcomeEntity[]> {
    return this.repo
      .createQueryBuilder('h')
      .where(
        'h.tenant_id = :tenantId AND h.hired_at >= :from AND h.hired_at < :to AND h.unhired_at IS NULL',
        {
          tenantId,
          from,
          to,
        },
      )
      .orderBy('h.hired_at')
      .getMany();
  }

  /**
   * Returnees hired in [from, to) (undone hires left out) with the leave date the registry holds for them when
   * it is after the hire (they left again; the HR-system sync or an import updates it).
   */
  async returneeLeaves(
    tenantId: string,
    from: Date,
    to: Date,
  ): Promise<{ hiredAt: Date; leftOn: string | null }[]> {
    return this.db.query(
      `SELECT h.hired_at AS "hiredAt",
         CASE WHEN a.leave_date > h.hired_at::date THEN to_char(a.leave_date, 'YYYY-MM-DD') END AS "leftOn"
       FROM hire_outcomes h
       LEFT JOIN alumni a ON a.tenant_id = h.tenant_id AND a.employee_number = h.employee_number
       WHERE h.tenant_id = $1 AND h.returnee AND h.unhired_at IS NULL AND h.hired_at >= $2 AND h.hired_at < $3`,
      [tenantId, from, to],
    );
  }

  /** Erasure: the person's hires (their tasks go with them by the foreign key). */
  async erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<void> {
    await tx.query('DELETE FROM hire_outcomes WHERE tenant_id = $1 AND employee_number = $2', [
      person.tenantId,
      person.employeeNumber,
    ]);
  }
}
