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
    // A former surname field, whatever the form calls it; its kana is the former surname too.
    [{ 旧姓: '佐藤' }, { formerFamilyNames: ['佐藤'] }],
    [{ '旧姓（フリガナ）': 'サトウ', 旧姓: ' 佐藤 ' }, { formerFamilyNames: ['サトウ', '佐藤'] }],
    [{ 'Maiden name': 'Sato' }, { formerFamilyNames: ['Sato'] }],
    [{ previous_last_name: 'Sato' }, { formerFamilyNames: ['Sato'] }],
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

  it('a former surname field is not the current surname’s reading or a former employee number', () => {
    const id = applicantIdentityOf(app({ '旧姓（フリガナ）': 'サトウ', former_employee_number: 'E9' }));
    expect(id).toMatchObject({ formerFamilyNames: ['サトウ'], employeeNumber: 'E9' });
    expect(id.lastNameKana).toBeUndefined();
  });

  it('ignores empty and unrelated fields', () => {
    const id = applicantIdentityOf(app({ hobby: 'go', date_of_birth: null, 旧姓: ' ' }));
    expect(id.birthDate).toBeUndefined();
    expect(Object.keys(id).sort()).toEqual(['emails', 'firstName', 'lastName', 'phones']);
  });

  it('passes the work history on as the ATS listed it (the matcher compares entries naming the company)', () => {
    const history = [
      { company: '株式会社北星商事', title: '営業', startDate: '2015-04-01', endDate: '2019-03-31' },
      { company: 'Aozora Systems', title: null, startDate: '2019-04-01', endDate: null },
    ];
    expect(applicantIdentityOf({ ...app({}), workHistory: history }).workHistory).toEqual(history);
    expect(applicantIdentityOf(app({}))).not.toHaveProperty('workHistory');
  });
});
