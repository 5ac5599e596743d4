import { Inject, Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { logSafeError } from '../errors/log-safe-error';

/** What a feature reports at scrape time (backlogs, queue sizes): read from its own tables by its repository. */
export type MetricsCollector = (gauges: CollectedGauges) => Promise<void>;

/** The gauges a collector may set; one shape so every feature names its figures the same way. */
export interface CollectedGauges {
  inboxBacklog: Gauge<'source'>;
  inboxOldestWaitingSeconds: Gauge<'source'>;
  reviewQueueSize: Gauge<'tenant'>;
  reviewQueueOldestSeconds: Gauge<'tenant'>;
  uncertainSideEffects: Gauge<'tenant'>;
  failedWork: Gauge<'kind'>;
  runsLastDay: Gauge<'kind' | 'status'>;
  tenant(tenantId: string): string;
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const MATCH_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * Every Prometheus metric of one process, on its own registry (not prom-client's global one, so several
 * Nest apps in one test process do not collide). Names follow Prometheus conventions (`_total`, `_seconds`).
 * Tenant ids become labels only when the operator opts in (METRICS_TENANT_LABELS): one series per tenant.
 */
@Injectable()
export class Metrics {
  private readonly logger = new Logger(Metrics.name);
  readonly registry = new Registry();
  private readonly collectors: { name: string; collect: MetricsCollector }[] = [];
  private readonly perTenant: boolean;

  readonly webhookDeliveries: Counter<'source' | 'outcome' | 'reason'>;
  readonly jobs: Counter<'type' | 'outcome'>;
  readonly jobDuration: Histogram<'type' | 'outcome'>;
  readonly atsRequests: Counter<'api' | 'method' | 'route' | 'status' | 'tenant'>;
  readonly atsRateLimited: Counter<'api' | 'tenant'>;
  readonly atsRateLimitWaitSeconds: Counter<'api' | 'tenant'>;
  readonly matchDecisions: Counter<'decision' | 'tenant'>;
  readonly matchDuration: Histogram<'decision'>;
  private readonly gauges: CollectedGauges;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.perTenant = config.metricsTenantLabels;
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'comeback_' });
    this.webhookDeliveries = new Counter({
      name: 'comeback_webhook_deliveries_total',
      help: 'Webhook deliveries by source (ATS or HR system), outcome (accepted, duplicate, refused) and reason.',
      labelNames: ['source', 'outcome', 'reason'],
      registers,
    });
    this.jobs = new Counter({
      name: 'comeback_jobs_total',
      help: 'Queue job attempts by type and outcome (completed, failed_will_retry, failed).',
      labelNames: ['type', 'outcome'],
      registers,
    });
    this.jobDuration = new Histogram({
      name: 'comeback_job_duration_seconds',
      help: 'Duration of one job attempt.',
      labelNames: ['type', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.atsRequests = new Counter({
      name: 'comeback_ats_requests_total',
      help: 'HTTP requests sent to an ATS or HR system, by route template and status (0: no answer).',
      labelNames: ['api', 'method', 'route', 'status', 'tenant'],
      registers,
    });
    this.atsRateLimited = new Counter({
      name: 'comeback_ats_rate_limited_total',
      help: '429 answers from an ATS or HR system.',
      labelNames: ['api', 'tenant'],
      registers,
    });
    this.atsRateLimitWaitSeconds = new Counter({
      name: 'comeback_ats_rate_limit_wait_seconds_total',
      help: 'Seconds spent waiting for the shared rate-limit budget before sending.',
      labelNames: ['api', 'tenant'],
      registers,
    });
    this.matchDecisions = new Counter({
      name: 'comeback_match_decisions_total',
      help: 'Identity-matching decisions (match, review, none).',
      labelNames: ['decision', 'tenant'],
      registers,
    });
    this.matchDuration = new Histogram({
      name: 'comeback_match_duration_seconds',
      help: 'Latency of one identity match against the registry.',
      labelNames: ['decision'],
      buckets: MATCH_BUCKETS,
      registers,
    });
    const gauge = <L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> =>
      new Gauge<L>({ name, help, labelNames, registers });
    this.gauges = {
      inboxBacklog: gauge('comeback_inbox_backlog', 'Webhook deliveries stored but not yet processed.', [
        'source',
      ]),
      inboxOldestWaitingSeconds: gauge(
        'comeback_inbox_oldest_waiting_seconds',
        'Age of the oldest delivery still waiting to be processed (0 when none waits).',
        ['source'],
      ),
      reviewQueueSize: gauge('comeback_review_queue_size', 'Open review items.', ['tenant']),
      reviewQueueOldestSeconds: gauge(
        'comeback_review_queue_oldest_seconds',
        'Age of the oldest open review item.',
        ['tenant'],
      ),
      uncertainSideEffects: gauge(
        'comeback_uncertain_side_effects',
        'ATS writes whose call was cut (a crash between sending and recording): a person must confirm them.',
        ['tenant'],
      ),
      failedWork: gauge(
        'comeback_failed_work',
        'Failed work waiting for a person (failed deliveries, failed queue jobs).',
        ['kind'],
      ),
      runsLastDay: gauge(
        'comeback_runs_last_day',
        'Registry and pay-data imports and HR-system syncs started in the last 24 hours, by kind and status.',
        ['kind', 'status'],
      ),
      tenant: (tenantId) => this.tenant(tenantId),
    };
  }

  /** The tenant label value: the id when the operator opted in, `all` otherwise. */
  tenant(tenantId: string): string {
    return this.perTenant ? tenantId : 'all';
  }

  /** Features register what they measure at scrape time; a failing collector leaves its gauges stale, not the scrape. */
  registerCollector(name: string, collect: MetricsCollector): void {
    this.collectors.push({ name, collect });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    for (const g of [
      this.gauges.inboxBacklog,
      this.gauges.inboxOldestWaitingSeconds,
      this.gauges.reviewQueueSize,
      this.gauges.reviewQueueOldestSeconds,
      this.gauges.uncertainSideEffects,
      this.gauges.failedWork,
      this.gauges.runsLastDay,
    ])
      g.reset();
    await Promise.all(
      this.collectors.map(({ name, collect }) =>
        collect(this.gauges).catch((err: unknown) =>
          this.logger.warn({ collector: name, err: logSafeError(err) }, 'metrics collector failed'),
        ),
      ),
    );
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/**
 * A route template for a label: path segments that carry ids (digits, long tokens) become `:id`, so an ATS path
 * such as `/v3/applications/123/moves` is one series, not one per application.
 */
export function routeTemplate(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split('?')[0] ?? url;
  }
  return (
    path
      .split('/')
      .map((segment) => (/\d/.test(segment) || segment.length > 24 ? ':id' : segment))
      .join('/') || '/'
  );
}
