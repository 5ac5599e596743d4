import { Injectable, Logger } from '@nestjs/common';
import type { AtsConnection, AtsOffer } from '@comeback/ats';
import { AtsConnectorRegistry } from '@comeback/ats';
import {
  CompensationInputError,
  elapsedYears,
  proposeOffer,
  type FairnessCheckResult,
  type FairnessPolicy,
  type OfferProposal,
  type PayBand,
  type ReturneeForCheck,
} from '@comeback/domain/compensation';
import { todayIn } from '@comeback/domain';
import {
  AppException,
  AuditService,
  ErrorCode,
  ForbiddenException,
  NotFoundException,
  Principal,
  RateLimiter,
  ValidationFailedException,
} from '@comeback/platform';
import { WritebackLedger } from '@comeback/pipeline';
import type { AlumnusEntity } from '@comeback/registry';
import type {
  OfferApprovalEntity,
  OfferCheckEntity,
  OfferCheckKind,
  OfferCheckTarget,
  OfferDecision,
} from '../entities/offer-check.entity';
import { JobSettingsService } from '../jobs/job-settings.service';
import { MarketDataRepository } from '../market/market-data.repository';
import { FairnessPolicyService } from '../policies/fairness-policy.service';
import { FairnessEvaluator } from './fairness-evaluator';
import { composeOfferNote } from './offer-note';
import { OfferChecksRepository } from './offer-checks.repository';
import { offerCheckView, type OfferCheckView } from './offer-check.view';
import { ApplicationRef, ReturneeLookup } from './returnee-lookup';

export interface OfferInputs {
  target?: OfferCheckTarget;
  yearsOfExperienceAway?: number;
  gender?: 'female' | 'male';
  asOf?: string;
}

export interface OfferChangedEvent {
  applicationId: string;
  candidateId: string;
  offer: AtsOffer | null;
}

/** What `onOfferChanged` did, for the inbox row's outcome. */
export interface OfferChangedOutcome {
  outcome:
    | 'checked'
    | 'already_checked'
    | 'no_offer'
    | 'no_salary'
    | 'not_tracked'
    | 'not_returnee'
    | 'no_pay_target';
  checkId?: string;
  result?: FairnessCheckResult['result'];
  notePosted?: boolean;
}

interface CheckContext {
  app: ApplicationRef;
  employeeNumber: string;
  alumnus: AlumnusEntity;
  target: OfferCheckTarget;
  asOf: string;
  policyVersion: number;
  policy: FairnessPolicy;
  band: PayBand | null;
  snapshot: { id: string; effectiveDate: string } | null;
  returnee: ReturneeForCheck;
  yearsOfExperienceAway: number | null;
}

const INTEGRATION_NAME = (ats: string) => `ats:${ats}`;

/**
 * What-if checks by anyone but HR: at most this many per user per hour. Each check compares a chosen amount with
 * hidden figures; even with the outcome reduced to what the role may learn, a budget bounds what repeated probing
 * can gather, and the refusals are audited. HR may see the figures themselves and is not limited.
 */
export const WHAT_IF_LIMIT = { perUser: 30, windowMs: 60 * 60 * 1000 } as const;
/** `asOf` of a what-if check: within this many days of today (wage growth since leaving is computed to it). */
export const AS_OF_MAX_DAYS = 366;

/** Offer proposals, fairness checks (API and ATS offers), HR approvals and the per-application history. */
@Injectable()
export class OfferChecksService {
  private readonly logger = new Logger(OfferChecksService.name);

  constructor(
    private readonly checks: OfferChecksRepository,
    private readonly returnees: ReturneeLookup,
    private readonly ledger: WritebackLedger,
    private readonly market: MarketDataRepository,
    private readonly policies: FairnessPolicyService,
    private readonly jobs: JobSettingsService,
    private readonly evaluator: FairnessEvaluator,
    private readonly audit: AuditService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly limiter: RateLimiter,
  ) {}

