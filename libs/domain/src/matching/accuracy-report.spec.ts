import { accuracyReport, ACCURACY_REPORT, type DecisionRecord } from './accuracy-report';
import { matchProbability } from './match-decision';

const rec = (
  decision: DecisionRecord['decision'],
  score: number | null,
  verdict: DecisionRecord['verdict'] = null,
): DecisionRecord => ({ decision, score, verdict });
const times = (n: number, r: DecisionRecord): DecisionRecord[] => Array.from({ length: n }, () => r);

describe('accuracyReport', () => {
  it('estimates from the scores and measures from HR decisions, side by side', () => {
    const records = [
      ...times(40, rec('match', 20)),
      ...times(6, rec('review', 3, 'confirmed')),
      ...times(2, rec('review', 3, 'rejected')),
      ...times(2, rec('review', 3)),
      ...times(150, rec('none', -10)),
    ];
    const r = accuracyReport(records);
    expect(r).toMatchObject({ decisions: 200, auto: 40, review: 10, none: 150, reviewLoad: 0.05 });
    expect(r.estimated.autoPrecision).toBeCloseTo(matchProbability(20), 6);
    expect(r.estimated.reviewPrecision).toBeCloseTo(8 / 9, 6);
    const expected = 40 * matchProbability(20) + 10 * (8 / 9) + 150 * matchProbability(-10);
    expect(r.estimated.foundRecall).toBeCloseTo((expected - 150 * matchProbability(-10)) / expected, 6);
    expect(r.measured).toMatchObject({ decidedReviews: 8, confirmed: 6, rejected: 2, undone: 0 });
    expect(r.measured.reviewPrecision).toBeCloseTo(0.75, 6);
    expect(r.measured.autoPrecision).toBe(1);
    expect(r.drift).toEqual([]);
  });

  it('warns when HR rejects far more reviews than the scores predicted', () => {
    const records = [...times(10, rec('review', 4, 'confirmed')), ...times(20, rec('review', 4, 'rejected'))];
    const r = accuracyReport(records);
    expect(r.drift).toHaveLength(1);
    expect(r.drift[0]).toMatchObject({ metric: 'review_precision', samples: 30 });
    expect(r.drift[0].measured).toBeCloseTo(1 / 3, 6);
    expect(r.drift[0].tolerance).toBeGreaterThanOrEqual(ACCURACY_REPORT.reviewTolerance);
  });

  it('does not warn on a difference within sampling error, nor on too few decisions', () => {
    // Estimated 0.94 (score 4); 17 of 20 confirmed = 0.85: within 2 standard errors (0.106).
    const within = [...times(17, rec('review', 4, 'confirmed')), ...times(3, rec('review', 4, 'rejected'))];
    expect(accuracyReport(within).drift).toEqual([]);
    const few = [...times(2, rec('review', 4, 'confirmed')), ...times(10, rec('review', 4, 'rejected'))];
    expect(accuracyReport(few).drift).toEqual([]);
  });

  it('warns when "not a returnee" undoes automatic flags the scores called certain', () => {
    const records = [...times(45, rec('match', 15)), ...times(5, rec('match', 15, 'undone'))];
    const r = accuracyReport(records);
    expect(r.measured.autoPrecision).toBeCloseTo(0.9, 6);
    expect(r.drift.map((d) => d.metric)).toEqual(['auto_precision']);
  });

  it('reports nothing it cannot know on an empty tenant', () => {
    const r = accuracyReport([]);
    expect(r.reviewLoad).toBeNull();
    expect(r.estimated.autoPrecision).toBeNull();
    expect(r.measured.reviewPrecision).toBeNull();
    expect(r.drift).toEqual([]);
  });
});
