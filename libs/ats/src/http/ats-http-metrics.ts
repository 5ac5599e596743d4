import { Injectable, Optional } from '@nestjs/common';
import { Metrics, routeTemplate } from '@comeback/platform';

export interface AtsCallCounters {
  /** HTTP requests actually sent (every attempt counts). */
  requests: number;
  /** Attempts repeated after a 5xx, a timeout, a connection error or a 429. */
  retries: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Calls that ended in an exception (rejected or retries exhausted). */
  failures: number;
}

export type AtsCounterName = keyof AtsCallCounters;

export interface AtsMetricsSnapshot {
  total: AtsCallCounters;
  byTenant: Record<string, AtsCallCounters>;
}

function zero(): AtsCallCounters {
  return { requests: 0, retries: 0, rateLimited: 0, failures: 0 };
}

/**
 * In-process counters of outbound ATS calls, per tenant, for benchmarks and the demo (not persisted), and the
 * same events as Prometheus series (`/metrics`) when the process has `Metrics`.
 */
@Injectable()
export class AtsHttpMetrics {
  private total = zero();
  private readonly tenants = new Map<string, AtsCallCounters>();

  constructor(@Optional() private readonly prometheus?: Metrics) {}

  /** One answer (or none: status 0) from the API `api` (the client's rate-limit bucket). */
  answered(req: { tenantId: string; method: string; url: string }, api: string, status: number): void {
    const p = this.prometheus;
    if (!p) return;
    const tenant = p.tenant(req.tenantId);
    p.atsRequests.inc({
      api,
      method: req.method,
      route: routeTemplate(req.url),
      status: String(status),
      tenant,
    });
    if (status === 429) p.atsRateLimited.inc({ api, tenant });
  }

  /** Time spent waiting for the shared budget before a request could go out. */
  waited(tenantId: string, api: string, ms: number): void {
    if (!this.prometheus || ms < 1) return;
    this.prometheus.atsRateLimitWaitSeconds.inc({ api, tenant: this.prometheus.tenant(tenantId) }, ms / 1000);
  }

  record(tenantId: string, counter: AtsCounterName): void {
    this.total[counter]++;
    let t = this.tenants.get(tenantId);
    if (!t) {
      t = zero();
      this.tenants.set(tenantId, t);
    }
    t[counter]++;
  }

  forTenant(tenantId: string): AtsCallCounters {
    return { ...(this.tenants.get(tenantId) ?? zero()) };
  }

  snapshot(): AtsMetricsSnapshot {
    return {
      total: { ...this.total },
      byTenant: Object.fromEntries([...this.tenants].map(([k, v]) => [k, { ...v }])),
    };
  }

  reset(): void {
    this.total = zero();
    this.tenants.clear();
  }
}
