import { fairnessResultForViewer, type FairnessCheckResult } from '../compensation';
import { DEPARTURE_REASON_CODES, DEPARTURE_REASON_LABELS_JA } from '../eligibility';
import type { BriefingInput, BriefingViewerRole } from './briefing.types';
import { changesSinceLeaving, composeBriefing, monthsText } from './compose-briefing';
import { departureCategory } from './departure-category';
import { performanceLevel, performanceTrend } from './performance-trend';

const fairness = (over: Partial<FairnessCheckResult> = {}): FairnessCheckResult => ({
  result: 'warn',
  reasons: [
    {
      code: 'returnee_penalty',
      basis: 'prior_salary',
      severity: 'warn',
      message: 'The offer is below the prior internal salary.',
      detail: 'Offer 6,000,000 is below the prior salary 6,200,000 (adjusted 6,350,000).',
      usesCohortStatistics: false,
    },
  ],
  position: { percentile: 41.5, compaRatio: 0.95, rangePenetration: 0.35 },
  cohort: {
    scope: 'family_level_location',
    n: 40,
    snapshotId: 's1',
    snapshotEffectiveDate: '2026-01-01',
    fellBack: false,
    statistics: {
      min: 5_100_000,
      max: 7_900_000,
      mean: 6_400_000,
      p10: 5_400_000,
      p25: 5_900_000,
      p50: 6_300_000,
      p75: 6_800_000,
      p90: 7_300_000,
    },
  },
  returnee: {
    priorSalary: 6_200_000,
    priorSalaryAdjustedForWageGrowth: 6_350_000,
    wageGrowthSinceLeaving: 0.024,
  },
  notRun: [],
  privacy: { cohortStatisticsRestricted: false, minCohort: 5 },
  ...over,
});

function input(
  over: { departureReason?: string; ratings?: { year: number; rating: string }[] } = {},
  role: BriefingViewerRole = 'hiring_manager',
): BriefingInput {
  const result = fairness();
  return {
    asOf: '2026-04-01',
    application: {
      ats: 'greenhouse',
      applicationId: '101',
      candidateId: '55',
      jobId: '7',
      jobName: 'Backend',
      candidateName: 'Taro YAMADA',
      currentStageName: '二次面接',
      outcome: 'fast_tracked',
      tier: 'full',
      policyVersion: 3,
      recruiterSummary: 'Former employee: eligible for the returnee fast track (full).',
      fastTrack: {
        action: 'move',
        reason: 'moved',
        targetStage: { id: 's3', name: '二次面接' },
        skipped: [
          { id: 's1', name: '書類選考' },
          { id: 's2', name: '一次面接' },
        ],
      },
      workHistory: [
        { company: 'Acme KK', title: 'Staff Engineer', startDate: '2022-06-01', endDate: null },
        'junk',
        { foo: 1 },
      ],
      ruleResults: [
        {
          rule: 'excluded_departure_reasons',
          passed: true,
          detail: `reason ${over.departureReason ?? 'voluntary_career'} not excluded`,
        },
      ],
    },
    atsApplicationUrl: 'https://app.greenhouse.io/people/55?application_id=101',
    returnee: {
      employeeNumber: 'E1',
      familyName: '山田',
      givenName: '太郎',
      familyNameKana: 'ヤマダ',
      givenNameKana: 'タロウ',
      hireDate: '2012-04-01',
      leaveDate: '2022-03-31',
      department: '研究開発部',
      jobTitle: '主任',
      jobLevel: 'G3',
      departureReason: over.departureReason ?? 'voluntary_career',
      rehireRecommendation: 'yes',
      performanceRatings: over.ratings ?? [
        { year: 2021, rating: 'A' },
        { year: 2022, rating: 'S' },
      ],
      lastBaseSalary: 6_200_000,
      skills: ['Go', 'PostgreSQL'],
    },
    targetDepartment: null,
    changes: [
      {
        id: 'c1',
        department: '研究開発部',
        effectiveDate: '2021-10-01',
        category: 'tool',
        title: 'Old change before leaving',
        body: '',
      },
      {
        id: 'c2',
        department: '研究開発部',
        effectiveDate: '2023-04-01',
        category: 'reorganisation',
        title: 'R&D split into two units',
        body: 'Platform and Product',
      },
      {
        id: 'c3',
        department: null,
        effectiveDate: '2024-01-01',
        category: 'rule',
        title: 'Hybrid work rule',
        body: '',
      },
      {
        id: 'c4',
        department: '営業部',
        effectiveDate: '2024-02-01',
        category: 'leader',
        title: 'New head of sales',
        body: '',
      },
    ],
    offer: {
      kind: 'what_if',
      amount: 6_000_000,
      result: 'warn',
      createdAt: '2026-03-30T00:00:00.000Z',
      approvalRequired: true,
      approved: false,
      fairness: fairnessResultForViewer(result, role),
    },
    applicantSkills: ['Go', 'Kubernetes', 'kubernetes '],
  };
}

