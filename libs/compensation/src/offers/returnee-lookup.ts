import { Injectable } from '@nestjs/common';
import { TrackedApplicationRef, TrackedApplicationsService } from '@comeback/pipeline';
import { AlumniService, AlumnusEntity } from '@comeback/registry';

export type ApplicationRef = TrackedApplicationRef;

/** The pipeline's tracked application (through its service) and the matched former employee from the registry. */
@Injectable()
export class ReturneeLookup {
  constructor(
    private readonly applications: TrackedApplicationsService,
    private readonly alumni: AlumniService,
  ) {}

  application(tenantId: string, ats: string, applicationId: string): Promise<ApplicationRef | null> {
    return this.applications.findRef(tenantId, ats, applicationId);
  }

  alumnus(tenantId: string, employeeNumber: string): Promise<AlumnusEntity | null> {
    return this.alumni.findByEmployeeNumber(tenantId, employeeNumber);
  }
}
