import { Injectable } from '@nestjs/common';
import { AuditService, canSeeSensitive, NotFoundException, Principal } from '@comeback/platform';
import { AlumniRepository } from './alumni.repository';
import type { AlumnusEntity } from './alumnus.entity';
import { AlumniPageDto, AlumnusDetailDto, toAlumnusDetailDto, toAlumnusSummaryDto } from './alumni.dto';

@Injectable()
export class AlumniService {
  constructor(
    private readonly alumni: AlumniRepository,
    private readonly audit: AuditService,
  ) {}

  async search(
    principal: Principal,
    q: { q?: string; limit: number; cursor?: string },
  ): Promise<AlumniPageDto> {
    const page = await this.alumni.search(principal.tenantId, { q: q.q, limit: q.limit, after: q.cursor });
    return { items: page.items.map(toAlumnusSummaryDto), nextCursor: page.nextCursor };
  }

  async get(principal: Principal, employeeNumber: string): Promise<AlumnusDetailDto> {
    const a = await this.alumni.findByEmployeeNumber(principal.tenantId, employeeNumber);
    if (!a) throw new NotFoundException('Former employee');
    const sensitive = canSeeSensitive(principal);
    // Every read of sensitive fields is audited (who, which record, which fields — never the values).
    if (sensitive) {
      await this.audit.record(principal, {
        action: 'registry.read_sensitive',
        targetType: 'alumnus',
        targetId: a.employeeNumber,
        details: { fields: ['birthDate', 'departureReason', 'lastBaseSalary', 'performanceRatings'] },
      });
    }
    return toAlumnusDetailDto(a, sensitive);
  }

  /**
   * The whole record, sensitive fields included, for code of ours that decides what to show (the console's
   * review and erase pages, briefings). Not audited here: a caller that shows sensitive fields audits that read.
   */
  async findByEmployeeNumber(tenantId: string, employeeNumber: string): Promise<AlumnusEntity | null> {
    return this.alumni.findByEmployeeNumber(tenantId, employeeNumber);
  }

  async erase(principal: Principal, employeeNumber: string): Promise<void> {
    await this.alumni.transaction(async (manager) => {
      const erased = await this.alumni.erase(manager, principal.tenantId, employeeNumber);
      if (!erased) throw new NotFoundException('Former employee');
      await this.audit.record(
        principal,
        { action: 'registry.erase', targetType: 'alumnus', targetId: employeeNumber },
        manager,
      );
    });
  }
}
