import { evaluateEligibility, type EligibilityPolicy, type FastTrackPlan } from '@comeback/domain';
import defaultPolicy from '../../../../config/eligibility-policy.default.json';
import { ATS_NOTE_TEXTS, noteLanguageOf } from './ats-note-texts';
import { composeRecruiterNote } from './recruiter-note';

const policy = { ...defaultPolicy, overrides: [] } as unknown as EligibilityPolicy;
const eligible = evaluateEligibility(
  {
    employeeNumber: 'E1',
    hireDate: '2012-04-01',
    leaveDate: '2022-03-31',
    departureReason: 'voluntary_career',
    rehireRecommendation: 'yes',
  },
  policy,
  { asOf: '2026-01-10' },
);
const dismissed = evaluateEligibility(
  {
    employeeNumber: 'E2',
    hireDate: '2008-04-01',
    leaveDate: '2021-06-30',
    departureReason: 'disciplinary_dismissal',
    rehireRecommendation: 'no',
  },
  policy,
  { asOf: '2026-01-10' },
);
const moved: FastTrackPlan = {
  action: 'move',
  reason: 'ok',
  targetStage: { id: '3', name: '二次面接' },
  skipped: [
    { id: '1', name: '書類選考' },
    { id: '2', name: '一次面接' },
  ],
};
const url = 'https://comeback.example/console/briefings/greenhouse/1';

describe('the automatic recruiter note, in the tenant’s language', () => {
  it('Japanese: the summary, the stages skipped and the briefing link, no English sentence', () => {
    const note = composeRecruiterNote({
      language: 'ja',
      evaluation: eligible,
      plan: moved,
      policyVersion: 3,
      briefingUrl: url,
    });
    expect(note).toBe(
      [
        '[Comeback] 元社員 — カムバック採用のファストトラック対象です（full）。',
        'ファストトラック: 「書類選考」、「一次面接」を省略し、「二次面接」に進めました（適格性ポリシー v3）。',
        `アルムナイ説明資料: ${url}`,
      ].join('\n'),
    );
    expect(note).not.toMatch(/Fast track|Former employee|briefing:/);
  });

  it('English: the same facts in English only', () => {
    const note = composeRecruiterNote({
      language: 'en',
      evaluation: eligible,
      plan: moved,
      policyVersion: 3,
      briefingUrl: url,
    });
    expect(note).toBe(
      [
        '[Comeback] Former employee — eligible for the returnee fast track (full).',
        'Fast track: moved to "二次面接", skipping "書類選考", "一次面接" (eligibility policy v3).',
        `Returnee briefing: ${url}`,
      ].join('\n'),
    );
    expect(note).not.toMatch(/元社員|省略/);
  });

  it('an eligible returnee not moved says why in words, never as a raw code', () => {
    const plan: FastTrackPlan = { action: 'none', reason: 'current_stage_protected', skipped: [] };
    const ja = composeRecruiterNote({
      language: 'ja',
      evaluation: eligible,
      plan,
      policyVersion: 1,
      briefingUrl: url,
    });
    const en = composeRecruiterNote({
      language: 'en',
      evaluation: eligible,
      plan,
      policyVersion: 1,
      briefingUrl: url,
    });
    expect(ja).toContain('現在の選考段階は保護されています');
    expect(en).toContain('the current stage is protected');
    expect(ja + en).not.toContain('current_stage_protected');
  });

  it('an ineligible returnee: contact HR, never the cause, in either language', () => {
    const plan: FastTrackPlan = { action: 'none', reason: 'not_eligible', skipped: [] };
    for (const language of ['ja', 'en'] as const) {
      const note = composeRecruiterNote({
        language,
        evaluation: dismissed,
        plan,
        policyVersion: 1,
        briefingUrl: url,
      });
      expect(note).toMatch(language === 'ja' ? /人事にお問い合わせください/ : /contact HR/);
      expect(note).not.toMatch(/disciplin|dismiss|懲戒|解雇/i);
    }
  });

  it('both languages have every text; an unknown setting means Japanese', () => {
    expect(Object.keys(ATS_NOTE_TEXTS.ja).sort()).toEqual(Object.keys(ATS_NOTE_TEXTS.en).sort());
    expect(noteLanguageOf(undefined)).toBe('ja');
    expect(noteLanguageOf('fr')).toBe('ja');
    expect(noteLanguageOf('en')).toBe('en');
  });
});
