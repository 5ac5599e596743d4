import { Injectable } from '@nestjs/common';
import { AuditActor, AuditService, NotFoundException } from '@comeback/platform';
import type { ChangeLogEntryDto } from '../console.dto';
import type { ChangeLogEntryEntity, JobDepartmentEntity } from './change-log-entry.entity';
import { ChangeLogRepository } from './change-log.repository';

/** HR's log of what changed (per department and date) and each job's department. Every write is audited. */
@Injectable()
export class ChangeLogService {
  constructor(
    private readonly repo: ChangeLogRepository,
    private readonly audit: AuditService,
  ) {}

  list(tenantId: string): Promise<ChangeLogEntryEntity[]> {
    return this.repo.list(tenantId);
  }

  /** Entries dated after `after` (the leave date); the domain filters by department. */
  since(tenantId: string, after: string): Promise<ChangeLogEntryEntity[]> {
    return this.repo.since(tenantId, after);
  }

  async get(tenantId: string, id: string): Promise<ChangeLogEntryEntity> {
    const row = await this.repo.find(tenantId, id);
    if (!row) throw new NotFoundException('Change-log entry');
    return row;
  }

  async create(actor: AuditActor, dto: ChangeLogEntryDto): Promise<ChangeLogEntryEntity> {
    const row = await this.repo.insert({
      tenantId: actor.tenantId,
      department: dto.department?.trim() || null,
      effectiveDate: dto.effectiveDate,
      category: dto.category,
      title: dto.title.trim(),
      body: dto.body?.trim() ?? '',
      createdBy: actor.name,
    });
    await this.audit.record(actor, {
      action: 'change_log.create',
      targetType: 'change_log_entry',
      targetId: row.id,
    });
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
    const saved = await this.repo.save(row);
    await this.audit.record(actor, {
      action: 'change_log.update',
      targetType: 'change_log_entry',
      targetId: id,
    });
    return saved;
  }

  async remove(actor: AuditActor, id: string): Promise<void> {
    if (!(await this.repo.delete(actor.tenantId, id))) throw new NotFoundException('Change-log entry');
    await this.audit.record(actor, {
      action: 'change_log.delete',
      targetType: 'change_log_entry',
      targetId: id,
    });
  }

  async jobDepartment(tenantId: string, ats: string, jobId: string): Promise<string | null> {
    return (await this.repo.findJobDepartment(tenantId, ats, jobId))?.department ?? null;
  }

  listJobDepartments(tenantId: string): Promise<JobDepartmentEntity[]> {
    return this.repo.listJobDepartments(tenantId);
  }

  async setJobDepartment(actor: AuditActor, ats: string, jobId: string, department: string): Promise<void> {
    await this.repo.upsertJobDepartment({
      tenantId: actor.tenantId,
      ats,
      jobId,
      department: department.trim(),
      updatedBy: actor.name,
    });
    await this.audit.record(actor, {
      action: 'job.department',
      targetType: 'job',
      targetId: `${ats}:${jobId}`,
      details: { department },
    });
  }
}
