/*
 * What each piece of match evidence says, in English and Japanese. The matcher records a reason code and the
 * facts it rests on (how rare the name is, whether a former surname was used, which notes apply); the English
 * text is the API's `detail`, and the console shows the reviewer's language. One table, so the two cannot drift.
 */

export const EVIDENCE_REASONS = [
  'name_not_given',
  'name_not_in_registry',
  'name_agrees',
  'name_reading_agrees_written_differently',
  'name_written_alike_read_differently',
  'name_agrees_by_reading',
  'name_agrees_dictionary_reading',
  'name_not_comparable',
  'name_one_letter_off',
  'name_differs',
  'birth_date_not_in_registry',
  'birth_date_not_given',
  'birth_date_agrees',
  'birth_date_one_part_off',
  'birth_date_differs',
  'email_not_in_registry',
  'email_not_given',
  'company_email_agrees',
  'personal_email_agrees',
  'personal_email_agrees_normalised',
  'personal_email_differs_phone_agrees',
  'personal_email_differs',
  'email_not_comparable',
  'phone_not_in_registry',
  'phone_not_given',
  'phone_agrees',
  'phone_differs',
  'employee_number_not_claimed',
  'employee_number_agrees',
  'employee_number_other_record',
  'work_history_period_agrees',
  'work_history_period_partly_agrees',
  'work_history_lists_company',
  'work_history_period_differs',
] as const;
export type EvidenceReason = (typeof EVIDENCE_REASONS)[number];

/** Qualifications appended to a reason, in this order of appearance. */
export const EVIDENCE_NOTES = [
  'fields_swapped',
  'single_field',
  'applicant_former_surname',
  'registry_first_given_name',
  'capped_full_name',
  'capped_names_alone',
  'household_family_cap',
  'household_family_disagree',
] as const;
export type EvidenceNote = (typeof EVIDENCE_NOTES)[number];

export const EVIDENCE_FIELDS = [
  'family_name',
  'given_name',
  'birth_date',
  'email',
  'phone',
  'employee_number',
  'work_history',
] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

export type EvidenceLanguage = 'ja' | 'en';

interface EvidenceTexts {
  /** {label}: the name part; {via}: the former-surname phrase (or nothing); {oneIn}: 1 in how many share it. */
  reasons: Record<EvidenceReason, string>;
  notes: Record<EvidenceNote, string>;
  fields: Record<EvidenceField, string>;
  outcomes: Record<'agree' | 'partial' | 'disagree' | 'missing', string>;
  /** Name parts inside a sentence ({label}). */
  nameLabels: { family_name: string; given_name: string };
  via: string;
}

