import { Injectable } from '@nestjs/common';

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

/** In-process counters of outbound ATS calls, per tenant, for benchmarks and the demo. Not persisted. */
@Injectable()
export class AtsHttpMetrics {
  private total = zero();
  private readonly tenants = new Map<string, AtsCallCounters>();

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
