import { Injectable } from '@nestjs/common';
import { AtsApplication, AtsConnection } from '@comeback/ats';
import { DecideApplicationService, PipelineResult, PipelineTrigger } from './decide-application.service';
import { WriteBackApplicationService } from './write-back-application.service';

export type { PipelineResult, PipelineTrigger } from './decide-application.service';

/** One application through the product: decide (match → eligibility → plan, stored), then write back. */
@Injectable()
export class ApplicationPipelineService {
  constructor(
    private readonly decision: DecideApplicationService,
    private readonly writeBack: WriteBackApplicationService,
  ) {}

  async process(
    conn: AtsConnection,
    app: AtsApplication,
    opts: { trigger: PipelineTrigger; confirmedEmployeeNumber?: string },
  ): Promise<PipelineResult> {
    const decided = await this.decision.decide(conn, app, opts);
    return decided.next === 'done'
      ? decided.result
      : this.writeBack.writeBack(conn, decided.app, decided.record);
  }
}
