import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompensationModule } from '@comeback/compensation';
import { PipelineModule } from '@comeback/pipeline';
import { InvitationsService, RediscoveryModule } from '@comeback/rediscovery';
import { HireOutcomeEntity } from './hires/hire-outcome.entity';
import { HireOutcomesRepository } from './hires/hire-outcomes.repository';
import { HireOutcomesService } from './hires/hire-outcomes.service';
import { OutcomeEventsHandler } from './hires/outcome-events.handler';
import { OutcomesErasureParticipant } from './outcomes-erasure.participant';
import { OutcomesReportRepository } from './report/outcomes-report.repository';
import { OutcomesReportService } from './report/outcomes-report.service';
import { InvitationFunnelReader } from './report/invitation-funnel.port';
import { ReonboardingTaskEntity } from './tasks/reonboarding-task.entity';
import { ReonboardingTasksRepository } from './tasks/reonboarding-tasks.repository';
import { ReonboardingTasksService } from './tasks/reonboarding-tasks.service';

/**
 * Outcomes of the alumni line: hires and rejections from the ATS (the handler for those event kinds), a returnee's
 * re-onboarding tasks, and the disclosure report. Sits above the pipeline and compensation; neither imports it.
 * The report's invitation funnel is rediscovery's (`InvitationsService` bound to `InvitationFunnelReader`).
 */
@Module({
  imports: [
    PipelineModule,
    CompensationModule,
    RediscoveryModule,
    TypeOrmModule.forFeature([HireOutcomeEntity, ReonboardingTaskEntity]),
  ],
  providers: [
    HireOutcomesRepository,
    HireOutcomesService,
    OutcomeEventsHandler,
    ReonboardingTasksRepository,
    ReonboardingTasksService,
    OutcomesReportRepository,
    OutcomesReportService,
    OutcomesErasureParticipant,
    { provide: InvitationFunnelReader, useExisting: InvitationsService },
  ],
  exports: [HireOutcomesService, ReonboardingTasksService, OutcomesReportService],
})
export class OutcomesModule {}
