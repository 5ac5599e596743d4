import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditActor, AuditService, NotFoundException } from '@comeback/platform';
import { Repository } from 'typeorm';
import type { ChangeLogEntryDto } from '../console.dto';
import { ChangeLogEntryEntity, JobDepartmentEntity } from './change-log-entry.entity';

/** HR's log of what changed (per department and date) and each job's department. Every write is audited. */
@Injectable()
export class ChangeLogService {
  constructor(
    @InjectRepository(ChangeLogEntryEntity) private readonly entries: Repository<ChangeLogEntryEntity>,
    @InjectRepository(JobDepartmentEntity) private readonly departments: Repository<JobDepartmentEntity>,
    private readonly audit: AuditService,
  ) {}

  list(tenantId: string): Promise<ChangeLogEntryEntity[]> {
    return this.entries.find({ where: { tenantId }, order: { effectiveDate: 'DESC', createdAt: 'DESC' }, take: 1000 });
  }

  /** Entries dated after `after` (the leave date); the domain filters by department. */
  since(tenantId: string, after: string): Promise<ChangeLogEntryEntity[]> {
    return this.entries
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId AND c.effective_date > :after', { tenantId, after })
      .orderBy('c.effective_date', 'ASC')
      .limit(500)
      .getMany();
  }

  async get(tenantId: string, id: string): Promise<ChangeLogEntryEntity> {
    const row = await this.entries.findOneBy({ tenantId, id });
    if (!row) throw new NotFoundException('Change-log entry');
    return row;
  }

  async create(actor: AuditActor, dto: ChangeLogEntryDto): Promise<ChangeLogEntryEntity> {
    const row = await this.entries.save(
      this.entries.create({
        tenantId: actor.tenantId,
        department: dto.department?.trim() || null,
        effectiveDate: dto.effectiveDate,
        category: dto.category,
        title: dto.title.trim(),
        body: dto.body?.trim() ?? '',
        createdBy: actor.name,
      }),
    );
    await this.audit.record(actor, { action: 'change_log.create', targetType: 'change_log_entry', targetId: row.id });
    return row;
  }

  async update(actor: AuditActor, id: string, dto: ChangeLogEntryDto): Promise<ChangeLogEntryEntity> {
    const row = await this.get(actor.tenantId, id);
    Object.assign(row, {
      department: dto.department?.trim() || null,
      effectiveDate: dto.effectiveDate,
      category: dto.category,
      title: dto.title.trim(),
      body: dto.body?.trim() ?? '',
    });
    const saved = await this.entries.save(row);
    await this.audit.record(actor, { action: 'change_log.update', targetType: 'change_log_entry', targetId: id });
    return saved;
  }

  async remove(actor: AuditActor, id: string): Promise<void> {
    const r = await this.entries.delete({ tenantId: actor.tenantId, id });
    if (!r.affected) throw new NotFoundException('Change-log entry');
    await this.audit.record(actor, { action: 'change_log.delete', targetType: 'change_log_entry', targetId: id });
  }

  async jobDepartment(tenantId: string, ats: string, jobId: string): Promise<string | null> {
    return (await this.departments.findOneBy({ tenantId, ats, jobId }))?.department ?? null;
  }

  listJobDepartments(tenantId: string): Promise<JobDepartmentEntity[]> {
    return this.departments.find({ where: { tenantId }, order: { ats: 'ASC', jobId: 'ASC' } });
  }

  async setJobDepartment(actor: AuditActor, ats: string, jobId: string, department: string): Promise<void> {
    await this.departments.upsert({ tenantId: actor.tenantId, ats, jobId, department: department.trim(), updatedBy: actor.name }, ['tenantId', 'ats', 'jobId']);
    await this.audit.record(actor, { action: 'job.department', targetType: 'job', targetId: `${ats}:${jobId}`, details: { department } });
  }
}