// A category may share its name with a code (relocation, health, …): that is the category, which the viewer may
// see. Codes that a category hides (childcare vs caregiving, the dismissals) and every Japanese label must not appear.
const CATEGORIES = [
  'career',
  'relocation',
  'study',
  'contract_end',
  'restructuring',
  'retirement',
  'other',
  'personal',
];
const allReasonTokens = [
  ...DEPARTURE_REASON_CODES.filter((c) => !CATEGORIES.includes(c)),
  ...Object.values(DEPARTURE_REASON_LABELS_JA),
];

describe('composeBriefing', () => {
  it('composes who, before, away, changes, fast track, offer, focus and checklist', () => {
    const b = composeBriefing(input({}, 'hr_admin'), { role: 'hr_admin' });
    expect(b.who).toMatchObject({
      name: '山田 太郎',
      nameKana: 'ヤマダ タロウ',
      employeeNumber: 'E1',
      atsApplicationUrl: expect.stringContaining('application_id=101'),
    });
    expect(b.before).toMatchObject({
      hireDate: '2012-04-01',
      leaveDate: '2022-03-31',
      tenureMonths: 119,
      department: '研究開発部',
      jobLevel: 'G3',
    });
    expect(b.before?.tenure).toEqual({ en: '9 years 11 months', ja: '9年11か月' });
    expect(b.before?.rehireRecommendation.code).toBe('yes');
    expect(b.away.months).toBe(48);
    expect(b.away.workHistory).toEqual([
      { company: 'Acme KK', title: 'Staff Engineer', startDate: '2022-06-01', endDate: null },
    ]);
    expect(b.away.newSkills).toEqual(['Kubernetes']);
    expect(b.changes.items.map((c) => c.id)).toEqual(['c2', 'c3']);
    expect(b.fastTrack).toMatchObject({
      skippedStages: ['書類選考', '一次面接'],
      targetStage: '二次面接',
      policyVersion: 3,
    });
    expect(b.fastTrack.text.en).toContain('policy v3');
    expect(b.departure).toMatchObject({ category: 'career', reasonCode: 'voluntary_career' });
    expect(b.departure?.retentionNote?.en).toMatch(/growth path/);
    expect(b.interviewFocus.length).toBeGreaterThanOrEqual(3);
    expect(b.reonboarding.map((r) => r.when)).toEqual(expect.arrayContaining(['day_30', 'day_60', 'day_90']));
    expect(b.reonboarding.some((r) => /buddy/.test(r.item.en) && /バディ/.test(r.item.ja))).toBe(true);
  });

  it('gives hr_admin raw ratings, the reason code, the salary, the offer amount and the full fairness result', () => {
    const b = composeBriefing(input({}, 'hr_admin'), { role: 'hr_admin' });
    expect(b.before?.performance?.ratings).toEqual([
      { year: 2021, rating: 'A' },
      { year: 2022, rating: 'S' },
    ]);
    expect(b.before?.lastBaseSalary).toBe(6_200_000);
    expect(b.offer).toMatchObject({
      status: 'checked',
      result: 'warn',
      amount: 6_000_000,
      approval: 'pending',
    });
    expect(b.offer.fairness?.view).toBe('full');
    expect(b.fastTrack.ruleResults).toBeDefined();
  });

  it('a hiring manager’s briefing never contains the departure reason code, a salary or a raw rating', () => {
    for (const reason of DEPARTURE_REASON_CODES) {
      const b = composeBriefing(
        input({
          departureReason: reason,
          ratings: [
            { year: 2021, rating: 'B' },
            { year: 2022, rating: 'C' },
          ],
        }),
        { role: 'hiring_manager' },
      );
      const json = JSON.stringify(b);
      for (const token of allReasonTokens) expect(json).not.toContain(token);
      expect(json).not.toMatch(/6200000|6,200,000|6000000|6,000,000|6350000|7300000/);
      expect(json).not.toMatch(/"rating"|ratings|ruleResults|lastBaseSalary|"amount"|reasonCode/);
      expect(b.before?.performance).toEqual({
        level: 'below',
        direction: 'declining',
        text: { en: 'Below expectations (declining)', ja: '期待を下回る（低下傾向）' },
      });
      expect(b.offer).toEqual(
        expect.objectContaining({
          result: 'warn',
          // A reason resting on the returnee's prior pay is HR-only (issue 12 #3).
          reasons: [],
        }),
      );
    }
  });

  it('never gives a dismissal detail to non-HR: one "personal" bucket for hiring managers, nothing for recruiters', () => {
    for (const role of ['hiring_manager', 'recruiter'] as const) {
      for (const reason of ['disciplinary_dismissal', 'performance_dismissal', '懲戒解雇']) {
        const b = composeBriefing(input({ departureReason: reason }, role), { role });
        if (role === 'recruiter') expect(b.departure).toBeNull();
        else
          expect(b.departure).toEqual(
            composeBriefing(input({ departureReason: 'childcare' }, role), { role }).departure,
          );
        expect(JSON.stringify(b)).not.toMatch(/dismiss|懲戒|解雇/i);
      }
    }
    expect(
      composeBriefing(input({ departureReason: 'disciplinary_dismissal' }, 'hr_admin'), { role: 'hr_admin' })
        .departure?.reasonCode,
    ).toBe('disciplinary_dismissal');
  });

  it('gives a recruiter no performance at all, no salary and no reason code', () => {
    const b = composeBriefing(input({}, 'recruiter'), { role: 'recruiter' });
    expect(b.before?.performance).toBeUndefined();
    const json = JSON.stringify(b);
    expect(json).not.toMatch(/6200000|6000000|voluntary_career|転職・キャリア|expectations|"rating"/);
    expect(b.fastTrack.recruiterSummary).toContain('eligible');
  });

  it('gives a recruiter no offer outcome, even when one was checked (recruiters get no pay data)', () => {
    const b = composeBriefing(input({}, 'recruiter'), { role: 'recruiter' });
    expect(b.offer.status).toBe('none');
    expect(b.offer.result).toBeUndefined();
    expect(b.offer.reasons).toEqual([]);
    expect(b.offer.text.ja).toContain('オファー');
  });
});

