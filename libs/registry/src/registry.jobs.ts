import { declareJobQueues, QueueName } from '@comeback/platform';

declare module '@comeback/platform/queue/job-types' {
  interface JobPayloads {
    /** Re-derive a tenant's stored match keys with this version's rules (after an upgrade that changed them). */
    'registry.match-keys-rebuild': { tenantId: string; version: number };
  }
}

declareJobQueues({
  'registry.match-keys-rebuild': QueueName.Backfill,
});
