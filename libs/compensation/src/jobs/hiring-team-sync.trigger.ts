import { Injectable, OnModuleInit } from '@nestjs/common';
import { AtsEventHandlerRegistry } from '@comeback/pipeline';
import { HiringTeamSyncService } from './hiring-team-sync.service';

/** An application event shows a job: its hiring team is read from the ATS (at most once an interval). */
@Injectable()
export class HiringTeamSyncTrigger implements OnModuleInit {
  constructor(
    private readonly events: AtsEventHandlerRegistry,
    private readonly sync: HiringTeamSyncService,
  ) {}

  onModuleInit(): void {
    for (const kind of ['application_created', 'stage_changed'] as const) {
      this.events.observe(kind, async (conn, event) => {
        if (event.application.jobId) await this.sync.syncSeenJob(conn, event.application.jobId);
      });
    }
  }
}
