import { CANONICAL_COLUMNS, JAPANESE_HEADER_ALIASES, resolveHeader } from './alumni-csv-columns';

describe('resolveHeader', () => {
  it.each([
    ['employee_number', 'employee_number'],
    ['\uFEFFemployee_number', 'employee_number'],
    ['  hire_date ', 'hire_date'],
    ['Employee Number', 'employee_number'],
    ['ＥＭＰＬＯＹＥＥ＿ＮＵＭＢＥＲ', 'employee_number'],
    ['社員番号', 'employee_number'],
    ['\uFEFF社員番号', 'employee_number'],
    ['姓', 'family_name'],
    ['名', 'given_name'],
    ['姓（カナ）', 'family_name_kana'],
    ['姓(カナ)', 'family_name_kana'],
    ['姓 (ｶﾅ)', 'family_name_kana'],
    ['セイ', 'family_name_kana'],
    ['ｾｲ', 'family_name_kana'],
    ['名（カナ）', 'given_name_kana'],
    ['名(カナ)', 'given_name_kana'],
    ['メイ', 'given_name_kana'],
    ['旧姓', 'previous_family_names'],
    ['生年月日', 'birth_date'],
    ['メールアドレス', 'emails'],
    ['電話番号', 'phones'],
    ['入社日', 'hire_date'],
    ['退職日', 'leave_date'],
    ['退職理由', 'departure_reason'],
    ['再雇用推奨', 'rehire_recommendation'],
    ['部署', 'department'],
    ['役職', 'job_title'],
    ['等級', 'job_level'],
    ['最終基本給（年額）', 'last_base_salary'],
    ['最終基本給(年額)', 'last_base_salary'],
    ['人事評価', 'performance_ratings'],
    ['スキル', 'skills'],
    ['アルムナイ登録', 'network_opt_in'],
  ])('%j → %s', (raw, expected) => {
    expect(resolveHeader(raw)).toBe(expected);
  });

  it.each(['', '  ', 'nickname', '姓名', 'カナ'])('%j is unknown', (raw) => {
    expect(resolveHeader(raw)).toBeNull();
  });

  it('resolves every canonical name and alias to its own column (no collisions)', () => {
    for (const column of CANONICAL_COLUMNS) {
      expect(resolveHeader(column)).toBe(column);
      for (const alias of JAPANESE_HEADER_ALIASES[column]) expect(resolveHeader(alias)).toBe(column);
    }
  });

  it('keeps the column order the reader relies on', () => {
    expect(CANONICAL_COLUMNS.join(',')).toBe(
      'employee_number,family_name,given_name,family_name_kana,given_name_kana,previous_family_names,birth_date,' +
        'emails,phones,hire_date,leave_date,departure_reason,rehire_recommendation,department,job_title,job_level,' +
        'last_base_salary,performance_ratings,skills,network_opt_in',
    );
  });
});
