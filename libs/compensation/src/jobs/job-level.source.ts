import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobScopeService } from '@comeback/pipeline';
import { JobSettingsService } from './job-settings.service';

/**
 * HR's job level for a job is the level of its pay cohort (the job's pay target): the pipeline's eligibility
 * overrides by job level match on it. Registered with the pipeline, which never imports compensation.
 */
@Injectable()
export class JobLevelSourceRegistration implements OnModuleInit {
  constructor(
    private readonly scopes: JobScopeService,
    private readonly jobs: JobSettingsService,
  ) {}

  onModuleInit(): void {
    this.scopes.registerLevelSource(
      async (tenantId, ats, jobId) => (await this.jobs.payTarget(tenantId, ats, jobId))?.jobLevel ?? null,
    );
  }
}
