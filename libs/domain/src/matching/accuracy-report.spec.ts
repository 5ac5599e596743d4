import {
  accuracyReport,
  ACCURACY_REPORT,
  BUDGET_SHARES,
  budgetOptions,
  contactsChanged,
  estimateReturneeShare,
  returneeProbability,
  type DecisionRecord,
} from './accuracy-report';
import { matchProbability } from './match-decision';
import type { MatchEvidence } from './match-types';

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
    // About a quarter of these applicants are returnees: the scores' even odds are corrected by that share.
    const share = estimateReturneeShare(records.map((d) => d.score));
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
    expect(r.estimated.returneeShare).toBeCloseTo(share, 3);
    const p = (score: number): number => returneeProbability(score, share);
    expect(r.estimated.autoPrecision).toBeCloseTo(p(20), 6);
    expect(r.estimated.reviewPrecision).toBeCloseTo(p(3), 6);
    expect(r.estimated.reviewPrecision!).toBeLessThan(matchProbability(3));
    const expected = 40 * p(20) + 10 * p(3) + 150 * p(-10);
    expect(r.estimated.foundRecall).toBeCloseTo((expected - 150 * p(-10)) / expected, 6);
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
    // Estimated 0.94 (score 4, and as many applicants scoring −4: a returnee share of one half leaves the scores
    // as they are); 17 of 20 confirmed = 0.85: within 2 standard errors (0.106).
    const within = [
      ...times(17, rec('review', 4, 'confirmed')),
      ...times(3, rec('review', 4, 'rejected')),
      ...times(20, rec('none', -4)),
    ];
    expect(accuracyReport(within).estimated.returneeShare).toBeCloseTo(0.5, 6);
    expect(accuracyReport(within).estimated.reviewPrecision).toBeCloseTo(matchProbability(4), 6);
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

  describe('estimateReturneeShare', () => {
    // A calibrated world: applicants are returnees with probability `share`; a returnee's best candidate scores
    // `strong` bits of evidence, a stranger's `weak` (either side of zero), and some strangers have no candidate.
    // The scores assume even odds; the estimate must recover the share from them alone.
    const world = (share: number, n: number): (number | null)[] => {
      const scores: (number | null)[] = [];
      let seed = 7;
      const rand = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
      for (let i = 0; i < n; i++) {
        if (rand() < share) scores.push(rand() < 0.8 ? 12 + 10 * rand() : 3 * rand());
        else scores.push(rand() < 0.5 ? null : -14 + 10 * rand());
      }
      return scores;
    };

    it.each([0.1, 0.25, 0.4])('recovers a returnee share of %s from the scores', (share) => {
      expect(estimateReturneeShare(world(share, 4000))).toBeCloseTo(share, 1);
      expect(Math.abs(estimateReturneeShare(world(share, 4000)) - share)).toBeLessThan(0.03);
    });

    it('stays near even odds on a handful of decisions and within bounds on one-sided ones', () => {
      expect(estimateReturneeShare([20, 20])).toBeLessThan(0.6);
      expect(estimateReturneeShare([])).toBe(0.5);
      expect(estimateReturneeShare(Array(5000).fill(30))).toBeLessThanOrEqual(ACCURACY_REPORT.shareBounds[1]);
      expect(estimateReturneeShare(Array(5000).fill(null))).toBeGreaterThanOrEqual(
        ACCURACY_REPORT.shareBounds[0],
      );
    });

    it('counts a decision without a candidate as no returnee found', () => {
      expect(returneeProbability(null, 0.3)).toBe(0);
      const withZeros = estimateReturneeShare([...Array(300).fill(25), ...Array(700).fill(0)]);
      const withNulls = estimateReturneeShare([...Array(300).fill(25), ...Array(700).fill(null)]);
      expect(withNulls).toBeCloseTo(0.3, 1);
      expect(withZeros).toBeGreaterThan(withNulls + 0.2);
    });
  });

  describe('changed contacts', () => {
    const ev = (
      outcomes: Partial<Record<string, MatchEvidence['outcome']>>,
    ): { evidence: MatchEvidence[] } => ({
      evidence: ['family_name', 'given_name', 'birth_date', 'email', 'phone', 'employee_number'].map(
        (field) => ({
          field,
          outcome: outcomes[field] ?? 'missing',
          weight: 0,
          detail: '',
        }),
      ),
    });

    it.each<[string, Partial<Record<string, MatchEvidence['outcome']>>, boolean]>([
      ['a new e-mail and a new phone', { family_name: 'agree', email: 'disagree', phone: 'disagree' }, true],
      ['a new e-mail, no phone on file', { email: 'disagree' }, true],
      ['a new phone, the birth date agreeing', { birth_date: 'agree', phone: 'disagree' }, true],
      ['the phone agrees', { email: 'disagree', phone: 'agree' }, false],
      ['a company address agrees', { email: 'partial', phone: 'disagree' }, false],
      ['a claimed employee number agrees', { email: 'disagree', employee_number: 'agree' }, false],
      ['nothing on file to compare', { family_name: 'agree', given_name: 'agree' }, false],
    ])('%s → %s', (_label, outcomes, expected) => expect(contactsChanged(ev(outcomes))).toBe(expected));

    it('weighs a candidate whose contacts all changed below its score, and leaves unknown ones as they were', () => {
      const base = [...times(300, rec('match', 20)), ...times(600, rec('none', -12))];
      const reviews = (candidates: DecisionRecord['candidates']): DecisionRecord[] =>
        times(100, { decision: 'review', score: 1, verdict: null, candidates });
      const changed = accuracyReport([...base, ...reviews([{ score: 1, contactsChanged: true }])]).estimated;
      const kept = accuracyReport([...base, ...reviews([{ score: 1, contactsChanged: false }])]).estimated;
      // Decisions stored before the candidates were kept read from their best score alone.
      expect(accuracyReport([...base, ...reviews(null)]).estimated).toEqual(kept);
      expect(accuracyReport([...base, ...reviews(undefined)]).estimated).toEqual(kept);
      // At a share near a third, 1.5 bits less at score 1 is about 0.2 less likely (0.41 → 0.20).
      expect(changed.reviewPrecision!).toBeLessThan(kept.reviewPrecision! - 0.15);
      expect(ACCURACY_REPORT.contactsChangedWeight).toBeLessThan(0);
    });
  });

  it('expects a returnee behind any candidate shown, and counts as found only the one proposed', () => {
    // A name two former employees share: the applicant is one of them as likely as the best one alone says,
    // twice; the proposal (the best) is right only as often as its own score says.
    const base = [...times(300, rec('match', 20)), ...times(600, rec('none', -12))];
    const twin = (n: number): DecisionRecord[] =>
      times(100, {
        decision: 'review',
        score: 0,
        verdict: null,
        candidates: Array.from({ length: n }, () => ({ score: 0, contactsChanged: false })),
      });
    const one = accuracyReport([...base, ...twin(1)]).estimated;
    const two = accuracyReport([...base, ...twin(2)]).estimated;
    expect(two.expectedReturnees).toBeGreaterThan(one.expectedReturnees + 10);
    expect(two.foundRecall!).toBeLessThan(one.foundRecall!);
    expect(Math.abs(two.reviewPrecision! - one.reviewPrecision!)).toBeLessThan(0.05);
  });

  it('reports nothing it cannot know on an empty tenant', () => {
    const r = accuracyReport([]);
    expect(r.reviewLoad).toBeNull();
    expect(r.estimated.autoPrecision).toBeNull();
    expect(r.estimated.returneeShare).toBeNull();
    expect(r.measured.reviewPrecision).toBeNull();
    expect(r.drift).toEqual([]);
  });
});

