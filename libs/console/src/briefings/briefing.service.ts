import { Injectable } from '@nestjs/common';
import { AtsConnectorRegistry, isAtsKind } from '@comeback/ats';
import { JobSettingsService, OfferChecksService } from '@comeback/compensation';
import {
  composeBriefing,
  todayIn,
  type Briefing,
  type BriefingOfferInput,
  type BriefingViewerRole,
} from '@comeback/domain';
import { AppException, AuditService, ErrorCode, NotFoundException, Principal } from '@comeback/platform';
import { AlumniService } from '@comeback/registry';
import { ChangeLogService } from '../change-log/change-log.service';
import { ConsoleReadService, type ReturneeApplicationRow } from '../read/console-read.service';

function viewerRole(p: Principal): BriefingViewerRole {
  if (p.role === 'integration') throw new AppException(ErrorCode.Forbidden, 'Briefings are for people');
  return p.role;
}

/** Gathers a returnee's briefing from the pipeline, registry, change log and offers, and composes it for the viewer. */
@Injectable()
export class BriefingService {
  constructor(
    private readonly read: ConsoleReadService,
    private readonly alumni: AlumniService,
    private readonly changeLog: ChangeLogService,
    private readonly jobs: JobSettingsService,
    private readonly offers: OfferChecksService,
    private readonly audit: AuditService,
    private readonly connectors: AtsConnectorRegistry,
  ) {}

  /** Hiring managers see only briefings of jobs they are assigned to; any other looks missing (404). */
  async get(principal: Principal, ats: string, applicationId: string, asOf = todayIn()): Promise<Briefing> {
    const role = viewerRole(principal);
    const app = await this.read.application(principal.tenantId, ats, applicationId);
    if (!app) throw new NotFoundException('Briefing');
    if (
      role === 'hiring_manager' &&
      !(await this.jobs.isAssigned(principal.tenantId, ats, app.jobId, principal.subject))
    ) {
      throw new NotFoundException('Briefing');
    }
    if (!app.employeeNumber)
      throw new NotFoundException('Briefing', {
        reason: 'The application is not matched to a former employee',
      });
    const returnee = await this.alumni.findByEmployeeNumber(principal.tenantId, app.employeeNumber);
    const [changes, jobDepartment, checks] = await Promise.all([
      returnee ? this.changeLog.since(principal.tenantId, returnee.leaveDate) : Promise.resolve([]),
      this.changeLog.jobDepartment(principal.tenantId, ats, app.jobId),
      // Offer checks are pay data: never read for a recruiter (the briefing shows them no offer section).
      role === 'recruiter' ? Promise.resolve([]) : this.offers.history(principal, ats, applicationId),
    ]);
    const latest = checks[0];
    const offer: BriefingOfferInput | null = latest
      ? {
          kind: latest.kind,
          amount: latest.amount,
          result: latest.result,
          createdAt: latest.createdAt,
          approvalRequired: latest.approvalRequired,
          approved: latest.approval?.approved ?? false,
          declined: latest.approval?.declined ?? false,
          fairness: latest.fairness,
        }
      : null;
    const briefing = composeBriefing(
      {
        asOf,
        application: { ...app, workHistory: Array.isArray(app.workHistory) ? app.workHistory : [] },
        atsApplicationUrl: isAtsKind(ats)
          ? this.connectors.get(ats).applicationUrl(app.candidateId, applicationId)
          : null,
        returnee: returnee ? { ...returnee, lastBaseSalary: returnee.lastBaseSalary } : null,
        targetDepartment: jobDepartment,
        changes: changes.map((c) => ({
          id: c.id,
          department: c.department,
          effectiveDate: c.effectiveDate,
          category: c.category,
          title: c.title,
          body: c.body,
        })),
        offer,
      },
      { role },
    );
    // Every view is audited; for HR the entry also names the sensitive fields that were shown (never their values).
    await this.audit.record(principal, {
      action: 'briefing.view',
      targetType: 'application',
      targetId: `${ats}:${applicationId}`,
      details: {
        employeeNumber: app.employeeNumber,
        ...(role === 'hr_admin'
          ? { sensitiveFields: ['departureReason', 'performanceRatings', 'lastBaseSalary', 'ruleResults'] }
          : {}),
      },
    });
    return briefing;
  }

  /** The returnees a viewer may open a briefing for: a hiring manager's assigned jobs, everyone's for HR and recruiters. */
  async list(principal: Principal): Promise<ReturneeApplicationRow[]> {
    const role = viewerRole(principal);
    const jobs =
      role === 'hiring_manager' ? await this.jobs.jobsOf(principal.tenantId, principal.subject) : null;
    return this.read.returneeApplications(principal.tenantId, jobs);
  }
}
