import { Injectable, OnModuleInit } from '@nestjs/common';
import { Metrics } from '@comeback/platform';
import { ImportRunRepository } from './import-run.repository';

const DAY_MS = 86_400_000;

/** Import runs of the last day, by kind and status, read at each `/metrics` scrape. */
@Injectable()
export class ImportRunMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly runs: ImportRunRepository,
  ) {}

  onModuleInit(): void {
    this.metrics.registerCollector('imports', async (g) => {
      for (const r of await this.runs.countsSince(new Date(Date.now() - DAY_MS)))
        g.runsLastDay.inc({ kind: `import:${r.kind}`, status: r.status }, r.n);
    });
  }
}
