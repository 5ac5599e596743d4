import { accuracyReport, BUDGET_SHARES, type DecisionRecord } from '@comeback/domain';
import { pageContext } from '../layout';
import { matchingAccuracyPage, type AccuracyPageData } from './matching.pages';

const rec = (decision: DecisionRecord['decision'], score: number | null): DecisionRecord => ({
  decision,
  score,
  verdict: null,
});

function data(records: DecisionRecord[], maxReviewShare: number): AccuracyPageData {
  return {
    ...accuracyReport(records, [...BUDGET_SHARES, maxReviewShare]),
    thresholds: {
      match: 12,
      review: null,
      maxReviewShare,
      budget: { reviewFrom: 2, decisions: records.length, minDecisions: 200, spent: 0.05 },
    },
    parameters: { source: 'defaults', pairs: 0, labelled: 0, estimatedAt: null },
    tolerances: { review: 0.1, auto: 0.01, minMeasured: 20, window: 2000 },
  };
}

const records = [
  ...Array.from({ length: 10 }, () => rec('match', 20)),
  ...Array.from({ length: 5 }, () => rec('review', 4)),
  ...Array.from({ length: 25 }, () => rec('none', 0)),
  ...Array.from({ length: 60 }, () => rec('none', null)),
];

const rowsOf = (page: string): string[] =>
  [...page.matchAll(/<tr[^>]*><th scope="row">([^<]*)<\/th><td>(\d+)<\/td>/g)].map((m) => `${m[1]} ${m[2]}`);

describe('matching accuracy page: what another review budget would buy', () => {
  it("prices each budget in both languages and marks HR's own", () => {
    const r = data(records, 0.03);
    const ja = matchingAccuracyPage(pageContext('ja', '/console/matching/accuracy', null), r);
    expect(ja).toContain('確認待ちの上限を変えると');
    expect(rowsOf(ja)).toEqual(['2.0% 2', '3.0% （現在の設定） 3', '5.0% 5', '7.0% 7', '10.0% 10']);
    const en = matchingAccuracyPage(pageContext('en', '/console/matching/accuracy', null), r);
    expect(en).toContain('What another review budget would buy');
    expect(rowsOf(en)).toEqual(['2.0% 2', '3.0% (your budget) 3', '5.0% 5', '7.0% 7', '10.0% 10']);
    // The 5% row sends the five proposals the matcher made: its precision is the report's own estimate.
    const fivePct = en.split('<th scope="row">5.0%')[1].split('</tr>')[0];
    expect(fivePct).toContain(
      `<td>${(Math.round(r.estimated.reviewPrecision! * 1000) / 10).toFixed(1)}%</td>`,
    );
  });

  it('shows no budget table before any decision', () => {
    const page = matchingAccuracyPage(pageContext('en', '/console/matching/accuracy', null), data([], 0.05));
    expect(page).not.toContain('What another review budget would buy');
  });
});
