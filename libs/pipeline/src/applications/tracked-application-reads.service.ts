import { Injectable } from '@nestjs/common';
import type { TrackedApplicationEntity } from './tracked-application.entity';
import {
  TrackedApplicationReadsRepository,
  type ApplicationCandidateName,
  type ReturneeApplicationRow,
} from './tracked-application-reads.repository';

/**
 * The pipeline's tracked applications as other libs may read them (the console's briefings and offer list).
 * No access checks or audit here: callers decide what a viewer sees.
 */
@Injectable()
export class TrackedApplicationReadsService {
  constructor(private readonly repo: TrackedApplicationReadsRepository) {}

  /** The tracked application with its HR-only parts (rule results, note, work history). */
  record(tenantId: string, ats: string, applicationId: string): Promise<TrackedApplicationEntity | null> {
    return this.repo.findRecord(tenantId, ats, applicationId);
  }

  /** Matched returnees' applications, newest first; limited to `jobs` when given (a hiring manager's jobs). */
  returneeApplications(
    tenantId: string,
    jobs: { ats: string; jobId: string }[] | null,
    limit: number,
  ): Promise<ReturneeApplicationRow[]> {
    return this.repo.returneeApplications(tenantId, jobs, limit);
  }

  /** Candidate names of the given applications; applications we do not track are left out. */
  candidateNames(
    tenantId: string,
    refs: readonly { ats: string; applicationId: string }[],
  ): Promise<ApplicationCandidateName[]> {
    return this.repo.candidateNames(tenantId, refs);
  }
}