describe('budgetOptions: what other review budgets would buy on the same decisions', () => {
  // 100 applicants: 10 flagged, 30 scored below the flag, 60 with no candidate.
  const records = [
    ...times(10, rec('match', 20)),
    ...times(5, rec('review', 4)),
    ...times(5, rec('none', 1)),
    ...times(20, rec('none', -6)),
    ...times(60, rec('none', null)),
  ];
  const share = estimateReturneeShare(records.map((d) => d.score));
  const p = (score: number): number => returneeProbability(score, share);

  it('sends the best-scored applicants not flagged to review up to each share, and prices each budget', () => {
    const [two, five, ten, forty] = budgetOptions(records, [0.1, 0.02, 0.05, 0.4], share);
    expect([two, five, ten, forty].map((b) => [b.share, b.reviews, b.reviewFrom])).toEqual([
      [0.02, 2, 4],
      [0.05, 5, 4],
      [0.1, 10, 1],
      // Only 30 applicants have a candidate and are not flagged: the rest can never be reviewed.
      [0.4, 30, -6],
    ]);
    const expected = 10 * p(20) + 5 * p(4) + 5 * p(1) + 20 * p(-6);
    expect(five.foundRecall).toBeCloseTo((10 * p(20) + 5 * p(4)) / expected, 9);
    expect(five.reviewPrecision).toBeCloseTo(p(4), 9);
    // The five reviews added from 5% to 10% score 1: right as often as a score of 1 says.
    expect(ten.marginalPrecision).toBeCloseTo(p(1), 9);
    expect(ten.reviewPrecision).toBeCloseTo((5 * p(4) + 5 * p(1)) / 10, 9);
    expect(two.marginalPrecision).toBeCloseTo(p(4), 9);
    // Reviewing everyone with a candidate finds everyone expected.
    expect(forty.foundRecall).toBeCloseTo(1, 9);
    expect(forty.marginalPrecision).toBeCloseTo(p(-6), 9);
  });

  it('at the share the matcher spent on its best-scored proposals, agrees with the report', () => {
    const r = accuracyReport(records, [0.05]);
    expect(r.budgets).toHaveLength(1);
    expect(r.budgets[0].foundRecall).toBeCloseTo(r.estimated.foundRecall!, 9);
    expect(r.budgets[0].reviewPrecision).toBeCloseTo(r.estimated.reviewPrecision!, 9);
  });

  it("prices the usual shares by default and HR's own once, in order", () => {
    expect(accuracyReport(records).budgets.map((b) => b.share)).toEqual([...BUDGET_SHARES]);
    // A share whose product with the count is not exact in floating point still gets its reviews.
    expect(budgetOptions(records, [0.29])[0].reviews).toBe(29);
    expect(accuracyReport(records, [...BUDGET_SHARES, 0.05, 0.03]).budgets.map((b) => b.share)).toEqual([
      0.02, 0.03, 0.05, 0.07, 0.1,
    ]);
  });

  it('with no decisions, every budget reviews no one and knows nothing yet', () => {
    expect(accuracyReport([]).budgets).toEqual(
      BUDGET_SHARES.map((s) => ({
        share: s,
        reviews: 0,
        reviewFrom: null,
        foundRecall: null,
        reviewPrecision: null,
        marginalPrecision: null,
      })),
    );
  });

  it('reads changed contacts as the report does (a candidate whose contacts all changed counts less)', () => {
    const changed = (score: number): DecisionRecord => ({
      decision: 'review',
      score,
      verdict: null,
      candidates: [{ score, contactsChanged: true }],
    });
    const [b] = budgetOptions([changed(4), changed(4), ...times(98, rec('none', null))], [0.02]);
    const s = estimateReturneeShare([
      4 + ACCURACY_REPORT.contactsChangedWeight,
      4 + ACCURACY_REPORT.contactsChangedWeight,
      ...Array.from({ length: 98 }, () => null),
    ]);
    expect(b.reviewPrecision).toBeCloseTo(
      returneeProbability(4 + ACCURACY_REPORT.contactsChangedWeight, s),
      9,
    );
  });
});
