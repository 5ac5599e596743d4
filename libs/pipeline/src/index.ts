export * from './pipeline.module';
export * from './pipeline.worker';
export * from './inbox/webhook-ingest.service';
export * from './inbox/inbox-event.entity';
export * from './events/ats-event-handler.registry';
export * from './writeback/writeback-ledger';
export * from './writeback/writeback-step.entity';
export * from './connections/ats-connection.service';
export * from './policies/eligibility-policy.service';
export * from './review/review-queue.service';
export * from './review/review-item.entity';
export * from './stages/job-stages.service';
export * from './backfill/backfill.service';
export * from './backfill/backfill-run.entity';
export * from './applications/tracked-applications.service';
export * from './applications/tracked-application-reads.service';
export type {
  ApplicationCandidateName,
  ReturneeApplicationRow,
} from './applications/tracked-application-reads.repository';
export * from './applications/tracked-application.entity';
export * from './applications/application-pipeline.service';
export { ALUMNI_TAG, FAST_TRACK_TAG } from './applications/write-back-application.service';
export * from './pipeline.dto';
