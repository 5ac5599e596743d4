import type { AtsEvent } from '@comeback/ats';

/**
 * The application a delivery is about: one application's deliveries are processed in the order they were
 * received (created before stage change before hired or rejected), different applications side by side.
 * Null for deliveries that carry no work.
 */
export function applicationOfEvent(event: AtsEvent): string | null {
  switch (event.kind) {
    case 'application_created':
    case 'stage_changed':
      return event.application.applicationId;
    case 'offer_changed':
    case 'application_hired':
    case 'application_rejected':
    case 'application_unhired':
      return event.applicationId;
    case 'ping':
    case 'ignored':
      return null;
  }
}

/** A hand-off's job id: a business key (this delivery after that one), so a repeated hand-off is a no-op. */
export function handOffJobId(inboxEventId: string, afterInboxEventId: string): string {
  return `inbox:${inboxEventId}:after:${afterInboxEventId}`;
}
