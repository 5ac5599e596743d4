import { Injectable } from '@nestjs/common';
import { BackfillRepository } from '../backfill/backfill.repository';
import { InboxEventsRepository } from './inbox-events.repository';

/** What failed and waits for a person (the home page): ATS events whose processing failed, stopped backfills. */
@Injectable()
export class FailedWorkService {
  constructor(
    private readonly inbox: InboxEventsRepository,
    private readonly backfills: BackfillRepository,
  ) {}

  async counts(tenantId: string): Promise<{ failedEvents: number; failedBackfills: number }> {
    const [failedEvents, failedBackfills] = await Promise.all([
      this.inbox.countFailed(tenantId),
      this.backfills.countFailed(tenantId),
    ]);
    return { failedEvents, failedBackfills };
  }
}
