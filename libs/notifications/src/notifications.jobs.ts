import { declareJobQueues, QueueName } from '@comeback/platform';

declare module '@comeback/platform/queue/job-types' {
  interface JobPayloads {
    /** Find what waits past its limit, tell people (immediately or in their digest), retry failed deliveries. */
    'notifications.run': { requestedAt: string };
  }
}

declareJobQueues({ 'notifications.run': QueueName.Backfill });
