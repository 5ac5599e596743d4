import {
  composeDisclosureReport,
  DisclosureInput,
  HireFact,
  median,
  protectFigures,
  quartersOf,
  stayedTwelveMonths,
} from './disclosure-report';
import { daysSavedBySkipping, daysBetween } from './time-saved';
import { planReonboardingTasks } from './reonboarding-plan';

const hire = (hiredAt: string, returnee: boolean, extra: Partial<HireFact> = {}): HireFact => ({
  hiredAt,
  returnee,
  fastTracked: returnee,
  daysToOffer: null,
  daysSaved: 0,
  compaRatio: null,
  incumbentCompaRatio: null,
  ...extra,
});

/**
 * The fixture, computed by hand:
 * - 2026: 6 returnee hires (Q1: 3, Q2: 3) and 14 other hires (Q1: 6, Q2: 8) → 20 hires, share 6/20 = 30.0%.
 *   Q1: 9 hires of which 3 returnees (hidden: 3 < 5, so Q1's 6 others are hidden too, else 9 − 6 = 3);
 *   Q2: 11 hires, 3 returnees (hidden; the 8 others hidden with it). Across quarters the hidden returnee
 *   cells (3, 3) add up to the shown 6: two unknowns, nothing derivable. Q3 and Q4: 0 hires, shown.
 * - Returnee days to offer 10, 12, 14, 20, 30, 40 → median (14 + 20) / 2 = 17.0; others: 14 values 30..43 →
 *   median (36 + 37) / 2 = 36.5. Days saved 14 each (two skipped stages × 7) → 84.
 * - Compa-ratios of returnees 0.95, 0.97, 1.00, 1.02, 1.04, 1.10 → median 1.01; incumbents' 1.00 × 6 → 1.00.
 * - Registry 1,000 alumni, 640 consented → 64.0%.
 * - Retention: 7 returnees hired in 2025, one left after 5 months, one after 13 → 6 stayed, 1 left: the 1
 *   is hidden, so the 6 is hidden too (7 − 6 = 1) and the rate with it.
 */
const FIXTURE: DisclosureInput = {
  from: '2026-01-01',
  to: '2027-01-01',
  registry: { alumni: 1000, consented: 640 },
  funnel: { sent: 40, opened: 25, applied: 9, fastTracked: 7, hired: 3 },
  returneeApplications: 11,
  fastTracked: 8,
  hires: [
    ...[10, 12, 14].map((d, i) =>
      hire(`2026-0${i + 1}-15T00:00:00Z`, true, {
        daysToOffer: d,
        daysSaved: 14,
        compaRatio: [0.95, 0.97, 1.0][i],
        incumbentCompaRatio: 1,
      }),
    ),
    ...[20, 30, 40].map((d, i) =>
      hire(`2026-0${i + 4}-15T00:00:00Z`, true, {
        daysToOffer: d,
        daysSaved: 14,
        compaRatio: [1.02, 1.04, 1.1][i],
        incumbentCompaRatio: 1,
      }),
    ),
    ...Array.from({ length: 14 }, (_, i) =>
      hire(i < 6 ? '2026-02-01T00:00:00Z' : '2026-05-01T00:00:00Z', false, { daysToOffer: 30 + i }),
    ),
  ],
  retention: [
    ...Array.from({ length: 5 }, () => ({ hiredAt: '2025-03-01', leftAt: null })),
    { hiredAt: '2025-03-01', leftAt: '2025-08-01' },
    { hiredAt: '2025-03-01', leftAt: '2026-04-01' },
  ],
};

describe('composeDisclosureReport on the hand-computed fixture', () => {
  const r = composeDisclosureReport(FIXTURE);

  it.each([
    ['registry.alumni', r.registry.alumni, 1000],
    ['registry.consented', r.registry.consented, 640],
    ['registry.consentRatePercent', r.registry.consentRatePercent, 64],
    ['hires.all', r.hires.all, 20],
    ['hires.returnee', r.hires.returnee, 6],
    ['hires.returneeSharePercent', r.hires.returneeSharePercent, 30],
    ['returneeApplications', r.returneeApplications, 11],
    ['fastTracked', r.fastTracked, 8],
    ['payParity.returneeMedianCompaRatio', r.payParity.returneeMedianCompaRatio, 1.01],
    ['payParity.incumbentMedianCompaRatio', r.payParity.incumbentMedianCompaRatio, 1],
    ['timeSaved.totalDaysSaved', r.timeSaved.totalDaysSaved, 84],
    ['timeSaved.returneeMedianDaysToOffer', r.timeSaved.returneeMedianDaysToOffer, 17],
    ['timeSaved.otherMedianDaysToOffer', r.timeSaved.otherMedianDaysToOffer, 36.5],
  ])('%s', (_name, figure, value) => {
    expect(figure).toEqual({ value, suppressed: false });
  });

  it('funnel: counts of 5 or more shown, the 3 hired hidden', () => {
    expect(r.funnel).toEqual({
      sent: { value: 40, suppressed: false },
      opened: { value: 25, suppressed: false },
      applied: { value: 9, suppressed: false },
      fastTracked: { value: 7, suppressed: false },
      hired: { value: null, suppressed: true },
    });
  });

  it('quarters: small returnee cells hidden with their complements; empty quarters shown as 0', () => {
    expect(r.quarters.map((q) => [q.quarter, q.allHires.value, q.returneeHires.value])).toEqual([
      ['2026-Q1', 9, null],
      ['2026-Q2', 11, null],
      ['2026-Q3', 0, 0],
      ['2026-Q4', 0, 0],
    ]);
  });

  it('retention: one leaver hides the stayers and the rate (7 − 6 = 1)', () => {
    expect(r.retention).toEqual({
      cohort: { value: 7, suppressed: false },
      stayed: { value: null, suppressed: true },
      ratePercent: { value: null, suppressed: true },
    });
  });

  it('no invitation source → funnel null (not zeros); no leave dates → retention null', () => {
    const r2 = composeDisclosureReport({ ...FIXTURE, funnel: null, retention: null });
    expect(r2.funnel).toBeNull();
    expect(r2.retention).toBeNull();
  });
});

