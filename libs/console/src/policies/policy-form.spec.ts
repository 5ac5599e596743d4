import { validateEligibilityPolicy } from '@comeback/domain';
import defaultPolicy from '../../../../config/eligibility-policy.default.json';
import {
  documentFromPolicyForm,
  EMPTY_OVERRIDE,
  fieldOfPointer,
  policyFormFromDocument,
  policyFormFromPost,
} from './policy-form';

describe('the eligibility policy as a form', () => {
  it('round-trips the shipped policy: form fields back to the same document', () => {
    const form = policyFormFromDocument(defaultPolicy);
    expect(form.minTenureMonths).toBe('36');
    expect(form.excludedReasons).toEqual(['disciplinary_dismissal']);
    expect(documentFromPolicyForm(defaultPolicy, form)).toEqual(defaultPolicy);
  });

  it('edits a rule, switches one off and adds a department override; the validator accepts it', () => {
    const form = policyFormFromPost(
      {
        ...policyFormFromDocument(defaultPolicy),
        minTenureMonths: '60',
        coolingOffMonths: '',
        excludedReasons: 'disciplinary_dismissal',
        rehireAccepted: ['yes', 'conditional'],
      },
      [
        { ...EMPTY_OVERRIDE, id: 'managers', jobLevelPrefixes: 'M, 部長', minTenureMonths: '120' },
        { ...EMPTY_OVERRIDE, id: 'gone', departments: '営業部', remove: '1' },
      ],
    );
    const doc = documentFromPolicyForm(defaultPolicy, form) as any;
    expect(doc.rules.minTenureMonths).toEqual({
      comment: defaultPolicy.rules.minTenureMonths.comment,
      months: 60,
    });
    expect(doc.rules.coolingOffMonths).toBeUndefined();
    expect(doc.overrides).toEqual([
      {
        id: 'managers',
        scope: { jobLevelPrefixes: ['M', '部長'] },
        rules: { minTenureMonths: { months: 120 } },
      },
    ]);
    expect(doc.tiers).toEqual(defaultPolicy.tiers); // what the form does not show is kept
    expect(validateEligibilityPolicy(doc).ok).toBe(true);
  });

  it('keeps a wrong value as typed so the validator names its field, and maps every pointer to a field', () => {
    const form = { ...policyFormFromDocument(defaultPolicy), minTenureMonths: 'three years' };
    form.overrides = [{ ...EMPTY_OVERRIDE, id: 'empty-scope' }];
    const r = validateEligibilityPolicy(documentFromPolicyForm(defaultPolicy, form));
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : r.problems.map((p) => fieldOfPointer(p.path));
    expect(fields).toContain('minTenureMonths');
    expect(fields.some((f) => f?.startsWith('ov-0-'))).toBe(true);
    expect(fieldOfPointer('/rules/maxMonthsSinceDeparture/tier')).toBe('maxTier');
    expect(fieldOfPointer('/rules/rehireRecommendation/accepted/0')).toBe('rehireAccepted');
    expect(fieldOfPointer('/overrides/2/scope/departments/0')).toBe('ov-2-departments');
    expect(fieldOfPointer('/overrides/1/rules/minTenureMonths/months')).toBe('ov-1-minTenureMonths');
    expect(fieldOfPointer('/tiers/full/skipStages')).toBeNull();
  });
});
