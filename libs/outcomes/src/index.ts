export * from './outcomes.module';
export * from './hires/hire-outcomes.service';
export * from './hires/hire-outcome.entity';
export * from './tasks/reonboarding-tasks.service';
export * from './tasks/reonboarding-task.entity';
export * from './report/outcomes-report.service';
export * from './report/invitation-funnel.port';
export * from './outcomes.dto';