describe('briefing parts', () => {
  it('maps reasons to categories', () => {
    expect(departureCategory('childcare')).toBe('family');
    expect(departureCategory('介護')).toBe('family');
    expect(departureCategory('relocation')).toBe('relocation');
    expect(departureCategory('nonsense')).toBe('other');
  });

  it('derives coarse levels and a direction', () => {
    expect(['S', 'A+', '5', '4', 'exceeds'].map(performanceLevel)).toEqual([
      'above',
      'above',
      'above',
      'above',
      'above',
    ]);
    expect(['B', '3', 'meets'].map(performanceLevel)).toEqual(['at', 'at', 'at']);
    expect(['C', 'D', '2', '1'].map(performanceLevel)).toEqual(['below', 'below', 'below', 'below']);
    expect(performanceLevel('?')).toBe('unknown');
    expect(performanceTrend([]).level).toBe('unknown');
    expect(
      performanceTrend([
        { year: 2022, rating: 'A' },
        { year: 2021, rating: 'B' },
      ]).direction,
    ).toBe('improving');
  });

  it('filters changes to after leaving and to the department (company-wide always)', () => {
    const items = [
      {
        id: '1',
        department: null,
        effectiveDate: '2020-01-01',
        category: 'rule' as const,
        title: 'a',
        body: '',
      },
      {
        id: '2',
        department: 'Ｒ＆Ｄ',
        effectiveDate: '2023-01-01',
        category: 'tool' as const,
        title: 'b',
        body: '',
      },
      {
        id: '3',
        department: 'Sales',
        effectiveDate: '2023-01-01',
        category: 'tool' as const,
        title: 'c',
        body: '',
      },
    ];
    expect(changesSinceLeaving(items, '2022-03-31', 'r&d').map((c) => c.id)).toEqual(['2']);
    expect(changesSinceLeaving(items, null, null).map((c) => c.id)).toEqual(['1']);
  });

  it('formats durations and ATS links', () => {
    expect(monthsText(0)).toEqual({ en: '0 months', ja: '0か月' });
    expect(monthsText(13)).toEqual({ en: '1 year 1 month', ja: '1年1か月' });
    expect(monthsText(24)).toEqual({ en: '2 years', ja: '2年' });
  });
});