const EN: EvidenceTexts = {
  reasons: {
    name_not_given: '{label} not given',
    name_not_in_registry: '{label} not in registry',
    name_agrees: '{label} agrees{via} (1 in {oneIn})',
    name_reading_agrees_written_differently: '{label} reading agrees{via} but written differently',
    name_written_alike_read_differently: '{label} written alike{via} but read differently',
    name_agrees_by_reading: '{label} agrees by reading{via} (1 in {oneIn})',
    name_agrees_dictionary_reading:
      "{label} agrees with a dictionary reading of the registry's kanji (no kana recorded){via}",
    name_not_comparable: '{label} not comparable (different scripts, no reading)',
    name_one_letter_off: '{label} differs by one letter{via} (possible typo)',
    name_differs: '{label} differs{via}',
    birth_date_not_in_registry: 'date of birth not in registry',
    birth_date_not_given: 'date of birth not given',
    birth_date_agrees: 'date of birth agrees',
    birth_date_one_part_off: 'date of birth differs by one part (possible typo)',
    birth_date_differs: 'date of birth differs',
    email_not_in_registry: 'no e-mail in registry',
    email_not_given: 'no e-mail given',
    company_email_agrees:
      'company e-mail agrees (weak: company addresses are known to colleagues and end on leaving)',
    personal_email_agrees: 'personal e-mail agrees',
    personal_email_agrees_normalised: 'personal e-mail agrees after Gmail normalisation',
    personal_email_differs_phone_agrees: 'personal e-mail differs although the phone agrees',
    personal_email_differs: 'personal e-mail differs (returnees who change contacts usually change them all)',
    email_not_comparable: 'no comparable personal e-mail',
    phone_not_in_registry: 'no phone in registry',
    phone_not_given: 'no phone given',
    phone_agrees: 'phone agrees (may be a shared household phone)',
    phone_differs: 'phone differs',
    employee_number_not_claimed: 'no employee number claimed',
    employee_number_agrees: 'claimed employee number agrees',
    employee_number_other_record: 'claimed employee number is another record',
    work_history_period_agrees:
      'work history lists the company, joined and left in the months the registry has',
    work_history_period_partly_agrees:
      'work history lists the company; when they joined or left agrees with the registry, the other is not given',
    work_history_lists_company: 'work history lists the company, without dates to compare',
    work_history_period_differs:
      'work history lists the company, at another time than this record (another person?)',
  },
  notes: {
    fields_swapped: ' (family and given name fields swapped)',
    single_field: ' (whole name in one field)',
    applicant_former_surname: ' (read with the former surname the applicant gave)',
    registry_first_given_name: " (the first of the registry's given names)",
    capped_full_name: '; capped: counted as the full name, which other alumni share',
    capped_names_alone: '; capped: names alone never decide',
    household_family_cap: '; counts little next to a shared phone (relatives share both)',
    household_family_disagree: '; says little next to a shared phone (relatives differ in surname as often)',
  },
  fields: {
    family_name: 'Family name',
    given_name: 'Given name',
    birth_date: 'Date of birth',
    email: 'E-mail',
    phone: 'Phone',
    employee_number: 'Employee number',
    work_history: 'Work history',
  },
  outcomes: { agree: 'agrees', partial: 'partly agrees', disagree: 'differs', missing: 'not compared' },
  nameLabels: { family_name: 'family name', given_name: 'given name' },
  via: ' via former surname',
};

