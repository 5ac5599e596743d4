import { Injectable } from '@nestjs/common';
import {
  checkFairness,
  type CohortAggregate,
  type FairnessCheckResult,
  type FairnessPolicy,
  type PayBand,
  type ReturneeForCheck,
} from '@comeback/domain/compensation';
import { CohortRepository } from '../cohort/cohort.repository';
import type { OfferCheckTarget } from '../entities/offer-check.entity';

export interface Evaluation {
  tenantId: string;
  amount: number;
  target: OfferCheckTarget;
  returnee: ReturneeForCheck;
  band: PayBand | null;
  snapshot: { id: string; effectiveDate: string } | null;
  policy: FairnessPolicy;
  asOf: string;
}

/** One fairness check: the cohort aggregate in SQL, then the domain's rules. */
@Injectable()
export class FairnessEvaluator {
  constructor(private readonly cohorts: CohortRepository) {}

  async evaluate(e: Evaluation): Promise<FairnessCheckResult> {
    return this.checkWith(e, await this.cohortFor(e));
  }

  /** The cohort depends on the policy only through its scales and privacy minimum (see the dry run). */
  async cohortFor(e: Evaluation): Promise<CohortAggregate | null> {
    return e.snapshot
      ? this.cohorts.aggregate({
          tenantId: e.tenantId,
          snapshot: e.snapshot,
          target: e.target,
          offerAmount: e.amount,
          returneeYears: e.returnee.relevantExperienceYears ?? null,
          scales: e.policy,
          minCohort: e.policy.privacy.minCohort,
        })
      : null;
  }

  checkWith(e: Evaluation, cohort: CohortAggregate | null): FairnessCheckResult {
    return checkFairness({
      offerAmount: e.amount,
      returnee: e.returnee,
      target: { jobLevel: e.target.jobLevel },
      band: e.band,
      cohort,
      policy: e.policy,
      asOf: e.asOf,
    });
  }
}
