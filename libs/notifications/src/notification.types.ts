import type { Role } from '@comeback/platform';

/** What people can be told about. Each carries a link to the console page, never the data itself. */
export const NOTIFICATION_EVENTS = [
  'review_overdue',
  'hr_review_needed',
  'offer_check_failed',
  'import_failed',
  'jobs_failed',
  'reonboarding_task_due',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** Who may be told about each event: the roles that may open the page the link leads to. */
export const EVENT_ROLES: Record<NotificationEvent, readonly Role[]> = {
  review_overdue: ['hr_admin', 'recruiter'],
  hr_review_needed: ['hr_admin'],
  offer_check_failed: ['hr_admin'],
  import_failed: ['hr_admin'],
  jobs_failed: ['hr_admin'],
  // Told only to the task's assignee (see `PendingItem.recipientSubject`); HR sees every task on the page.
  reonboarding_task_due: ['hiring_manager', 'hr_admin'],
};

export type DeliveryMode = 'immediate' | 'digest';
export type Language = 'ja' | 'en';
export type ChatKind = 'slack' | 'teams';

/** Something that waits for someone: the event, a stable key for deduplication, and the console path. */
export interface PendingItem {
  event: NotificationEvent;
  /** Stable per item (a review item id, an offer check id): the same item is never told twice. */
  itemKey: string;
  /** Console path (no host), e.g. `/console/review/<id>`. */
  path: string;
  /** Only this person (principal subject) is told; absent: everyone whose role and choice fit. */
  recipientSubject?: string;
}

/** The chat channel a recipient key stands for (one per tenant). */
export const CHAT_RECIPIENT = 'chat';
export function emailRecipient(subject: string): string {
  return `person:${subject}`;
}
