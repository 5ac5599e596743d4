import type { AtsApplication } from '@comeback/ats';
import { normaliseBirthDate, type ApplicantIdentity } from '@comeback/domain';

// Custom-field names seen in Japanese ATS set-ups for a former surname, the kana reading, date of birth and a
// claimed former employee number. Matched on a normalised key, so "フリガナ（姓）", "last_name_kana" and
// "Furigana Last" all work; tenants with other names can rename their fields. A former surname comes first:
// "旧姓（フリガナ）" is the former surname in kana, not the current one's reading.
type CustomFieldTarget =
  'formerFamilyName' | 'lastNameKana' | 'firstNameKana' | 'birthDate' | 'employeeNumber';
const FIELD_PATTERNS: [CustomFieldTarget, RegExp][] = [
  ['formerFamilyName', /旧姓|前姓|maiden|n[ée]e\b|(former|previous|old|birth).?(sur|family|last).?name/i],
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
    // Employments as the ATS lists them; an entry naming the company is compared with the registry's dates.
    ...(app.workHistory.length > 0 ? { workHistory: app.workHistory } : {}),
  };
  for (const [key, raw] of Object.entries(app.candidate.customFields)) {
    if (!raw?.trim()) continue;
    const name = key.normalize('NFKC');
    for (const [field, pattern] of FIELD_PATTERNS) {
      if (!pattern.test(name)) continue;
      if (field === 'formerFamilyName') {
        identity.formerFamilyNames = [...(identity.formerFamilyNames ?? []), raw.trim()];
        break;
      }
      if (identity[field] === undefined) {
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
