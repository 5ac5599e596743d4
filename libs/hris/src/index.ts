export * from './hris.module';
export * from './hris-connector.port';
export * from './hris-http-tuning';
export * from './connections/hris-connection.dto';
export { HrisConnectionService } from './connections/hris-connection.service';
export * from './inbox/hris-webhook-ingest.service';
export * from './sync/hris-sync.service';
export type { HrisRunProblem, HrisSyncRunEntity } from './sync/hris-sync-run.entity';
export { HrisWorker, nightlyJobId } from './hris.worker';
