import type { HrisEmployee } from '../hris-connector.port';

type Json = Record<string, unknown>;

/**
 * A SmartHR crew (従業員) → the registry's canonical columns. Field names from SmartHR's crew schema
 * (https://developer.smarthr.jp/api/index.html, 従業員; also the SmartHR.NET client's Crew record):
 * emp_code 社員番号, last_name/first_name, last_name_yomi/first_name_yomi (カタカナ), birth_at, email,
 * tel_number, entered_at 入社年月日, resigned_at 退職年月日, position 役職, departments (部署; `department`
 * is the deprecated single string), emp_status employed/absent/retired, updated_at.
 * Not mapped: resigned_reason is free text (our departure codes come from HR's exit interview), and the
 * business name (ビジネスネーム) stays out of the registry's former surnames, which HR keeps.
 */
export function crewToEmployee(crew: Json): HrisEmployee {
  const typeProblems: HrisEmployee['typeProblems'] = [];
  const text = (field: string): string | undefined => {
    const v = crew[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    typeProblems.push({ field, message: `${field} must be text, as SmartHR documents it.` });
    return undefined;
  };
  const raw: HrisEmployee['raw'] = {
    employee_number: text('emp_code') ?? '',
    family_name: text('last_name') ?? '',
    given_name: text('first_name') ?? '',
    family_name_kana: text('last_name_yomi') ?? '',
    given_name_kana: text('first_name_yomi') ?? '',
    birth_date: text('birth_at') ?? '',
    emails: text('email') ?? '',
    phones: text('tel_number') ?? '',
    hire_date: text('entered_at') ?? '',
    leave_date: text('resigned_at') ?? '',
    department: departmentName(crew) ?? '',
    job_title: text('position') ?? '',
  };
  const grade = text('grade');
  if (grade !== undefined) raw.job_level = grade;
  return {
    externalId: typeof crew.id === 'string' || typeof crew.id === 'number' ? String(crew.id) : '',
    leaver: (raw.leave_date ?? '') !== '',
    updatedAt: typeof crew.updated_at === 'string' ? crew.updated_at : null,
    raw,
    labels: {
      employee_number: 'emp_code',
      family_name: 'last_name',
      given_name: 'first_name',
      family_name_kana: 'last_name_yomi',
      given_name_kana: 'first_name_yomi',
      birth_date: 'birth_at',
      emails: 'email',
      phones: 'tel_number',
      hire_date: 'entered_at',
      leave_date: 'resigned_at',
      department: 'departments',
      job_title: 'position',
      job_level: 'grade',
    },
    typeProblems,
  };
}

/** `departments` (list of 部署 objects with `name`) since 2023-08; the single `department` string before. */
function departmentName(crew: Json): string | null {
  const list = crew.departments;
  if (Array.isArray(list)) {
    const first = list.find((d): d is Json => typeof d === 'object' && d !== null);
    if (first && typeof first.name === 'string') return first.name;
  }
  return typeof crew.department === 'string' ? crew.department : null;
}