  /** A market-based proposal for the returnee, checked and recorded. HR only (it shows the prior salary). */
  async propose(
    principal: Principal,
    ats: string,
    applicationId: string,
    inputs: OfferInputs,
  ): Promise<OfferCheckView> {
    const ctx = await this.context(principal.tenantId, ats, applicationId, inputs);
    const market = await this.market.benchmarkFor(principal.tenantId, ctx.target, ctx.asOf);
    if (!market)
      throw new NotFoundException(
        `Market benchmark for ${ctx.target.jobFamily} ${ctx.target.jobLevel} in ${ctx.target.location}`,
      );
    const proposal = this.domain(() =>
      proposeOffer({
        returnee: {
          priorBaseSalary: ctx.alumnus.lastBaseSalary,
          priorLevel: ctx.alumnus.jobLevel,
          leaveDate: ctx.alumnus.leaveDate,
          lastRating: ctx.returnee.lastRating,
          yearsOfExperienceAway: ctx.yearsOfExperienceAway,
        },
        target: ctx.target,
        market,
        band: ctx.band,
        policy: ctx.policy,
        asOf: ctx.asOf,
      }),
    );
    const row = await this.record(principal, ctx, 'proposal', proposal.amount, proposal);
    return offerCheckView(row, null, principal.role);
  }

  /** "What if we offer X?": checked and recorded; the viewer sees what their role may see. */
  async check(
    principal: Principal,
    ats: string,
    applicationId: string,
    amount: number,
    inputs: OfferInputs,
  ): Promise<OfferCheckView> {
    requireRecentAsOf(inputs.asOf);
    requirePayViewer(principal);
    const app = await this.visibleApplication(principal, ats, applicationId);
    if (principal.role !== 'hr_admin') await this.spendWhatIfBudget(principal, ats, applicationId);
    const ctx = await this.context(principal.tenantId, ats, applicationId, inputs, app);
    const row = await this.record(principal, ctx, 'what_if', amount, null);
    return offerCheckView(row, null, principal.role);
  }

  private async spendWhatIfBudget(principal: Principal, ats: string, applicationId: string): Promise<void> {
    const key = `offer-what-if:${principal.tenantId}:${principal.subject}`;
    const waitMs = await this.limiter.tryAcquire(key, WHAT_IF_LIMIT.perUser, WHAT_IF_LIMIT.windowMs);
    if (waitMs <= 0) return;
    await this.audit.record(principal, {
      action: 'offer.check_rate_limited',
      targetType: 'application',
      targetId: `${ats}:${applicationId}`,
    });
    throw new AppException(
      ErrorCode.RateLimited,
      `Too many offer checks: at most ${WHAT_IF_LIMIT.perUser} per hour`,
      { retryAfterSeconds: Math.ceil(waitMs / 1000) },
    );
  }

  /**
   * The application's checks as the viewer may see them. Outside HR, proposals are left out: their amount is
   * computed from the returnee's prior level and last rating and shown beside the prior salary (HR-only inputs).
   */
  async history(principal: Principal, ats: string, applicationId: string): Promise<OfferCheckView[]> {
    requirePayViewer(principal);
    await this.visibleApplication(principal, ats, applicationId);
    const all = await this.checks.listForApplication(principal.tenantId, ats, applicationId);
    const rows = principal.role === 'hr_admin' ? all : all.filter((r) => r.check.kind !== 'proposal');
    if (principal.role === 'hr_admin' && rows.length > 0) {
      await this.audit.record(principal, {
        action: 'offer.read_checks',
        targetType: 'application',
        targetId: `${ats}:${applicationId}`,
      });
    }
    return rows.map((r) => offerCheckView(r.check, r.approval, principal.role));
  }

  /** HR accepts a warn/fail result: who, why, when; audited in the same transaction. */
  approve(principal: Principal, checkId: string, reason: string): Promise<OfferApprovalEntity> {
    return this.decide(principal, checkId, 'approved', reason);
  }

