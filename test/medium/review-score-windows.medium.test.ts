import { Readable } from 'node:stream';
import type { TestingModule } from '@nestjs/testing';
import { DEFAULT_MATCH_THRESHOLDS, DEFAULT_MAX_REVIEW_SHARE, REVIEW_BUDGET } from '@comeback/domain';
import { AuditActor, TenantService } from '@comeback/platform';
import {
  AlumniImportService,
  MatchingService,
  REVIEW_WINDOW_SAVE_EVERY,
  ReviewScoreWindows,
} from '@comeback/registry';
import { syntheticRegistryLines } from '@comeback/fixtures';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../support/test-database';
import { openRegistryModule } from './support/registry-module';
import { REGISTRY_HEADER } from './support/medium-app';

const DEFAULT_REVIEW = DEFAULT_MATCH_THRESHOLDS.review;

/** Applicants who are nobody in the registry (another seed's people), as the matcher receives them. */
function strangers(n: number): { lastName: string; firstName: string; emails: string[] }[] {
  return [...syntheticRegistryLines(n, 977)].slice(1).map((line) => {
    const [, family, given, , , , , emails] = line.split(',');
    return { lastName: family, firstName: given, emails: [emails.split(';')[0]] };
  });
}

describe('review budget window kept across restarts (review_score_windows)', () => {
  let drop: () => Promise<void>;
  let tenantId: string;
  const open = openRegistryModule;
  const stored = async (m: TestingModule): Promise<{ n: number }[]> =>
    m
      .get(DataSource)
      .query('SELECT cardinality(scores) AS n FROM review_score_windows WHERE tenant_id = $1', [tenantId]);

  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    const m = await open();
    tenantId = (await m.get(TenantService).create({ slug: 'budget', name: 'Budget' })).id;
    const hr: AuditActor = { tenantId, role: 'hr_admin', name: 'hr@budget' };
    const csv = `${REGISTRY_HEADER}\n${[...syntheticRegistryLines(300, 7)].slice(1).join('\n')}\n`;
    const report = await m
      .get(AlumniImportService)
      .import(hr, Readable.from([csv]), { mode: 'all-or-nothing' });
    expect(report).toMatchObject({ status: 'completed', inserted: 300 });
    await m.close();
  });
  afterAll(async () => {
    await drop?.();
  });

  it('stores the window as decisions come, and a new process goes on with it instead of the shipped threshold', async () => {
    const first = await open();
    const matching = first.get(MatchingService);
    const applicants = strangers(REVIEW_BUDGET.minSamples + 40);
    // Written every REVIEW_WINDOW_SAVE_EVERY decisions without being asked.
    for (const a of applicants.slice(0, REVIEW_WINDOW_SAVE_EVERY)) await matching.match(tenantId, a);
    await first.get(ReviewScoreWindows).flush();
    expect(await stored(first)).toEqual([{ n: REVIEW_WINDOW_SAVE_EVERY }]);
    // Previews are what-ifs: they do not count against the budget.
    await matching.preview({ tenantId, role: 'hr_admin', name: 'hr@budget' }, applicants[0]);
    for (const a of applicants.slice(REVIEW_WINDOW_SAVE_EVERY)) await matching.match(tenantId, a);
    const window = await first.get(ReviewScoreWindows).windowFor(tenantId);
    const before = window.snapshot();
    const threshold = window.reviewThreshold(DEFAULT_MAX_REVIEW_SHARE, DEFAULT_REVIEW);
    expect(before.scores).toHaveLength(applicants.length);
    // Each decision says whether it went to review: what the budget's feedback reads.
    expect(before.reviewed).toHaveLength(applicants.length);
    expect(before.reviewed!.every((r) => typeof r === 'boolean')).toBe(true);
    expect(window.reviewedShare).not.toBeNull();
    // Reports see the decisions this process has not stored yet (240 is not a multiple of 25).
    expect(applicants.length % REVIEW_WINDOW_SAVE_EVERY).not.toBe(0);
    expect((await first.get(ReviewScoreWindows).latest(tenantId)).count).toBe(applicants.length);
    // Strangers leave the budget unspent: the threshold has come down from the shipped one.
    expect(threshold).toBeLessThan(DEFAULT_REVIEW);
    // Closing the process stores what the last periodic write had not.
    await first.close();

    const second = await open();
    try {
      expect(await stored(second)).toEqual([{ n: applicants.length }]);
      const restored = await second.get(ReviewScoreWindows).windowFor(tenantId);
      expect(restored.snapshot()).toEqual(before);
      expect(restored.reviewThreshold(DEFAULT_MAX_REVIEW_SHARE, DEFAULT_REVIEW)).toBe(threshold);
      expect(restored.reviewedShare).toBe(window.reviewedShare);
      // A tenant with no history still starts from the shipped threshold.
      const other = (await second.get(TenantService).create({ slug: 'budget-new', name: 'New' })).id;
      const empty = await second.get(ReviewScoreWindows).windowFor(other);
      expect(empty.count).toBe(0);
      expect(empty.reviewThreshold(DEFAULT_MAX_REVIEW_SHARE, DEFAULT_REVIEW)).toBe(DEFAULT_REVIEW);
      // A process that has not matched since it started reports the stored window, and once it matches, its own.
      expect((await second.get(ReviewScoreWindows).latest(tenantId)).snapshot()).toEqual(before);
      await second.get(MatchingService).match(tenantId, applicants[1]);
      expect(restored.count).toBe(applicants.length + 1);
      expect(await second.get(ReviewScoreWindows).latest(tenantId)).toBe(restored);
    } finally {
      await second.close();
    }
    // A window stored before `reviewed` was kept (the column NULL): read as not known, so no feedback yet.
    const third = await open();
    try {
      await third
        .get(DataSource)
        .query('UPDATE review_score_windows SET reviewed = NULL WHERE tenant_id = $1', [tenantId]);
      const legacy = await third.get(ReviewScoreWindows).windowFor(tenantId);
      expect(legacy.count).toBe(applicants.length + 1);
      expect(legacy.reviewedShare).toBeNull();
    } finally {
      await third.close();
    }
  });
});
