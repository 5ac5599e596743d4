import { Injectable } from '@nestjs/common';
import {
  OfferCheckListingRepository,
  type LatestOfferCheck,
  type PayAtHire,
} from './offer-check-listing.repository';

/** Offer checks as other libs list them (the console's offers page). No access checks: HR-only callers. */
@Injectable()
export class OfferCheckListingService {
  constructor(private readonly repo: OfferCheckListingRepository) {}

  /** Applications whose latest check needs HR's approval (warn or fail, not approved yet). */
  awaitingApproval(tenantId: string): Promise<number> {
    return this.repo.awaitingApproval(tenantId);
  }

  /** The latest fairness check per application, newest first. */
  latestPerApplication(tenantId: string, limit: number): Promise<LatestOfferCheck[]> {
    return this.repo.latestPerApplication(tenantId, limit);
  }

  /** The accepted offer's pay against its band, the market and the incumbents (outcomes; HR-only figures). */
  payAtHire(tenantId: string, ats: string, applicationId: string): Promise<PayAtHire | null> {
    return this.repo.payAtHire(tenantId, ats, applicationId);
  }
}
