import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { logSafeError } from '@comeback/platform';
import {
  AtsConnection,
  AtsEvent,
  AtsEventOf,
  DISPATCHED_EVENT_KINDS,
  DispatchedEventKind,
} from '@comeback/ats';
import type { InboxStatus } from '../inbox/inbox-event.entity';

/** Handles one kind of ATS event for a connection; returns a short outcome label kept on the inbox row. */
export type AtsEventHandler<K extends DispatchedEventKind> = (
  conn: AtsConnection,
  event: AtsEventOf<K>,
) => Promise<string>;

type HandlerMap = { [K in DispatchedEventKind]?: AtsEventHandler<K> };

/**
 * Something else a feature does when an event of a kind was handled (e.g. refresh the job's hiring team).
 * Any number per kind; runs after the handler, and its failure is logged, never the event's.
 */
export type AtsEventObserver<K extends DispatchedEventKind> = (
  conn: AtsConnection,
  event: AtsEventOf<K>,
) => Promise<void>;

/**
 * Features register the ATS event kinds they handle (one handler file each, registered in its module's
 * `onModuleInit`); the pipeline dispatches without knowing them. A second handler for a kind is refused when
 * it registers, and the application refuses to start while a kind has none.
 */
@Injectable()
export class AtsEventHandlerRegistry implements OnApplicationBootstrap {
  private readonly logger = new Logger(AtsEventHandlerRegistry.name);
  private readonly handlers: HandlerMap = {};
  private readonly observers = new Map<DispatchedEventKind, AtsEventObserver<DispatchedEventKind>[]>();

  observe<K extends DispatchedEventKind>(kind: K, observer: AtsEventObserver<K>): void {
    const list = this.observers.get(kind) ?? [];
    list.push(observer as unknown as AtsEventObserver<DispatchedEventKind>);
    this.observers.set(kind, list);
  }

  register<K extends DispatchedEventKind>(kind: K, handler: AtsEventHandler<K>): void {
    if (this.handlers[kind]) throw new Error(`ATS event kind ${kind} already has a handler`);
    (this.handlers as Record<K, AtsEventHandler<K>>)[kind] = handler;
  }

  /** Start-up check: every dispatched kind has its handler (each feature module imported by the app). */
  onApplicationBootstrap(): void {
    const missing = DISPATCHED_EVENT_KINDS.filter((k) => !this.handlers[k]);
    if (missing.length > 0)
      throw new Error(`No handler registered for ATS event kind(s): ${missing.join(', ')}`);
  }

  async dispatch(conn: AtsConnection, event: AtsEvent): Promise<{ status: InboxStatus; outcome: string }> {
    if (event.kind === 'ping' || event.kind === 'ignored') return { status: 'ignored', outcome: event.kind };
    const handler = this.handlers[event.kind] as AtsEventHandler<typeof event.kind> | undefined;
    if (!handler) throw new Error(`No handler registered for ATS event kind ${event.kind}`);
    const outcome = await handler(conn, event);
    for (const observer of this.observers.get(event.kind) ?? []) {
      await observer(conn, event).catch((err: unknown) =>
        this.logger.warn({ err: logSafeError(err), kind: event.kind }, 'an event observer failed'),
      );
    }
    return { status: 'processed', outcome };
  }
}
