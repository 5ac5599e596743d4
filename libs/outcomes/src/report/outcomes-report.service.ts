import { Injectable, Optional } from '@nestjs/common';
import { composeDisclosureReport, DisclosureReport } from '@comeback/domain/outcomes';
import { AuditService, ForbiddenException, Principal, ValidationFailedException } from '@comeback/platform';
import { HireOutcomesRepository } from '../hires/hire-outcomes.repository';
import { InvitationFunnelReader } from './invitation-funnel.port';
import { OutcomesReportRepository } from './outcomes-report.repository';

export interface OutcomesReport extends DisclosureReport {
  /** False while no invitation feature is bound: the funnel is "not connected", never zeros. */
  invitationsConnected: boolean;
  /** Where the 12-month retention's leave dates come from. */
  retentionSource: 'hr_system' | 'registry_imports';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function shiftYears(d: Date, years: number): Date {
  const x = new Date(d);
  x.setUTCFullYear(x.getUTCFullYear() + years);
  return x;
}

/** The disclosure report of a period, for HR only (figures under the cohort-of-5 rule, computed in the domain). */
@Injectable()
export class OutcomesReportService {
  constructor(
    private readonly repo: OutcomesReportRepository,
    private readonly hires: HireOutcomesRepository,
    private readonly audit: AuditService,
    @Optional() private readonly funnelReader?: InvitationFunnelReader,
  ) {}

  /** `from` inclusive, `to` exclusive (YYYY-MM-DD); by default the current calendar year. */
  static period(from?: string, to?: string, now = new Date()): { from: string; to: string } {
    const y = now.getUTCFullYear();
    const f = from || `${y}-01-01`;
    const t = to || `${y + 1}-01-01`;
    if (!DATE.test(f) || !DATE.test(t) || Number.isNaN(Date.parse(f)) || Number.isNaN(Date.parse(t)))
      throw new ValidationFailedException('from and to are dates (YYYY-MM-DD)');
    if (t <= f) throw new ValidationFailedException('to must be after from');
    if (Date.parse(t) - Date.parse(f) > 10 * 366 * 86_400_000)
      throw new ValidationFailedException('a report covers at most ten years');
    return { from: f, to: t };
  }

  async report(p: Principal, from: string, to: string): Promise<OutcomesReport> {
    if (p.role !== 'hr_admin') throw new ForbiddenException();
    const fromD = new Date(`${from}T00:00:00Z`);
    const toD = new Date(`${to}T00:00:00Z`);
    const [registry, apps, hires, leaves, hris, funnel] = await Promise.all([
      this.repo.registry(p.tenantId),
      this.repo.returneeApplications(p.tenantId, fromD, toD),
      this.hires.inPeriod(p.tenantId, fromD, toD),
      this.hires.returneeLeaves(p.tenantId, shiftYears(fromD, -1), shiftYears(toD, -1)),
      this.repo.hrSystemConnected(p.tenantId),
      this.funnelReader ? this.funnelReader.funnel(p.tenantId, fromD, toD) : Promise.resolve(null),
    ]);
    const report = composeDisclosureReport({
      from,
      to,
      registry,
      funnel,
      returneeApplications: apps.applications,
      fastTracked: apps.fastTracked,
      hires: hires.map((h) => ({
        hiredAt: h.hiredAt.toISOString(),
        returnee: h.returnee,
        fastTracked: h.fastTracked,
        daysToOffer: h.daysToOffer,
        daysSaved: h.daysSaved,
        compaRatio: h.compaRatio,
        incumbentCompaRatio: h.incumbentCompaRatio,
      })),
      retention: leaves.map((l) => ({ hiredAt: l.hiredAt.toISOString(), leftAt: l.leftOn })),
    });
    await this.audit.record(p, { action: 'outcomes_report.read', details: { from, to } });
    return {
      ...report,
      invitationsConnected: !!this.funnelReader,
      retentionSource: hris ? 'hr_system' : 'registry_imports',
    };
  }
}