  /** HR declines the offer at a warn/fail result's amount: who, why, when; audited in the same transaction. */
  decline(principal: Principal, checkId: string, reason: string): Promise<OfferApprovalEntity> {
    return this.decide(principal, checkId, 'declined', reason);
  }

  /**
   * HR's decision on a warn/fail result: approve it, or decline the offer (it is not to be made at this amount).
   * One decision per check; who, why and when are kept and audited in the same transaction.
   */
  async decide(
    principal: Principal,
    checkId: string,
    decision: OfferDecision,
    reason: string,
  ): Promise<OfferApprovalEntity> {
    if (principal.role !== 'hr_admin') throw new ForbiddenException('Only HR decides on an offer check');
    const check = await this.checks.findById(principal.tenantId, checkId);
    if (!check) throw new NotFoundException('Offer check');
    if (check.result === 'pass')
      throw new AppException(ErrorCode.Conflict, 'A passing check needs no approval');
    return this.checks.transaction(async (m) => {
      const approval = await this.checks.insertApproval(m, {
        tenantId: principal.tenantId,
        offerCheckId: check.id,
        approvedBy: principal.name,
        approvedBySubject: principal.subject,
        reason,
        decision,
      });
      if (!approval) throw new AppException(ErrorCode.Conflict, 'HR has already decided on this check');
      await this.audit.record(
        principal,
        {
          action: decision === 'approved' ? 'offer.approve' : 'offer.decline',
          targetType: 'offer_check',
          targetId: check.id,
          details: {
            application: `${check.ats}:${check.applicationId}`,
            result: check.result,
            reasonCodes: check.reasons.map((r) => r.code),
          },
        },
        m,
      );
      return approval;
    });
  }

  /**
   * The ATS reported a new or changed offer (Greenhouse offer_created / offer_updated). Reads the salary (from the
   * event, or from the ATS when the event carries no offer), checks it against the tracked application's returnee
   * with the job's pay target, records the result once per (offer id, version) and posts one HR-only note.
   * Safe to call again for the same event: nothing is checked or posted twice.
   */
  async onOfferChanged(conn: AtsConnection, event: OfferChangedEvent): Promise<OfferChangedOutcome> {
    const tenantId = conn.tenantId;
    const ats = conn.kind;
    const connector = this.connectors.get(conn.kind);
    const offer = event.offer ?? (await connector.getOffer(conn, event.applicationId));
    if (!offer) return { outcome: 'no_offer' };
    if (offer.salary === null || !Number.isSafeInteger(offer.salary) || offer.salary <= 0)
      return { outcome: 'no_salary' };

    let row = await this.checks.findByOffer(tenantId, ats, offer.offerId, offer.version);
    let outcome: OfferChangedOutcome['outcome'] = 'already_checked';
    if (!row) {
      const app = await this.returnees.application(tenantId, ats, event.applicationId);
      if (!app) return { outcome: 'not_tracked' };
      if (!app.employeeNumber) return { outcome: 'not_returnee' };
      const target = await this.jobs.payTarget(tenantId, ats, app.jobId);
      if (!target) return { outcome: 'no_pay_target' };
      const previous = await this.checks.listForApplication(tenantId, ats, event.applicationId, 20);
      // Experience gained while away is not in the ATS: reuse what HR entered on the latest proposal, if any.
      const away = previous.find((p) => p.check.inputs.yearsOfExperienceAway !== null)?.check.inputs
        .yearsOfExperienceAway;
      const ctx = await this.context(
        tenantId,
        ats,
        event.applicationId,
        { target, yearsOfExperienceAway: away ?? undefined },
        app,
      );
      const result = await this.evaluate(ctx, offer.salary);
      const stored = await this.checks.insertAtsOffer(
        this.newCheck(ctx, 'ats_offer', offer.salary, result, null, INTEGRATION_NAME(ats), offer),
      );
      row = stored.row;
      if (stored.created) {
        outcome = 'checked';
        await this.audit.record(
          { tenantId, role: 'integration', name: INTEGRATION_NAME(ats) },
          {
            action: 'offer.check_ats',
            targetType: 'offer_check',
            targetId: row.id,
            details: {
              application: `${ats}:${event.applicationId}`,
              offerId: offer.offerId,
              version: offer.version,
              result: row.result,
            },
          },
        );
      }
    }

    // One HR note per offer check: a step of the write-back ledger, like the pipeline's tag, note and move.
    const checked = row;
    const salary = offer.salary;
    const claim = await this.ledger.once(
      { tenantId, ats, applicationId: event.applicationId, step: 'offer_note', subject: checked.id },
      { idempotent: false },
      async () => {
        const app = await connector.getApplication(conn, event.applicationId, event.candidateId || undefined);
        await connector.addNote(conn, app, {
          body: composeOfferNote(checked.detail, {
            offerId: offer.offerId,
            version: offer.version,
            amount: salary,
          }),
          audience: 'hr',
        });
        return { offerId: offer.offerId, version: offer.version };
      },
    );
    if (claim === 'uncertain')
      this.logger.warn({ checkId: checked.id }, 'offer note left alone after an interrupted attempt');
    const notePosted = claim === 'run';
    return { outcome, checkId: row.id, result: row.result, notePosted };
  }

