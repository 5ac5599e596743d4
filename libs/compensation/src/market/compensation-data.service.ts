import { Injectable } from '@nestjs/common';
import { AuditService, NotFoundException, Principal } from '@comeback/platform';
import type { IncumbentSnapshotEntity } from '../entities/incumbent-snapshot.entity';
import type { MarketBenchmarkEntity, PayBandEntity } from '../entities/market-data.entity';
import type { IncumbentRecord } from '../imports/compensation-rows';
import { MarketDataRepository } from './market-data.repository';

export interface IncumbentPage {
  snapshot: { id: string; effectiveDate: string; rowCount: number };
  items: IncumbentRecord[];
  nextCursor: string | null;
}

/** Reads of the imported pay data. Incumbent pay is hr_admin only (the controller enforces it) and every read is audited. */
@Injectable()
export class CompensationDataService {
  constructor(
    private readonly market: MarketDataRepository,
    private readonly audit: AuditService,
  ) {}

  /** How much pay data the tenant holds (the console's overview; no figures). */
  async overview(tenantId: string): Promise<{
    benchmarks: number;
    bands: number;
    snapshots: { effectiveDate: string; incumbents: number }[];
  }> {
    const [counts, snapshots] = await Promise.all([
      this.market.counts(tenantId),
      this.market.listSnapshots(tenantId),
    ]);
    return {
      ...counts,
      snapshots: snapshots.map((s) => ({ effectiveDate: s.effectiveDate, incumbents: s.rowCount })),
    };
  }

  benchmarks(tenantId: string, limit: number): Promise<MarketBenchmarkEntity[]> {
    return this.market.listBenchmarks(tenantId, limit);
  }

  bands(tenantId: string, limit: number): Promise<PayBandEntity[]> {
    return this.market.listBands(tenantId, limit);
  }

  snapshots(tenantId: string): Promise<IncumbentSnapshotEntity[]> {
    return this.market.listSnapshots(tenantId);
  }

  async incumbents(
    principal: Principal,
    snapshotId: string,
    opts: { limit: number; after?: string },
  ): Promise<IncumbentPage> {
    const snapshot = await this.market.getSnapshot(principal.tenantId, snapshotId);
    if (!snapshot) throw new NotFoundException('Incumbent snapshot');
    const rows = await this.market.listIncumbents(principal.tenantId, snapshotId, {
      limit: opts.limit + 1,
      after: opts.after,
    });
    await this.audit.record(principal, {
      action: 'compensation.read_incumbents',
      targetType: 'incumbent_snapshot',
      targetId: snapshotId,
      details: { fields: ['base_salary', 'performance_rating', 'gender'] },
    });
    const items = rows.slice(0, opts.limit);
    return {
      snapshot: { id: snapshot.id, effectiveDate: snapshot.effectiveDate, rowCount: snapshot.rowCount },
      items,
      nextCursor: rows.length > opts.limit ? items[items.length - 1].employeeKey : null,
    };
  }
}
