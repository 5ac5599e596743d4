import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ScoreWindowSnapshot } from '@comeback/domain';
import { DataSource } from 'typeorm';

/** SQL of the review budget's stored windows (one row per tenant, its latest decisions' scores). */
@Injectable()
export class ReviewScoreWindowRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(tenantId: string): Promise<ScoreWindowSnapshot | null> {
    const rows: { scores: (number | string)[]; automatic: boolean[]; reviewed: (boolean | null)[] | null }[] =
      await this.dataSource.query(
        'SELECT scores, automatic, reviewed FROM review_score_windows WHERE tenant_id = $1',
        [tenantId],
      );
    const row = rows[0];
    // pg returns a float8[] as numbers, ±Infinity included (a decision without candidates ranks lowest). A window
    // stored before `reviewed` was kept has none: not known.
    return row
      ? { scores: row.scores.map(Number), automatic: row.automatic, reviewed: row.reviewed ?? undefined }
      : null;
  }

  async save(tenantId: string, snapshot: ScoreWindowSnapshot): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO review_score_windows (tenant_id, scores, automatic, reviewed, updated_at)
       VALUES ($1, $2::float8[], $3::boolean[], $4::boolean[], now())
       ON CONFLICT (tenant_id) DO UPDATE
         SET scores = EXCLUDED.scores, automatic = EXCLUDED.automatic, reviewed = EXCLUDED.reviewed,
             updated_at = now()`,
      [
        tenantId,
        snapshot.scores.map(String),
        snapshot.automatic,
        snapshot.reviewed ?? snapshot.scores.map(() => null),
      ],
    );
  }
}
