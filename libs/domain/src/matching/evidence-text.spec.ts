import {
  EVIDENCE_NOTES,
  EVIDENCE_REASONS,
  EVIDENCE_TEXTS,
  evidenceFieldLabel,
  evidenceOutcomeLabel,
  evidenceText,
} from './evidence-text';
import { scoreCandidate } from './match-scoring';
import { bareAlumnus, CTX } from './match-fixtures.spec-support';

const placeholders = (s: string): string[] => (s.match(/\{\w+\}/gu) ?? []).sort();
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

describe('evidence texts', () => {
  it.each(EVIDENCE_REASONS.map((r) => [r]))('%s reads in both languages with the same facts', (reason) => {
    const { en, ja } = EVIDENCE_TEXTS;
    expect(en.reasons[reason]).not.toBe('');
    expect(ja.reasons[reason]).toMatch(JAPANESE);
    expect(placeholders(ja.reasons[reason])).toEqual(placeholders(en.reasons[reason]));
  });

  it.each(EVIDENCE_NOTES.map((n) => [n]))('note %s reads in both languages', (note) => {
    expect(EVIDENCE_TEXTS.en.notes[note]).not.toBe('');
    expect(EVIDENCE_TEXTS.ja.notes[note]).toMatch(JAPANESE);
  });

  it('fills in the name part, the former-surname phrase, the rarity and the notes', () => {
    const e = {
      field: 'family_name',
      detail: '',
      reason: 'name_agrees' as const,
      oneIn: 40,
      viaFormerSurname: true,
      notes: ['fields_swapped' as const, 'capped_names_alone' as const],
    };
    expect(evidenceText(e, 'en')).toBe(
      'family name agrees via former surname (1 in 40) (family and given name fields swapped); capped: names alone never decide',
    );
    expect(evidenceText(e, 'ja')).toBe(
      '姓が一致（旧姓で）（名簿の40人に1人）（姓と名の欄が逆）。上限あり：氏名だけでは決めない',
    );
  });

  it('evidence stored before reasons were recorded says its English detail in either language', () => {
    const old = { field: 'phone', detail: 'phone differs' };
    expect(evidenceText(old, 'ja')).toBe('phone differs');
  });

  it('labels fields and outcomes, and leaves unknown ones as they are', () => {
    expect(evidenceFieldLabel('family_name', 'ja')).toBe('姓');
    expect(evidenceFieldLabel('given_name', 'en')).toBe('Given name');
    expect(evidenceOutcomeLabel('agree', 'ja')).toBe('一致');
    expect(evidenceFieldLabel('something_new', 'ja')).toBe('something_new');
  });
});

describe('the matcher records reasons and says them in English as detail', () => {
  it('every piece of evidence has a reason, and its detail is the English text of it', () => {
    const alumnus = bareAlumnus({
      employeeNumber: 'E1',
      familyName: '北川',
      givenName: '咲香',
      previousFamilyNames: ['南岡'],
      birthDate: '1986-09-05',
      emails: ['sakika@example.com'],
      phones: ['070-6434-8613'],
    });
    const stats = { alumniCount: 1000, frequency: () => 2 };
    const c = scoreCandidate(
      { lastName: '南岡', firstName: '咲香', birthDate: '1986-09-05', phones: ['070-6434-8613'], emails: [] },
      alumnus,
      stats,
      CTX,
    );
    expect(c.evidence.map((e) => e.reason)).toEqual([
      'name_agrees',
      'name_agrees',
      'birth_date_agrees',
      'email_not_given',
      'phone_agrees',
      'employee_number_not_claimed',
    ]);
    for (const e of c.evidence) expect(e.detail).toBe(evidenceText(e, 'en'));
    const family = c.evidence[0];
    expect(family.viaFormerSurname).toBe(true);
    expect(family.notes).toContain('household_family_cap');
    expect(evidenceText(family, 'ja')).toContain('姓が一致（旧姓で）');
  });
});
