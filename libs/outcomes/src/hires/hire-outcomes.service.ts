import { Injectable, Logger } from '@nestjs/common';
import type { AtsApplicationClosed, AtsConnection, AtsHire } from '@comeback/ats';
import { OfferCheckListingService } from '@comeback/compensation';
import { daysBetween, daysSavedBySkipping } from '@comeback/domain/outcomes';
import { ApplicationOutcome, TrackedApplicationsService } from '@comeback/pipeline';
import { ReonboardingTasksService } from '../tasks/reonboarding-tasks.service';
import { HireOutcomesRepository } from './hire-outcomes.repository';

/** Outcomes under which a matched employee number does not make the applicant a returnee. */
const NOT_A_RETURNEE: readonly ApplicationOutcome[] = ['not_alumni', 'review_rejected', 'match_undone'];

function isoOrNull(value: string | null): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The ATS's verdicts on applications: hires (returnee or not) become outcome rows with time to offer, stages
 * skipped and the days that saved, and the accepted offer's pay against band, market and incumbents; a returnee's
 * hire also creates the hiring manager's re-onboarding tasks. Rejections and undone hires are recorded on the
 * pipeline's tracked application.
 */
@Injectable()
export class HireOutcomesService {
  private readonly logger = new Logger(HireOutcomesService.name);

  constructor(
    private readonly repo: HireOutcomesRepository,
    private readonly tracked: TrackedApplicationsService,
    private readonly offers: OfferCheckListingService,
    private readonly tasks: ReonboardingTasksService,
  ) {}

  async onHired(conn: AtsConnection, hire: AtsHire, now = new Date()): Promise<string> {
    const { tenantId, kind: ats } = conn;
    const hiredAt = isoOrNull(hire.at) ?? now;
    const ref = await this.tracked.recordVerdict(tenantId, ats, hire.applicationId, 'hired', hiredAt);
    const returnee = !!ref?.employeeNumber && !NOT_A_RETURNEE.includes(ref.outcome);
    const fastTracked = ref?.outcome === 'fast_tracked';
    const skipped = fastTracked ? (ref.fastTrack?.skipped ?? []) : [];
    const pay = await this.offers.payAtHire(tenantId, ats, hire.applicationId);
    const appliedAt = isoOrNull(hire.appliedAt) ?? ref?.createdAt ?? null;
    const offerAt = isoOrNull(hire.offerAt) ?? pay?.checkedAt ?? null;
    const outcome = await this.repo.upsert({
      tenantId,
      ats,
      applicationId: hire.applicationId,
      jobId: hire.jobId || ref?.jobId || '',
      employeeNumber: returnee ? ref.employeeNumber : null,
      returnee,
      fastTracked,
      hiredAt,
      appliedAt,
      offerAt,
      startsOn: hire.startsOn && /^\d{4}-\d{2}-\d{2}/.test(hire.startsOn) ? hire.startsOn.slice(0, 10) : null,
      daysToOffer: daysBetween(appliedAt, offerAt),
      stagesSkipped: skipped.length,
      daysSaved: daysSavedBySkipping(skipped),
      offerAmount: pay?.amount ?? null,
      compaRatio: pay?.compaRatio ?? null,
      marketRatio: pay?.marketRatio ?? null,
      incumbentCompaRatio: pay?.incumbentCompaRatio ?? null,
    });
    if (!returnee) return ref ? 'hire_recorded' : 'hire_recorded_untracked';
    const created = await this.tasks.createForHire(outcome);
    this.logger.log({ tenantId, tasks: created }, 'returnee hire recorded');
    return 'returnee_hire_recorded';
  }

  async onRejected(conn: AtsConnection, event: AtsApplicationClosed, now = new Date()): Promise<string> {
    const at = isoOrNull(event.at) ?? now;
    const ref = await this.tracked.recordVerdict(
      conn.tenantId,
      conn.kind,
      event.applicationId,
      'rejected',
      at,
    );
    return ref ? 'rejection_recorded' : 'untracked';
  }

  async onUnhired(conn: AtsConnection, event: AtsApplicationClosed, now = new Date()): Promise<string> {
    await this.tracked.recordVerdict(conn.tenantId, conn.kind, event.applicationId, 'unhired', now);
    const id = await this.repo.markUnhired(conn.tenantId, conn.kind, event.applicationId, now);
    if (id) await this.tasks.dropOpen(id);
    return id ? 'unhire_recorded' : 'untracked';
  }
}
