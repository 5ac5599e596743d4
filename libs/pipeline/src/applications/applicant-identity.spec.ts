import type { AtsApplication } from '@comeback/ats';
import { applicantIdentityOf } from './applicant-identity';

function app(customFields: Record<string, string | null>): AtsApplication {
  return {
    applicationId: '1',
    candidateId: '2',
    jobId: '3',
    jobName: null,
    currentStageId: null,
    currentStageName: null,
    status: 'active',
    candidate: {
      firstName: '太郎',
      lastName: '山田',
      emails: ['t@example.com'],
      phones: [],
      tags: [],
      customFields,
    },
    workHistory: [],
  };
}

describe('applicantIdentityOf', () => {
  it.each([
    [
      { 'フリガナ（姓）': 'ヤマダ', 'フリガナ（名）': 'タロウ' },
      { lastNameKana: 'ヤマダ', firstNameKana: 'タロウ' },
    ],
    [
      { last_name_kana: 'やまだ', first_name_kana: 'たろう' },
      { lastNameKana: 'やまだ', firstNameKana: 'たろう' },
    ],
    [{ date_of_birth: '1990/4/1' }, { birthDate: '1990-04-01' }],
    [{ 生年月日: '１９９０－０４－０１' }, { birthDate: '1990-04-01' }],
    // Japanese forms: 年月日, an era, digits only; a date exported with its time keeps the date entered.
    [{ 生年月日: '1990年4月1日' }, { birthDate: '1990-04-01' }],
    [{ 生年月日: '平成2年4月1日' }, { birthDate: '1990-04-01' }],
    [{ birthday: '19900401' }, { birthDate: '1990-04-01' }],
    [{ date_of_birth: '1990-04-01T00:00:00.000Z' }, { birthDate: '1990-04-01' }],
    [{ former_employee_number: ' E012345 ' }, { employeeNumber: 'E012345' }],
    [{ 社員番号: 'E1' }, { employeeNumber: 'E1' }],
  ])('reads %j', (fields, expected) => {
    expect(applicantIdentityOf(app(fields))).toMatchObject({
      firstName: '太郎',
      lastName: '山田',
      emails: ['t@example.com'],
      ...expected,
    });
  });

  it('leaves out a birth date that is not a real date, rather than guessing one', () => {
    expect(applicantIdentityOf(app({ 生年月日: '平成2年2月30日' })).birthDate).toBeNull();
    expect(applicantIdentityOf(app({ 生年月日: '不明' })).birthDate).toBeNull();
  });

  it('ignores empty and unrelated fields', () => {
    const id = applicantIdentityOf(app({ hobby: 'go', date_of_birth: null }));
    expect(id.birthDate).toBeUndefined();
    expect(Object.keys(id).sort()).toEqual(['emails', 'firstName', 'lastName', 'phones']);
  });
});
