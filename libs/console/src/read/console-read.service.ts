import { Injectable } from '@nestjs/common';
import { OfferCheckListingService, type LatestOfferCheck } from '@comeback/compensation';
import {
  TrackedApplicationsService,
  type ReturneeApplicationRow,
  type TrackedApplicationEntity,
} from '@comeback/pipeline';

export type { ReturneeApplicationRow };

export interface LatestOfferCheckRow extends LatestOfferCheck {
  candidateName: string | null;
}

/**
 * Read-only listings for the console. The pipeline and compensation own their tables; the console asks their
 * services (narrow read methods) and joins the answers here. Writes always go through their services too.
 */
@Injectable()
export class ConsoleReadService {
  constructor(
    private readonly applications: TrackedApplicationsService,
    private readonly offerChecks: OfferCheckListingService,
  ) {}

  /** The tracked application with its HR-only parts; callers decide what a viewer sees. */
  application(
    tenantId: string,
    ats: string,
    applicationId: string,
  ): Promise<TrackedApplicationEntity | null> {
    return this.applications.record(tenantId, ats, applicationId);
  }

  /** Matched returnees' applications, newest first; limited to `jobs` when given (a hiring manager's jobs). */
  returneeApplications(
    tenantId: string,
    jobs: { ats: string; jobId: string }[] | null,
    limit = 200,
  ): Promise<ReturneeApplicationRow[]> {
    return this.applications.returneeApplications(tenantId, jobs, limit);
  }

  /** The latest fairness check per application with the candidate's name (HR's offers page). */
  async latestOfferChecks(tenantId: string, limit = 200): Promise<LatestOfferCheckRow[]> {
    const checks = await this.offerChecks.latestPerApplication(tenantId, limit);
    const names = await this.applications.candidateNames(tenantId, checks);
    const key = (r: { ats: string; applicationId: string }): string => `${r.ats}\u0000${r.applicationId}`;
    const nameOf = new Map(names.map((n) => [key(n), n.candidateName]));
    return checks.map((c) => ({ ...c, candidateName: nameOf.get(key(c)) ?? null }));
  }
}