  private async record(
    actor: Principal,
    ctx: CheckContext,
    kind: OfferCheckKind,
    amount: number,
    proposal: OfferProposal | null,
  ): Promise<OfferCheckEntity> {
    const result = await this.evaluate(ctx, amount);
    return this.checks.transaction(async (m) => {
      const row = await this.checks.insert(
        this.newCheck(ctx, kind, amount, result, proposal, actor.name, null),
        m,
      );
      // The check read the returnee's pay and rating: audited whoever asked, whatever they were shown.
      await this.audit.record(
        actor,
        {
          action: kind === 'proposal' ? 'offer.propose' : 'offer.check',
          targetType: 'offer_check',
          targetId: row.id,
          details: { application: `${ctx.app.ats}:${ctx.app.applicationId}`, result: row.result },
        },
        m,
      );
      return row;
    });
  }

  private newCheck(
    ctx: CheckContext,
    kind: OfferCheckKind,
    amount: number,
    result: FairnessCheckResult,
    proposal: OfferProposal | null,
    createdBy: string,
    offer: AtsOffer | null,
  ): Omit<OfferCheckEntity, 'id' | 'createdAt'> {
    return {
      tenantId: ctx.alumnus.tenantId,
      ats: ctx.app.ats,
      applicationId: ctx.app.applicationId,
      jobId: ctx.app.jobId,
      kind,
      offerId: offer?.offerId ?? null,
      offerVersion: offer?.version ?? null,
      amount,
      result: result.result,
      reasons: result.reasons.map((r) => ({
        code: r.code,
        basis: r.basis,
        severity: r.severity,
        message: r.message,
      })),
      detail: result,
      target: ctx.target,
      inputs: {
        employeeNumber: ctx.employeeNumber,
        returnee: ctx.returnee,
        band: ctx.band,
        asOf: ctx.asOf,
        yearsOfExperienceAway: ctx.yearsOfExperienceAway,
      },
      proposal,
      snapshotId: ctx.snapshot?.id ?? null,
      policyVersion: ctx.policyVersion,
      createdBy,
    };
  }

  private evaluate(ctx: CheckContext, amount: number): Promise<FairnessCheckResult> {
    return this.domainAsync(() =>
      this.evaluator.evaluate({
        tenantId: ctx.alumnus.tenantId,
        amount,
        target: ctx.target,
        returnee: ctx.returnee,
        band: ctx.band,
        snapshot: ctx.snapshot,
        policy: ctx.policy,
        asOf: ctx.asOf,
      }),
    );
  }

