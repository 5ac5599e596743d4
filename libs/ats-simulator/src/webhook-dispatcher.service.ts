import { Injectable, OnModuleDestroy, Inject } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SimulatorConfigService } from './simulator-config.service';
import type { Face } from './simulator.types';

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  id: string;
  face: Face;
  company: string;
  /** Greenhouse `action` or Workable `event_type`. */
  event: string;
  /** The id the receiver de-duplicates on (Greenhouse-Event-ID, Workable envelope id). */
  eventId: string;
  url: string;
  state: 'in_flight' | 'waiting_retry' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  /** Exactly the bytes that were sent (and signed). */
  body: string;
  headers: Record<string, string>;
}

export interface DispatchRequest {
  face: Face;
  company: string;
  event: string;
  eventId: string;
  url: string;
  body: Buffer;
  headers: Record<string, string>;
  /** Delays before each retry, in minutes of vendor time (scaled by webhooks.timeScale). */
  retryMinutes: number[];
}

/**
 * Sends signed webhooks and replays them on anything but HTTP 200, like both vendors do. Keeps every
 * attempt so tests and the demo can show what the receiver answered and when.
 */
@Injectable()
export class WebhookDispatcher implements OnModuleDestroy {
  private deliveries: Delivery[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private inFlight = new Set<AbortController>();
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(@Inject(SimulatorConfigService) private readonly config: SimulatorConfigService) {}

  onModuleDestroy(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inFlight) c.abort();
    this.notifyIdle(true);
  }

  list(): Delivery[] {
    return this.deliveries;
  }

  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.deliveries = [];
    this.notifyIdle();
  }

  dispatch(request: DispatchRequest): Delivery {
    const delivery: Delivery = {
      id: randomUUID(),
      face: request.face,
      company: request.company,
      event: request.event,
      eventId: request.eventId,
      url: request.url,
      state: 'in_flight',
      attempts: [],
      nextAttemptAt: null,
      body: request.body.toString('utf8'),
      headers: request.headers,
    };
    this.deliveries.push(delivery);
    void this.run(delivery, request, 0);
    return delivery;
  }

  /** One attempt, no retries: Greenhouse's ping when a webhook is saved. */
  async sendOnce(url: string, body: Buffer, headers: Record<string, string>): Promise<DeliveryAttempt> {
    return this.attempt(url, body, headers, 1);
  }

  /** Resolves when no delivery is in flight or waiting for a retry (or after `timeoutMs`, rejecting). */
  async idle(timeoutMs = 10_000): Promise<void> {
    if (this.isIdle()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`webhook deliveries still pending after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private isIdle(): boolean {
    return this.deliveries.every((d) => d.state === 'delivered' || d.state === 'failed');
  }

  private notifyIdle(force = false): void {
    if (!force && !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async run(delivery: Delivery, request: DispatchRequest, retryIndex: number): Promise<void> {
    if (this.closed) return;
    delivery.state = 'in_flight';
    delivery.nextAttemptAt = null;
    const result = await this.attempt(
      request.url,
      request.body,
      request.headers,
      delivery.attempts.length + 1,
    );
    delivery.attempts.push(result);
    if (result.status === 200) {
      delivery.state = 'delivered';
      this.notifyIdle();
      return;
    }
    if (retryIndex >= request.retryMinutes.length || this.closed) {
      delivery.state = 'failed';
      this.notifyIdle();
      return;
    }
    const delayMs = request.retryMinutes[retryIndex] * 60_000 * this.config.current.webhooks.timeScale;
    delivery.state = 'waiting_retry';
    delivery.nextAttemptAt = new Date(Date.now() + delayMs).toISOString();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.run(delivery, request, retryIndex + 1);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(
    url: string,
    body: Buffer,
    headers: Record<string, string>,
    attempt: number,
  ): Promise<DeliveryAttempt> {
    const started = Date.now();
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.config.current.webhooks.timeoutMs);
    try {
      const res = await fetch(url, {
        method: 'POST',
        body,
        headers,
        signal: controller.signal,
        redirect: 'manual',
      });
      // Drain the body so the connection is reused; its content does not matter to the vendor.
      await res.arrayBuffer().catch(() => undefined);
      return {
        attempt,
        at: new Date(started).toISOString(),
        status: res.status,
        error: null,
        durationMs: Date.now() - started,
      };
    } catch (e) {
      const error = controller.signal.aborted
        ? 'timeout'
        : e instanceof Error
          ? e.cause instanceof Error
            ? e.cause.message
            : e.message
          : String(e);
      return {
        attempt,
        at: new Date(started).toISOString(),
        status: null,
        error,
        durationMs: Date.now() - started,
      };
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
  }
}
