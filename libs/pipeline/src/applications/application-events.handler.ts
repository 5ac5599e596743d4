import { Injectable, OnModuleInit } from '@nestjs/common';
import { AtsEventHandlerRegistry } from '../events/ats-event-handler.registry';
import { ApplicationPipelineService } from './application-pipeline.service';

/** ATS events "an application was created" and "an application changed stage" → the application pipeline. */
@Injectable()
export class ApplicationEventsHandler implements OnModuleInit {
  constructor(
    private readonly events: AtsEventHandlerRegistry,
    private readonly pipeline: ApplicationPipelineService,
  ) {}

  onModuleInit(): void {
    this.events.register(
      'application_created',
      async (conn, event) =>
        (await this.pipeline.process(conn, event.application, { trigger: event.kind })).outcome,
    );
    this.events.register(
      'stage_changed',
      async (conn, event) =>
        (await this.pipeline.process(conn, event.application, { trigger: event.kind })).outcome,
    );
  }
}
