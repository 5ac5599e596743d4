import type { AtsApplication } from '@comeback/ats';
import { normaliseBirthDate, type ApplicantIdentity } from '@comeback/domain';

// Custom-field names seen in Japanese ATS set-ups for the kana reading, date of birth and a claimed
// former employee number. Matched on a normalised key, so "フリガナ（姓）", "last_name_kana" and
// "Furigana Last" all work; tenants with other names can rename their fields.
type CustomFieldTarget = 'lastNameKana' | 'firstNameKana' | 'birthDate' | 'employeeNumber';
const FIELD_PATTERNS: [CustomFieldTarget, RegExp][] = [
  [
    'lastNameKana',
    /(last|family|sei|姓).*(kana|furigana|カナ|かな|ﾌﾘｶﾞﾅ|フリガナ)|(kana|furigana|カナ|フリガナ).*(last|family|姓|セイ)|^セイ$/i,
  ],
  [
    'firstNameKana',
    /(first|given|mei|名).*(kana|furigana|カナ|かな|フリガナ)|(kana|furigana|カナ|フリガナ).*(first|given|名|メイ)|^メイ$/i,
  ],
  ['birthDate', /birth|dob|生年月日|誕生日/i],
  ['employeeNumber', /employee.?(number|no|id)|former.?employee|社員番号|従業員番号/i],
];

/** What the matcher gets from an ATS application: names, contacts and whatever custom fields add. */
export function applicantIdentityOf(app: AtsApplication): ApplicantIdentity {
  const identity: ApplicantIdentity = {
    firstName: app.candidate.firstName,
    lastName: app.candidate.lastName,
    emails: app.candidate.emails,
    phones: app.candidate.phones,
  };
  for (const [key, raw] of Object.entries(app.candidate.customFields)) {
    if (!raw) continue;
    const name = key.normalize('NFKC');
    for (const [field, pattern] of FIELD_PATTERNS) {
      if (identity[field] === undefined && pattern.test(name)) {
        (identity as Record<string, unknown>)[field] =
          field === 'birthDate' ? normaliseBirthDate(raw) : raw.trim();
        break;
      }
    }
  }
  return identity;
}

export function displayName(app: AtsApplication): string {
  return [app.candidate.lastName, app.candidate.firstName].filter(Boolean).join(' ');
}
