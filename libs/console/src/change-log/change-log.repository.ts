import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ChangeLogEntryEntity, JobDepartmentEntity } from './change-log-entry.entity';

export type NewChangeLogEntry = Pick<
  ChangeLogEntryEntity,
  'tenantId' | 'department' | 'effectiveDate' | 'category' | 'title' | 'body' | 'createdBy'
>;

@Injectable()
export class ChangeLogRepository {
  constructor(
    @InjectRepository(ChangeLogEntryEntity) private readonly entries: Repository<ChangeLogEntryEntity>,
    @InjectRepository(JobDepartmentEntity) private readonly departments: Repository<JobDepartmentEntity>,
  ) {}

  list(tenantId: string): Promise<ChangeLogEntryEntity[]> {
    return this.entries.find({
      where: { tenantId },
      order: { effectiveDate: 'DESC', createdAt: 'DESC' },
      take: 1000,
    });
  }

  since(tenantId: string, after: string): Promise<ChangeLogEntryEntity[]> {
    return this.entries
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId AND c.effective_date > :after', { tenantId, after })
      .orderBy('c.effective_date', 'ASC')
      .limit(500)
      .getMany();
  }

  find(tenantId: string, id: string): Promise<ChangeLogEntryEntity | null> {
    return this.entries.findOneBy({ tenantId, id });
  }

  insert(entry: NewChangeLogEntry): Promise<ChangeLogEntryEntity> {
    return this.entries.save(this.entries.create(entry));
  }

  save(entry: ChangeLogEntryEntity): Promise<ChangeLogEntryEntity> {
    return this.entries.save(entry);
  }

  /** True when a row was deleted. */
  async delete(tenantId: string, id: string): Promise<boolean> {
    const r = await this.entries.delete({ tenantId, id });
    return !!r.affected;
  }

  findJobDepartment(tenantId: string, ats: string, jobId: string): Promise<JobDepartmentEntity | null> {
    return this.departments.findOneBy({ tenantId, ats, jobId });
  }

  listJobDepartments(tenantId: string): Promise<JobDepartmentEntity[]> {
    return this.departments.find({ where: { tenantId }, order: { ats: 'ASC', jobId: 'ASC' } });
  }

  async upsertJobDepartment(
    row: Pick<JobDepartmentEntity, 'tenantId' | 'ats' | 'jobId' | 'department' | 'updatedBy'>,
  ): Promise<void> {
    await this.departments.upsert(row, ['tenantId', 'ats', 'jobId']);
  }
}