  /** Hiring managers only see applications of jobs they are assigned to (others look like missing ones). */
  private async visibleApplication(
    principal: Principal,
    ats: string,
    applicationId: string,
  ): Promise<ApplicationRef> {
    const app = await this.returnees.application(principal.tenantId, ats, applicationId);
    if (!app) throw new NotFoundException('Application');
    if (
      principal.role === 'hiring_manager' &&
      !(await this.jobs.isAssigned(principal.tenantId, ats, app.jobId, principal.subject))
    ) {
      throw new NotFoundException('Application');
    }
    return app;
  }

  private async context(
    tenantId: string,
    ats: string,
    applicationId: string,
    inputs: OfferInputs,
    known?: ApplicationRef,
  ): Promise<CheckContext> {
    const app = known ?? (await this.returnees.application(tenantId, ats, applicationId));
    if (!app) throw new NotFoundException('Application');
    if (!app.employeeNumber)
      throw new AppException(ErrorCode.Conflict, 'This application is not matched to a former employee');
    const alumnus = await this.returnees.alumnus(tenantId, app.employeeNumber);
    if (!alumnus) throw new NotFoundException('Former employee of this application');
    const target = inputs.target ?? (await this.jobs.payTarget(tenantId, ats, app.jobId));
    if (!target) {
      throw new ValidationFailedException(
        "Give the target (jobFamily, jobLevel, location) or set the job's pay target first",
      );
    }
    const asOf = inputs.asOf ?? todayIn();
    const [active, band, snapshot] = await Promise.all([
      this.policies.active(tenantId),
      this.market.bandFor(tenantId, target, asOf),
      this.market.snapshotFor(tenantId, asOf),
    ]);
    const last = [...alumnus.performanceRatings].sort((a, b) => b.year - a.year)[0];
    const away = inputs.yearsOfExperienceAway ?? null;
    const tenure = this.domain(() => elapsedYears(alumnus.hireDate, alumnus.leaveDate));
    return {
      app,
      employeeNumber: app.employeeNumber,
      alumnus,
      target: { jobFamily: target.jobFamily, jobLevel: target.jobLevel, location: target.location },
      asOf,
      policyVersion: active.version,
      policy: active.policy,
      band,
      snapshot: snapshot ? { id: snapshot.id, effectiveDate: snapshot.effectiveDate } : null,
      yearsOfExperienceAway: away,
      returnee: {
        priorBaseSalary: alumnus.lastBaseSalary,
        leaveDate: alumnus.leaveDate,
        // Internal tenure plus relevant experience while away: comparable with incumbents' years since hire.
        relevantExperienceYears: tenure + (away ?? 0),
        lastRating: last?.rating ?? null,
        gender: inputs.gender ?? null,
      },
    };
  }

  private domain<T>(work: () => T): T {
    try {
      return work();
    } catch (err) {
      if (err instanceof CompensationInputError) throw new ValidationFailedException(err.message);
      throw err;
    }
  }

  private async domainAsync<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof CompensationInputError) throw new ValidationFailedException(err.message);
      throw err;
    }
  }
}

/** Offer checks are pay data: HR and the job's hiring managers only, never recruiters (security.md). */
function requirePayViewer(principal: Principal): void {
  if (principal.role !== 'hr_admin' && principal.role !== 'hiring_manager')
    throw new ForbiddenException('Offer checks are for HR and the job’s hiring managers');
}

function requireRecentAsOf(asOf: string | undefined): void {
  if (asOf === undefined) return;
  const today = Date.parse(`${todayIn()}T00:00:00Z`);
  const at = Date.parse(`${asOf}T00:00:00Z`);
  if (!Number.isFinite(at) || Math.abs(at - today) > AS_OF_MAX_DAYS * 86_400_000) {
    throw new ValidationFailedException(`asOf must be a date within ${AS_OF_MAX_DAYS} days of today`);
  }
}
