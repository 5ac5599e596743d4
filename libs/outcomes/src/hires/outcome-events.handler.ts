import { Injectable, OnModuleInit } from '@nestjs/common';
import { AtsEventHandlerRegistry } from '@comeback/pipeline';
import { HireOutcomesService } from './hire-outcomes.service';

/** ATS events "hired", "rejected" and "hire undone" → outcomes (and the returnee's re-onboarding tasks). */
@Injectable()
export class OutcomeEventsHandler implements OnModuleInit {
  constructor(
    private readonly events: AtsEventHandlerRegistry,
    private readonly outcomes: HireOutcomesService,
  ) {}

  onModuleInit(): void {
    this.events.register('application_hired', (conn, event) => this.outcomes.onHired(conn, event));
    this.events.register('application_rejected', (conn, event) => this.outcomes.onRejected(conn, event));
    this.events.register('application_unhired', (conn, event) => this.outcomes.onUnhired(conn, event));
  }
}
