import { Injectable, OnModuleInit } from '@nestjs/common';
import { AtsEventHandlerRegistry } from '@comeback/pipeline';
import { OfferChecksService } from './offer-checks.service';

/** ATS event "an offer was created or changed" → the fairness check and its HR-only note. */
@Injectable()
export class OfferChangedHandler implements OnModuleInit {
  constructor(
    private readonly events: AtsEventHandlerRegistry,
    private readonly offers: OfferChecksService,
  ) {}

  onModuleInit(): void {
    this.events.register('offer_changed', async (conn, event) => {
      const { applicationId, candidateId, offer } = event;
      return (await this.offers.onOfferChanged(conn, { applicationId, candidateId, offer })).outcome;
    });
  }
}
