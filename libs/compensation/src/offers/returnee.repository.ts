import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AlumniRepository, AlumnusEntity } from '@comeback/registry';
import { DataSource } from 'typeorm';

export interface ApplicationRef {
  ats: string;
  applicationId: string;
  jobId: string;
  /** The matched former employee, when the pipeline matched one. */
  employeeNumber: string | null;
}

/**
 * Reads the pipeline's tracked application (by SQL, so this module does not depend on the pipeline module, which
 * calls into it) and the matched former employee from the registry.
 */
@Injectable()
export class ReturneeRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly alumni: AlumniRepository,
  ) {}

  async application(tenantId: string, ats: string, applicationId: string): Promise<ApplicationRef | null> {
    const rows: ApplicationRef[] = await this.db.query(
      `SELECT ats, application_id AS "applicationId", job_id AS "jobId", employee_number AS "employeeNumber"
       FROM tracked_applications WHERE tenant_id = $1 AND ats = $2 AND application_id = $3`,
      [tenantId, ats, applicationId],
    );
    return rows[0] ?? null;
  }

  alumnus(tenantId: string, employeeNumber: string): Promise<AlumnusEntity | null> {
    return this.alumni.findByEmployeeNumber(tenantId, employeeNumber);
  }
}
