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

  it('ignores empty and unrelated fields', () => {
    const id = applicantIdentityOf(app({ hobby: 'go', date_of_birth: null }));
    expect(id.birthDate).toBeUndefined();
    expect(Object.keys(id).sort()).toEqual(['emails', 'firstName', 'lastName', 'phones']);
  });
});
