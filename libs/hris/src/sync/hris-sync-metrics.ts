import { Injectable, OnModuleInit } from '@nestjs/common';
import { Metrics } from '@comeback/platform';
import { HrisSyncRunsRepository } from './hris-sync-runs.repository';

const DAY_MS = 86_400_000;

/** HR-system sync runs of the last day, by system and status, read at each `/metrics` scrape. */
@Injectable()
export class HrisSyncMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly runs: HrisSyncRunsRepository,
  ) {}

  onModuleInit(): void {
    this.metrics.registerCollector('hris-sync', async (g) => {
      for (const r of await this.runs.countsSince(new Date(Date.now() - DAY_MS)))
        g.runsLastDay.inc({ kind: `hris:${r.kind}`, status: r.status }, r.n);
    });
  }
}