const JA: EvidenceTexts = {
  reasons: {
    name_not_given: '{label}の入力なし',
    name_not_in_registry: '{label}が名簿にない',
    name_agrees: '{label}が一致{via}（名簿の{oneIn}人に1人）',
    name_reading_agrees_written_differently: '{label}の読みが一致{via}、表記は異なる',
    name_written_alike_read_differently: '{label}の表記が一致{via}、読みは異なる',
    name_agrees_by_reading: '{label}が読みで一致{via}（名簿の{oneIn}人に1人）',
    name_agrees_dictionary_reading: '{label}が名簿の漢字の辞書上の読みと一致（名簿にカナなし）{via}',
    name_not_comparable: '{label}は比較できない（文字種が異なり、読みもない）',
    name_one_letter_off: '{label}が1文字違い{via}（入力ミスの可能性）',
    name_differs: '{label}が異なる{via}',
    birth_date_not_in_registry: '生年月日が名簿にない',
    birth_date_not_given: '生年月日の入力なし',
    birth_date_agrees: '生年月日が一致',
    birth_date_one_part_off: '生年月日の一部だけ異なる（入力ミスの可能性）',
    birth_date_differs: '生年月日が異なる',
    email_not_in_registry: 'メールアドレスが名簿にない',
    email_not_given: 'メールアドレスの入力なし',
    company_email_agrees: '会社のメールアドレスが一致（弱い根拠：同僚にも知られ、退職で使えなくなるため）',
    personal_email_agrees: '個人のメールアドレスが一致',
    personal_email_agrees_normalised: '個人のメールアドレスがGmailの表記ゆれを除いて一致',
    personal_email_differs_phone_agrees: '電話番号は一致するが、個人のメールアドレスが異なる',
    personal_email_differs:
      '個人のメールアドレスが異なる（連絡先を変えた出戻り応募者は、たいてい全部変えている）',
    email_not_comparable: '比較できる個人のメールアドレスがない',
    phone_not_in_registry: '電話番号が名簿にない',
    phone_not_given: '電話番号の入力なし',
    phone_agrees: '電話番号が一致（家族共用の電話の可能性あり）',
    phone_differs: '電話番号が異なる',
    employee_number_not_claimed: '社員番号の申告なし',
    employee_number_agrees: '申告された社員番号が一致',
    employee_number_other_record: '申告された社員番号は別の人の記録',
    work_history_period_agrees: '職歴に当社の記載あり。入社・退職の年月が名簿と一致',
    work_history_period_partly_agrees:
      '職歴に当社の記載あり。入社または退職の年月が名簿と一致（もう一方は記載なし）',
    work_history_lists_company: '職歴に当社の記載あり（比較できる年月はない）',
    work_history_period_differs: '職歴に当社の記載あるが、この記録とは在籍時期が異なる（別人の可能性）',
  },
  notes: {
    fields_swapped: '（姓と名の欄が逆）',
    single_field: '（氏名が一つの欄に入力）',
    applicant_former_surname: '（応募者が申告した旧姓で照合）',
    registry_first_given_name: '（名簿の名の最初の語と照合）',
    capped_full_name: '。上限あり：同じ氏名の元社員が他にもいるため、氏名全体として数えた',
    capped_names_alone: '。上限あり：氏名だけでは決めない',
    household_family_cap: '。電話番号が共用の場合はあまり数えない（家族は姓も電話も同じ）',
    household_family_disagree: '。電話番号が共用の場合は根拠として弱い（家族の姓が違うことも同じくらいある）',
  },
  fields: {
    family_name: '姓',
    given_name: '名',
    birth_date: '生年月日',
    email: 'メールアドレス',
    phone: '電話番号',
    employee_number: '社員番号',
    work_history: '職歴',
  },
  outcomes: { agree: '一致', partial: '一部一致', disagree: '不一致', missing: '比較なし' },
  nameLabels: { family_name: '姓', given_name: '名' },
  via: '（旧姓で）',
};

export const EVIDENCE_TEXTS: Readonly<Record<EvidenceLanguage, EvidenceTexts>> = { en: EN, ja: JA };

/** The facts one piece of evidence carries (MatchEvidence has them; stored items from before have only detail). */
export interface EvidenceFacts {
  field: string;
  detail: string;
  reason?: EvidenceReason;
  notes?: readonly EvidenceNote[];
  /** The name part is shared by about 1 in this many people in the registry. */
  oneIn?: number;
  /** The agreement went through one of the registry's former surnames. */
  viaFormerSurname?: boolean;
}

const isNameField = (field: string): field is 'family_name' | 'given_name' =>
  field === 'family_name' || field === 'given_name';

/**
 * The evidence in a language. Evidence stored before reasons were recorded has only its English detail: that
 * is what it says in either language.
 */
export function evidenceText(e: EvidenceFacts, lang: EvidenceLanguage): string {
  if (!e.reason) return e.detail;
  const t = EVIDENCE_TEXTS[lang];
  const label = isNameField(e.field) ? t.nameLabels[e.field] : e.field;
  const sentence = t.reasons[e.reason]
    .replace('{label}', label)
    .replace('{via}', e.viaFormerSurname ? t.via : '')
    .replace('{oneIn}', String(e.oneIn ?? 1));
  return sentence + (e.notes ?? []).map((n) => t.notes[n]).join('');
}

export function evidenceFieldLabel(field: string, lang: EvidenceLanguage): string {
  return (EVIDENCE_TEXTS[lang].fields as Record<string, string>)[field] ?? field;
}

export function evidenceOutcomeLabel(outcome: string, lang: EvidenceLanguage): string {
  return (EVIDENCE_TEXTS[lang].outcomes as Record<string, string>)[outcome] ?? outcome;
}
