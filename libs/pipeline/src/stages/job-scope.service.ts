import { Injectable } from '@nestjs/common';
import { AtsConnection, AtsConnectorRegistry } from '@comeback/ats';
import type { EligibilityPolicy, JobScope } from '@comeback/domain';
import { JobScopeRepository } from './job-scope.repository';

/** Departments rarely change; the same TTL as the stage cache. */
const JOB_SCOPE_CACHE_TTL_MS = 15 * 60_000;

/**
 * HR's level for a job (e.g. the pay cohort's job level), where a feature keeps one. The pipeline owns the port
 * and never imports the feature: the feature registers its source at start-up (like the ATS event handlers).
 */
export type JobLevelSource = (tenantId: string, ats: string, jobId: string) => Promise<string | null>;

/**
 * What scope overrides match on for the job applied for: its id, its department (from the ATS, cached per job)
 * and its level (from HR's mapping). Reads only what the policy's overrides use, so a policy without department
 * or level overrides costs no ATS call.
 */
@Injectable()
export class JobScopeService {
  private levelSource: JobLevelSource | null = null;

  constructor(
    private readonly repo: JobScopeRepository,
    private readonly connectors: AtsConnectorRegistry,
  ) {}

  registerLevelSource(source: JobLevelSource): void {
    if (this.levelSource) throw new Error('A job level source is registered already');
    this.levelSource = source;
  }

  async scope(conn: AtsConnection, jobId: string, policy: EligibilityPolicy): Promise<JobScope> {
    const needsDepartment = policy.overrides.some((o) => o.scope.departments !== undefined);
    const needsLevel = policy.overrides.some(
      (o) => o.scope.jobLevels !== undefined || o.scope.jobLevelPrefixes !== undefined,
    );
    const [department, jobLevel] = await Promise.all([
      needsDepartment ? this.department(conn, jobId) : Promise.resolve(null),
      needsLevel && this.levelSource
        ? this.levelSource(conn.tenantId, conn.kind, jobId)
        : Promise.resolve(null),
    ]);
    return {
      jobId,
      ...(department ? { department } : {}),
      ...(jobLevel ? { jobLevel } : {}),
    };
  }

  /** The job's department, from the shared cache when fresh (one ATS read per job per TTL). */
  async department(conn: AtsConnection, jobId: string): Promise<string | null> {
    const key = { tenantId: conn.tenantId, ats: conn.kind, jobId };
    const hit = await this.repo.findCached(key);
    if (hit && Date.now() - hit.fetchedAt.getTime() < JOB_SCOPE_CACHE_TTL_MS) return hit.department;
    const job = await this.connectors.get(conn.kind).getJob(conn, jobId);
    await this.repo.saveCached(key, job.department, new Date());
    return job.department;
  }
}