describe('the privacy rule on small groups', () => {
  it('4 returnee hires among 30: the count, the share, the medians and the time saved are all hidden', () => {
    const hires = [
      ...Array.from({ length: 4 }, () =>
        hire('2026-01-10T00:00:00Z', true, { daysToOffer: 9, daysSaved: 7, compaRatio: 1 }),
      ),
      ...Array.from({ length: 26 }, () => hire('2026-01-10T00:00:00Z', false, { daysToOffer: 30 })),
    ];
    const r = composeDisclosureReport({ ...FIXTURE, from: '2026-01-01', to: '2026-04-01', hires });
    expect(r.hires.returnee.suppressed).toBe(true);
    expect(r.hires.returneeSharePercent.suppressed).toBe(true);
    expect(r.payParity.returneeMedianCompaRatio.suppressed).toBe(true);
    expect(r.timeSaved.totalDaysSaved.suppressed).toBe(true);
    expect(r.timeSaved.returneeMedianDaysToOffer.suppressed).toBe(true);
    // 30 hires shown, 26 others never shown, the quarter (= the period) hides its returnee cell as well.
    expect(r.hires.all).toEqual({ value: 30, suppressed: false });
    expect(r.quarters[0].returneeHires.suppressed).toBe(true);
  });

  it('all hires 3 → every hire figure hidden; a tenant minimum of 10 hides 6', () => {
    const three = Array.from({ length: 3 }, () => hire('2026-01-10T00:00:00Z', true));
    expect(composeDisclosureReport({ ...FIXTURE, hires: three }).hires.all.suppressed).toBe(true);
    const six = Array.from({ length: 6 }, () => hire('2026-01-10T00:00:00Z', true));
    const r = composeDisclosureReport({ ...FIXTURE, hires: six, minCohort: 10 });
    expect(r.minCohort).toBe(10);
    expect(r.hires.returnee.suppressed).toBe(true);
    expect(composeDisclosureReport({ ...FIXTURE, hires: six, minCohort: 2 }).minCohort).toBe(5);
  });

  it('no hidden figure is derivable by subtraction: 996 alumni, 994 consented hides both parts', () => {
    const r = composeDisclosureReport({ ...FIXTURE, registry: { alumni: 996, consented: 994 } });
    expect(r.registry.alumni).toEqual({ value: 996, suppressed: false });
    expect(r.registry.consented.suppressed).toBe(true);
    expect(r.registry.consentRatePercent.suppressed).toBe(true);
  });

  it.each([
    // values, sums, expected visibility
    [[10, 7, 3], [{ total: 0, parts: [1, 2] }], [true, false, false]],
    [[10, 10, 0], [{ total: 0, parts: [1, 2] }], [true, true, true]],
    [[4, 4, 0], [{ total: 0, parts: [1, 2] }], [false, false, true]],
    [[12, 6, 5, 1], [{ total: 0, parts: [1, 2, 3] }], [true, true, false, false]],
    // a hidden total whose parts are all shown would be their sum
    [[7, 0, 7], [{ total: 0, parts: [1, 2] }], [true, true, true]],
  ])('protectFigures(%j)', (values, sums, expected) => {
    expect(protectFigures(values, sums, 5)).toEqual(expected);
  });
});

describe('helpers', () => {
  it('median, quarters, twelve months, days', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(quartersOf('2026-02-01', '2026-08-01')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(stayedTwelveMonths({ hiredAt: '2025-03-01', leftAt: '2026-03-01' })).toBe(true);
    expect(stayedTwelveMonths({ hiredAt: '2025-03-01', leftAt: '2026-02-28' })).toBe(false);
    expect(daysBetween(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-11T12:00:00Z'))).toBe(10.5);
    expect(
      daysSavedBySkipping([
        { id: 'a', name: '書類選考' },
        { id: 'b', name: '一次面接' },
      ]),
    ).toBe(14);
    expect(daysSavedBySkipping([{ id: 'a', name: '書類選考' }], { 書類選考: 3 })).toBe(3);
  });

  it('re-onboarding tasks: the checklist dated from the first day (or hire + 30 days)', () => {
    const t = planReonboardingTasks('2026-12-01', '2027-01-05');
    expect(t.map((x) => [x.key, x.dueOn])).toEqual([
      ['before_day_1:1', '2026-12-29'],
      ['before_day_1:2', '2026-12-29'],
      ['day_1:1', '2027-01-05'],
      ['day_30:1', '2027-02-04'],
      ['day_60:1', '2027-03-06'],
      ['day_90:1', '2027-04-05'],
    ]);
    expect(t.every((x) => x.item.ja && x.item.en)).toBe(true);
    const noStart = planReonboardingTasks('2026-12-01', null);
    expect(noStart.find((x) => x.when === 'day_1')!.dueOn).toBe('2026-12-31');
    // A first day within the week: the "before" tasks fall due on the hire date, never before it.
    expect(planReonboardingTasks('2026-12-01', '2026-12-03')[0].dueOn).toBe('2026-12-01');
  });
});
